package io.vortex.api.internal.operators;

import io.vertx.core.Future;
import io.vortex.api.function.Collector;
import io.vortex.api.function.JoinFunction;
import io.vortex.api.function.KeySelector;
import io.vortex.api.function.ProcessWindowFunction;
import io.vortex.api.function.RichFunction;
import io.vortex.api.function.RuntimeContext;
import io.vortex.api.window.Window;
import io.vortex.api.window.WindowAssigner;
import java.util.ArrayList;
import java.util.List;

/**
 * An inner window join, as Flink builds it: both inputs, tagged by side, go into one keyed
 * {@link WindowOperator} that keeps every element; when a window fires, the join function gets
 * every (first, second) pair of that key and window, first-input elements in arrival order in
 * the outer loop. Results carry the window's max timestamp; late elements are dropped and
 * counted as the window operator does.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class WindowJoinOperator<T1, T2, OUT, W extends Window>
    implements TwoInputOperator<T1, T2, OUT> {
  private final WindowOperator<Object, Tagged, OUT, W> windows;

  public WindowJoinOperator(
      WindowAssigner<Object, W> assigner,
      KeySelector<T1, ?> key1,
      KeySelector<T2, ?> key2,
      long allowedLatenessMillis,
      JoinFunction<T1, T2, OUT> join) {
    var definition =
        new WindowDefinition(
            assigner, new TaggedKey(key1, key2), allowedLatenessMillis, null, null,
            new CrossProduct<>(join));
    this.windows = new WindowOperator<>(definition, false);
  }

  @Override
  public void open(OperatorContext context, Output<OUT> output) throws Exception {
    windows.open(context, output);
  }

  @Override
  public void processElement1(T1 value, long timestamp) throws Exception {
    windows.processElement(new Tagged(true, value), timestamp);
  }

  @Override
  public void processElement2(T2 value, long timestamp) throws Exception {
    windows.processElement(new Tagged(false, value), timestamp);
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    windows.processWatermark(watermark);
  }

  @Override
  public void onProcessingTime(long now) throws Exception {
    windows.onProcessingTime(now);
  }

  @Override
  public Future<Void> finish() {
    return windows.finish();
  }

  @Override
  public void close() throws Exception {
    windows.close();
  }

  /** An element of either input. Immutable. */
  record Tagged(boolean first, Object value) {}

  /** Keys each side with its own selector. */
  record TaggedKey(KeySelector<?, ?> first, KeySelector<?, ?> second)
      implements KeySelector<Tagged, Object> {
    @Override
    @SuppressWarnings("unchecked")
    public Object getKey(Tagged t) throws Exception {
      return t.first()
          ? ((KeySelector<Object, ?>) first).getKey(t.value())
          : ((KeySelector<Object, ?>) second).getKey(t.value());
    }
  }

  /**
   * Emits the join of every pair of a fired window, lazily: the window operator takes one pair
   * per piece of its burst, so a huge cross product stays within the channels' bound.
   */
  static final class CrossProduct<T1, T2, OUT>
      extends ProcessWindowFunction<Tagged, OUT, Object, Window>
      implements LazyWindowFunction<Tagged, OUT> {
    private static final long serialVersionUID = 1L;
    private final JoinFunction<T1, T2, OUT> join;

    CrossProduct(JoinFunction<T1, T2, OUT> join) {
      this.join = join;
    }

    @Override
    public void process(Object key, Context context, Iterable<Tagged> elements, Collector<OUT> out)
        throws Exception {
      Results<OUT> pairs = results(key, elements);
      while (pairs.hasNext()) {
        out.collect(pairs.next());
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Results<OUT> results(Object key, Iterable<Tagged> elements) {
      List<T1> firsts = new ArrayList<>();
      List<T2> seconds = new ArrayList<>();
      for (Tagged t : elements) {
        if (t.first()) {
          firsts.add((T1) t.value());
        } else {
          seconds.add((T2) t.value());
        }
      }
      return new Pairs<>(firsts, seconds, join);
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
      if (join instanceof RichFunction rich) {
        rich.open(context);
      }
    }

    @Override
    public void close() throws Exception {
      if (join instanceof RichFunction rich) {
        rich.close();
      }
    }
  }

  /**
   * The joined pairs of one window, first-input elements in the outer loop.
   *
   * <p>Threading: confined to the owning task's thread.
   */
  static final class Pairs<T1, T2, OUT> implements LazyWindowFunction.Results<OUT> {
    private final List<T1> firsts;
    private final List<T2> seconds;
    private final JoinFunction<T1, T2, OUT> join;
    private int i;
    private int j;

    Pairs(List<T1> firsts, List<T2> seconds, JoinFunction<T1, T2, OUT> join) {
      this.firsts = firsts;
      this.seconds = seconds;
      this.join = join;
    }

    @Override
    public boolean hasNext() {
      return !seconds.isEmpty() && i < firsts.size();
    }

    @Override
    public OUT next() throws Exception {
      T1 first = firsts.get(i);
      T2 second = seconds.get(j);
      if (++j == seconds.size()) {
        j = 0;
        i++;
      }
      return join.join(first, second);
    }
  }
}
