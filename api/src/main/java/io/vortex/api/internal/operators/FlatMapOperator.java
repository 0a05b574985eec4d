package io.vortex.api.internal.operators;

import io.vortex.api.function.FlatMapFunction;

/**
 * Applies a {@link FlatMapFunction}; every output keeps the input's timestamp. What one call
 * collects beyond the output's room is held (on the heap) and goes out before the next input
 * ({@link Output#collectOrHold}); {@link IterableFlatMapOperator} pulls its output instead.
 */
public final class FlatMapOperator<IN, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputOperator<IN, OUT> {
  private final FlatMapFunction<IN, OUT> function;
  private TimestampedCollector<OUT> collector;

  public FlatMapOperator(FlatMapFunction<IN, OUT> function) {
    this.function = function;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void open(OperatorContext context, Output<OUT> output) throws Exception {
    collector = new TimestampedCollector<>(output, true);
    super.open(context, output);
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    function.flatMap(value, collector);
  }
}
