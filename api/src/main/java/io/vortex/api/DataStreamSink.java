package io.vortex.api;

import io.vortex.api.internal.translate.Transform;

/** The end of a stream: a sink operator, which may be named and given a parallelism. */
public final class DataStreamSink<T> {
  private final Transform transform;

  DataStreamSink(Transform transform) {
    this.transform = transform;
  }

  public DataStreamSink<T> name(String name) {
    transform.setName(name);
    return this;
  }

  public DataStreamSink<T> setParallelism(int parallelism) {
    transform.setParallelism(parallelism);
    return this;
  }
}
