package io.vortex.api.internal.operators;

import io.vortex.api.RuntimeMode;
import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.KeySelector;
import io.vortex.api.state.StateDescriptor;
import io.vortex.api.state.ValueState;

/**
 * A keyed rolling aggregate. STREAMING: the accumulator lives in keyed state and the result is
 * emitted after every record. BATCH: accumulators live on the heap and each key's result is
 * emitted once at the end of input, carrying the key's newest timestamp, as a burst ({@link
 * Output#emitBurst}); until then it holds
 * watermarks back, as every earlier one could pass the results it still holds. When {@code
 * preAggregated}, the input is {@link KeyedPartial}s from a {@link LocalAggregateOperator} and
 * accumulators are merged.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class KeyedAggregateOperator<K, IN, A, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputOperator<Object, OUT> {
  private final AggregateFunction<IN, A, OUT> function;
  private final KeySelector<IN, K> keySelector;
  private final boolean preAggregated;
  private KeyContext<IN> keys;
  private ValueState<A> state;
  private KeyedAccumulators<A> batch;

  public KeyedAggregateOperator(
      AggregateFunction<IN, A, OUT> function, KeySelector<IN, K> keySelector, boolean preAggregated) {
    this.function = function;
    this.keySelector = keySelector;
    this.preAggregated = preAggregated;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void open(OperatorContext context, Output<OUT> output) throws Exception {
    if (context.mode() == RuntimeMode.BATCH) {
      batch = new KeyedAccumulators<>();
    } else {
      keys = new KeyContext<>(keySelector, context);
      state = keys.backend().getState(StateDescriptor.<A>value("aggregate"));
    }
    super.open(context, output);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement(Object value, long timestamp) throws Exception {
    if (batch != null) {
      if (preAggregated) {
        var partial = (KeyedPartial<K, A>) value;
        var slot = batch.slot(partial.key(), timestamp);
        slot.accumulator =
            slot.accumulator == null
                ? partial.accumulator()
                : function.merge(slot.accumulator, partial.accumulator());
      } else {
        IN in = (IN) value;
        var slot = batch.slot(keySelector.getKey(in), timestamp);
        A acc = slot.accumulator == null ? function.createAccumulator() : slot.accumulator;
        slot.accumulator = function.add(in, acc);
      }
      return;
    }
    IN in = (IN) value;
    keys.setKeyOf(in);
    A acc = state.value();
    acc = function.add(in, acc == null ? function.createAccumulator() : acc);
    state.update(acc);
    output.collect(function.getResult(acc), timestamp);
  }

  /** BATCH holds every key until the end, so it forwards only the final watermark. */
  @Override
  public void processWatermark(long watermark) throws Exception {
    if (batch != null && watermark != Long.MAX_VALUE) {
      currentWatermark = watermark;
      return;
    }
    if (batch != null) {
      output.emitBurst(
          batch.drain((key, slot) -> output.collect(function.getResult(slot.accumulator), slot.timestamp)));
    }
    super.processWatermark(watermark);
  }
}
