package io.vortex.api.internal.operators;

import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.KeySelector;
import io.vortex.api.function.ReduceFunction;
import io.vortex.api.function.RuntimeContext;
import io.vortex.api.internal.KeyHashes;
import io.vortex.api.state.KeyedStateStore;

/**
 * The first stage of a two-stage batch aggregation: combines records per key before the keyed
 * exchange, so only one partial per key and task crosses it. Emits everything at the end of
 * input, or earlier when it holds {@code maxKeys} keys (memory stays bounded; the second stage
 * merges partials either way), as a burst ({@link Output#emitBurst}). Emits the reduced records
 * (reduce) or {@link KeyedPartial}s (aggregate). It holds records until then, so it forwards only the final watermark (an earlier
 * one would run ahead of the timestamps it still holds). A rich user function is opened and
 * closed here as in the second stage, without keyed state (there is no key before the exchange).
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
  private Class<?> lastKeyClass;

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
    if (key != null && key.getClass() != lastKeyClass) { // refuse unhashable keys at once, not at the end
      KeyHashes.check(key);
      lastKeyClass = key.getClass();
    }
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

  /** Forwards only the final watermark: any earlier one could pass records it still holds. */
  @Override
  public void processWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    if (watermark == Long.MAX_VALUE) {
      flush();
      output.emitWatermark(watermark);
    }
  }

  @Override
  protected Object userFunction() {
    return reduce != null ? reduce : aggregate;
  }

  /** The combiner runs before the keyed exchange: it has no keyed state to offer. */
  @Override
  protected RuntimeContext runtimeContext() {
    RuntimeContext keyed = super.runtimeContext();
    return new RuntimeContext() {
      @Override
      public String operatorName() {
        return keyed.operatorName();
      }

      @Override
      public int subtaskIndex() {
        return keyed.subtaskIndex();
      }

      @Override
      public int parallelism() {
        return keyed.parallelism();
      }

      @Override
      public KeyedStateStore state() {
        throw new UnsupportedOperationException(
            "keyed state is not available to the function of '" + operatorName() + "': in BATCH "
                + "mode it also pre-aggregates before the keyed exchange, where there is no key; "
                + "keep state out of reduce/aggregate functions, or use process(KeyedProcessFunction)");
      }

      @Override
      public void addToCounter(String name, long delta) {
        keyed.addToCounter(name, delta);
      }
    };
  }

  /** Emits every partial as a burst (one per piece) and starts afresh. */
  private void flush() throws Exception {
    output.emitBurst(
        partials.drain(
            (key, slot) ->
                output.collect(
                    reduce != null ? slot.accumulator : new KeyedPartial<>(key, slot.accumulator),
                    slot.timestamp)));
  }
}
