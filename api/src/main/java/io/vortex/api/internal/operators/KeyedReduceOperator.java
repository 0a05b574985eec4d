package io.vortex.api.internal.operators;

import io.vortex.api.RuntimeMode;
import io.vortex.api.function.KeySelector;
import io.vortex.api.function.ReduceFunction;
import io.vortex.api.state.StateDescriptor;
import io.vortex.api.state.ValueState;

/**
 * A keyed rolling reduce. STREAMING: the reduced value is kept in keyed state and emitted after
 * every record. BATCH: values are reduced on the heap and each key's final value is emitted once
 * when the input ends (the final watermark), carrying the key's newest timestamp, as a burst
 * ({@link Output#emitBurst}) so that however many keys there are the output stays bounded; until
 * then it holds watermarks back, as every earlier one could pass the results it still holds.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class KeyedReduceOperator<K, T> extends AbstractStreamOperator<T>
    implements OneInputOperator<T, T> {
  private final ReduceFunction<T> function;
  private final KeySelector<T, K> keySelector;
  private KeyContext<T> keys;
  private ValueState<T> state;
  private KeyedAccumulators<T> batch;

  public KeyedReduceOperator(ReduceFunction<T> function, KeySelector<T, K> keySelector) {
    this.function = function;
    this.keySelector = keySelector;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void open(OperatorContext context, Output<T> output) throws Exception {
    if (context.mode() == RuntimeMode.BATCH) {
      batch = new KeyedAccumulators<>();
    } else {
      keys = new KeyContext<>(keySelector, context);
      state = keys.backend().getState(StateDescriptor.<T>value("reduce"));
    }
    super.open(context, output);
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    if (batch != null) {
      var slot = batch.slot(keySelector.getKey(value), timestamp);
      slot.accumulator = slot.accumulator == null ? value : function.reduce(slot.accumulator, value);
      return;
    }
    keys.setKeyOf(value);
    T current = state.value();
    T reduced = current == null ? value : function.reduce(current, value);
    state.update(reduced);
    output.collect(reduced, timestamp);
  }

  /** BATCH holds every key until the end, so it forwards only the final watermark. */
  @Override
  public void processWatermark(long watermark) throws Exception {
    if (batch != null && watermark != Long.MAX_VALUE) {
      currentWatermark = watermark;
      return;
    }
    if (batch != null) {
      output.emitBurst(batch.drain((key, slot) -> output.collect(slot.accumulator, slot.timestamp)));
    }
    super.processWatermark(watermark);
  }
}
