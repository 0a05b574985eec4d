package io.vortex.api;

import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.KeySelector;
import io.vortex.api.function.KeyedProcessFunction;
import io.vortex.api.function.ReduceFunction;
import io.vortex.api.graph.OperatorKind;
import io.vortex.api.internal.RecordTypes;
import io.vortex.api.internal.operators.Factories;
import io.vortex.api.internal.operators.KeyedProcessOperator;
import io.vortex.api.internal.translate.Transform;
import java.util.List;
import java.util.Objects;
import io.vortex.api.window.WindowAssigner;
import io.vortex.api.window.Window;

/**
 * A stream partitioned by key. Keyed operations see keyed state and timers of the record's key.
 */
public final class KeyedStream<T, K> extends DataStream<T> {
  final KeySelector<T, K> keySelector;

  KeyedStream(StreamEnvironment env, List<Ref> refs, KeySelector<T, K> keySelector) {
    super(env, refs);
    this.keySelector = keySelector;
  }

  public KeySelector<T, K> keySelector() {
    return keySelector;
  }

  /**
   * Combines the records of each key. STREAMING: emits the combined value after every record.
   * BATCH: emits each key's final value once (and combines before the shuffle).
   */
  public DataStream<T> reduce(ReduceFunction<T> reducer) {
    Objects.requireNonNull(reducer, "reducer");
    DataStream<T> reduced = keyed("reduce", new Factories.KeyedReduce(reducer, keySelector), null);
    reduced.producer().keepInputType();
    return reduced;
  }

  /**
   * Aggregates the records of each key. STREAMING: emits the current result after every record.
   * BATCH: emits each key's final result once; partial accumulators are combined before the
   * shuffle with {@link AggregateFunction#merge}.
   */
  public <A, R> DataStream<R> aggregate(AggregateFunction<T, A, R> aggregator) {
    Objects.requireNonNull(aggregator, "aggregator");
    return keyed("aggregate", new Factories.KeyedAggregate(aggregator, keySelector, false),
        RecordTypes.argument(aggregator, AggregateFunction.class, 2, false));
  }

  /** Runs a {@link KeyedProcessFunction} with keyed state and timers. */
  public <R> DataStream<R> process(KeyedProcessFunction<K, T, R> function) {
    Objects.requireNonNull(function, "function");
    KeySelector<T, K> key = keySelector;
    return keyed(
        "process",
        Factories.keyed(
            OperatorKind.KEYED_PROCESS, key, () -> new KeyedProcessOperator<>(function, key)),
        RecordTypes.argument(function, KeyedProcessFunction.class, 2, false));
  }

  /** Groups each key's records into the windows of {@code assigner} (see {@link WindowedStream}). */
  public <W extends Window> WindowedStream<T, K, W> window(
      WindowAssigner<? super T, W> assigner) {
    return new WindowedStream<>(this, assigner);
  }

  /** Operations on a keyed stream read it partitioned by key. */
  @Override
  List<io.vortex.api.internal.translate.TransformInput> inputs(KeySelector<?, ?> key, int inputIndex) {
    return super.inputs(key != null ? key : keySelector, inputIndex);
  }

  /** Adds a keyed operator producing records of {@code outputType} (null: unknown). */
  <R> DataStream<R> keyed(String name, io.vortex.api.internal.operators.OperatorFactory factory, Class<?> outputType) {
    Transform t = env.addTransform(name, factory, inputs(keySelector));
    t.setOutputType(outputType);
    return new DataStream<>(env, List.of(new Ref(t, null)));
  }
}
