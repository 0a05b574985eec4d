package io.vortex.api.sink;

import java.io.Serializable;

/** Where a stream ends. Each parallel instance writes through its own {@link SinkWriter}. */
public interface Sink<T> extends Serializable {
  SinkWriter<T> createWriter(SinkContext context) throws Exception;
}
