package io.vortex.api.internal.operators;

import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.KeySelector;
import io.vortex.api.function.ReduceFunction;
import java.util.Map;

/**
 * The first stage of a two-stage batch aggregation: combines records per key before the keyed
 * exchange, so only one partial per key and task crosses it. Emits everything at the end of
 * input, or earlier when it holds {@code maxKeys} keys (memory stays bounded; the second stage
 * merges partials either way). Emits the reduced records (reduce) or {@link KeyedPartial}s
 * (aggregate).
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class LocalAggregateOperator<K, IN> extends AbstractStreamOperator<Object>
    implements OneInputOperator<IN, Object> {
  static final int DEFAULT_MAX_KEYS = 1 << 16;

  private final KeySelector<IN, K> keySelector;
  private final ReduceFunction<IN> reduce;
  private final AggregateFunction<IN, Object, ?> aggregate;
  private final int maxKeys;
  private final KeyedAccumulators<Object> partials = new KeyedAccumulators<>();

  private LocalAggregateOperator(
      KeySelector<IN, K> keySelector,
      ReduceFunction<IN> reduce,
      AggregateFunction<IN, Object, ?> aggregate,
      int maxKeys) {
    this.keySelector = keySelector;
    this.reduce = reduce;
    this.aggregate = aggregate;
    this.maxKeys = maxKeys;
  }

  public static <K, IN> LocalAggregateOperator<K, IN> reducing(
      KeySelector<IN, K> keySelector, ReduceFunction<IN> reduce) {
    return new LocalAggregateOperator<>(keySelector, reduce, null, DEFAULT_MAX_KEYS);
  }

  @SuppressWarnings("unchecked")
  public static <K, IN> LocalAggregateOperator<K, IN> aggregating(
      KeySelector<IN, K> keySelector, AggregateFunction<IN, ?, ?> aggregate) {
    return new LocalAggregateOperator<>(
        keySelector, null, (AggregateFunction<IN, Object, ?>) aggregate, DEFAULT_MAX_KEYS);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement(IN value, long timestamp) throws Exception {
    K key = keySelector.getKey(value);
    var slot = partials.slot(key, timestamp);
    if (reduce != null) {
      slot.accumulator =
          slot.accumulator == null ? value : reduce.reduce((IN) slot.accumulator, value);
    } else {
      Object acc = slot.accumulator == null ? aggregate.createAccumulator() : slot.accumulator;
      slot.accumulator = aggregate.add(value, acc);
    }
    if (partials.size() >= maxKeys) {
      flush();
    }
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    if (watermark == Long.MAX_VALUE) {
      flush();
    }
    super.processWatermark(watermark);
  }

  private void flush() {
    for (Map.Entry<Object, KeyedAccumulators.Slot<Object>> e : partials.entries()) {
      var slot = e.getValue();
      Object out = reduce != null ? slot.accumulator : new KeyedPartial<>(e.getKey(), slot.accumulator);
      output.collect(out, slot.timestamp);
    }
    partials.clear();
  }
}
