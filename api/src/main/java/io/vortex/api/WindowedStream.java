package io.vortex.api;

import io.vortex.api.internal.RecordTypes;
import io.vortex.api.internal.TimeMath;
import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.ProcessWindowFunction;
import io.vortex.api.function.ReduceFunction;
import io.vortex.api.internal.operators.WindowAggregator;
import io.vortex.api.internal.operators.WindowDefinition;
import io.vortex.api.internal.operators.WindowFactories;
import io.vortex.api.window.Window;
import io.vortex.api.window.WindowAssigner;
import java.time.Duration;
import java.util.Objects;

/**
 * A keyed stream grouped into windows ({@link KeyedStream#window}), as in Flink. Finish it with
 * a window function: {@link #reduce}, {@link #aggregate} (incremental: one accumulator per key
 * and window) or {@link #process} (keeps every element). Each window of each key fires once
 * when event time (or, for processing-time assigners, the wall clock) passes its end, and its
 * results carry the timestamp {@code window.maxTimestamp()}.
 *
 * <p>Threading: confined to the thread that builds the job.
 */
public final class WindowedStream<T, K, W extends Window> {
  private final KeyedStream<T, K> input;
  private final WindowAssigner<? super T, W> assigner;
  private long allowedLatenessMillis;
  private OutputTag<T> lateDataTag;

  WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
    this.input = input;
    this.assigner = Objects.requireNonNull(assigner, "assigner");
  }

  /**
   * Keeps each event-time window's state for {@code lateness} after it fired (default 0): a
   * record arriving in that time is added and fires the window again with the updated result.
   * Records later than that are dropped (see {@link #sideOutputLateData}). No effect on
   * processing-time windows.
   */
  public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
    Objects.requireNonNull(lateness, "lateness");
    if (lateness.isNegative()) {
      throw new IllegalArgumentException("the allowed lateness must not be negative: " + lateness);
    }
    this.allowedLatenessMillis = TimeMath.millis(lateness);
    return this;
  }

  /**
   * Sends records that arrive too late for all their windows to the side output {@code tag}
   * (read it with {@code getSideOutput(tag)} on the result) instead of dropping them.
   */
  public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> tag) {
    this.lateDataTag = Objects.requireNonNull(tag, "tag");
    return this;
  }

  /** Reduces each window incrementally; emits the reduced value. */
  public DataStream<T> reduce(ReduceFunction<T> reducer) {
    Objects.requireNonNull(reducer, "reducer");
    DataStream<T> reduced = build("window reduce", WindowAggregator.reducing(reducer), null, null);
    reduced.producer().keepInputType();
    return reduced;
  }

  /** Reduces each window incrementally; {@code function} gets the one reduced value. */
  public <R> DataStream<R> reduce(
      ReduceFunction<T> reducer, ProcessWindowFunction<T, R, K, W> function) {
    Objects.requireNonNull(reducer, "reducer");
    Objects.requireNonNull(function, "function");
    return build("window reduce", WindowAggregator.reducing(reducer), function, windowOutput(function));
  }

  /** Aggregates each window incrementally; emits {@code getResult} of its accumulator. */
  public <A, R> DataStream<R> aggregate(AggregateFunction<T, A, R> aggregator) {
    Objects.requireNonNull(aggregator, "aggregator");
    return build("window aggregate", WindowAggregator.aggregating(aggregator), null,
        RecordTypes.argument(aggregator, AggregateFunction.class, 2, false));
  }

  /** Aggregates each window incrementally; {@code function} gets the one aggregated result. */
  public <A, V, R> DataStream<R> aggregate(
      AggregateFunction<T, A, V> aggregator, ProcessWindowFunction<V, R, K, W> function) {
    Objects.requireNonNull(aggregator, "aggregator");
    Objects.requireNonNull(function, "function");
    return build("window aggregate", WindowAggregator.aggregating(aggregator), function, windowOutput(function));
  }

  /** Keeps every element of each window and hands them all to {@code function} when it fires. */
  public <R> DataStream<R> process(ProcessWindowFunction<T, R, K, W> function) {
    Objects.requireNonNull(function, "function");
    return build("window process", null, function, windowOutput(function));
  }

  private static Class<?> windowOutput(ProcessWindowFunction<?, ?, ?, ?> function) {
    return RecordTypes.argument(function, ProcessWindowFunction.class, 1, false);
  }

  private <R> DataStream<R> build(
      String name, WindowAggregator<?, ?, ?> aggregator, ProcessWindowFunction<?, ?, ?, ?> function, Class<?> outputType) {
    var definition =
        new WindowDefinition(
            assigner, input.keySelector(), allowedLatenessMillis, lateDataTag, aggregator, function);
    return input.keyed(name, new WindowFactories.Keyed(definition, false), outputType);
  }
}
