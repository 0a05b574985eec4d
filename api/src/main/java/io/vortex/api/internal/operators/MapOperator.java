package io.vortex.api.internal.operators;

import io.vortex.api.function.MapFunction;

/** Applies a {@link MapFunction}; keeps the record's timestamp. */
public final class MapOperator<IN, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputOperator<IN, OUT> {
  private final MapFunction<IN, OUT> function;

  public MapOperator(MapFunction<IN, OUT> function) {
    this.function = function;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    output.collect(function.map(value), timestamp);
  }
}
