package io.vortex.api;

import io.vortex.api.internal.TimeMath;
import io.vortex.api.function.JoinFunction;
import io.vortex.api.function.KeySelector;
import io.vortex.api.internal.KeyTypes;
import io.vortex.api.internal.RecordTypes;
import io.vortex.api.graph.OperatorKind;
import io.vortex.api.internal.operators.Factories;
import io.vortex.api.internal.operators.WindowJoinOperator;
import io.vortex.api.internal.translate.Transform;
import io.vortex.api.internal.translate.TransformInput;
import io.vortex.api.window.Window;
import io.vortex.api.window.WindowAssigner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two streams to join in windows, as in Flink: {@code first.join(second).where(key1)
 * .equalTo(key2).window(assigner).apply(joinFunction)}. An inner join: for each key and window,
 * the join function gets every pair of a first-stream and a second-stream element. Both key
 * selectors must return equal keys (same class, equal {@code equals}/{@code hashCode}) for
 * elements that should meet.
 *
 * <p>Threading: confined to the thread that builds the job.
 */
public final class JoinedStreams<T1, T2> {
  private final DataStream<T1> first;
  private final DataStream<T2> second;

  JoinedStreams(DataStream<T1> first, DataStream<T2> second) {
    this.first = first;
    this.second = Objects.requireNonNull(second, "other");
    if (first.env != second.env) {
      throw new IllegalArgumentException("cannot join streams of different environments");
    }
  }

  /** The key of the first stream's elements. */
  public <K> Where<K> where(KeySelector<T1, K> keySelector) {
    KeyTypes.check(Objects.requireNonNull(keySelector, "keySelector"), "join(...).where");
    return new Where<>(keySelector);
  }

  /** A join with the first stream's key. */
  public final class Where<K> {
    private final KeySelector<T1, K> key1;

    Where(KeySelector<T1, K> key1) {
      this.key1 = key1;
    }

    /** The key of the second stream's elements. */
    public EqualTo equalTo(KeySelector<T2, K> keySelector) {
      KeyTypes.check(Objects.requireNonNull(keySelector, "keySelector"), "join(...).equalTo");
      return new EqualTo(keySelector);
    }

    /** A join with both keys. */
    public final class EqualTo {
      private final KeySelector<T2, K> key2;

      EqualTo(KeySelector<T2, K> key2) {
        this.key2 = key2;
      }

      /** The windows in which elements meet (both streams' elements go through the assigner). */
      public <W extends Window> WithWindow<K, W> window(WindowAssigner<Object, W> assigner) {
        return new WithWindow<>(key1, key2, Objects.requireNonNull(assigner, "assigner"));
      }
    }
  }

  /**
   * A join with keys and windows, ready for {@link #apply}.
   *
   * <p>Threading: confined to the thread that builds the job.
   */
  public final class WithWindow<K, W extends Window> {
    private final KeySelector<T1, K> key1;
    private final KeySelector<T2, K> key2;
    private final WindowAssigner<Object, W> assigner;
    private long allowedLatenessMillis;

    WithWindow(KeySelector<T1, K> key1, KeySelector<T2, K> key2, WindowAssigner<Object, W> assigner) {
      this.key1 = key1;
      this.key2 = key2;
      this.assigner = assigner;
    }

    /** As {@link WindowedStream#allowedLateness}: late pairs re-fire the window's join. */
    public WithWindow<K, W> allowedLateness(Duration lateness) {
      Objects.requireNonNull(lateness, "lateness");
      if (lateness.isNegative()) {
        throw new IllegalArgumentException("the allowed lateness must not be negative: " + lateness);
      }
      this.allowedLatenessMillis = TimeMath.millis(lateness);
      return this;
    }

    /** Emits {@code function.join(a, b)} for every pair of the same key and window. */
    public <OUT> DataStream<OUT> apply(JoinFunction<T1, T2, OUT> function) {
      Objects.requireNonNull(function, "function");
      // locals, so the serializable supplier captures no builder
      WindowAssigner<Object, W> a = assigner;
      KeySelector<T1, K> k1 = key1;
      KeySelector<T2, K> k2 = key2;
      long lateness = allowedLatenessMillis;
      List<TransformInput> inputs = new ArrayList<>(first.inputs(k1, 0));
      inputs.addAll(second.inputs(k2, 1));
      Transform t =
          first.env.addTransform(
              "window join",
              Factories.twoKeyed(
                  OperatorKind.WINDOW_JOIN, k1, k2,
                  () -> new WindowJoinOperator<>(a, k1, k2, lateness, function)),
              inputs);
      t.setOutputType(RecordTypes.argument(function, JoinFunction.class, 2, true));
      return new DataStream<>(first.env, List.of(new DataStream.Ref(t, null)));
    }
  }
}
