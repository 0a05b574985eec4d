package io.vortex.api.internal.operators;

import io.vortex.api.function.FilterFunction;

/** Keeps the records a {@link FilterFunction} accepts. */
public final class FilterOperator<T> extends AbstractStreamOperator<T>
    implements OneInputOperator<T, T> {
  private final FilterFunction<T> function;

  public FilterOperator(FilterFunction<T> function) {
    this.function = function;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    if (function.filter(value)) {
      output.collect(value, timestamp);
    }
  }
}
