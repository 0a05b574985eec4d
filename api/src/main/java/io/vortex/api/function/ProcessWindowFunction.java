package io.vortex.api.function;

import io.vortex.api.OutputTag;
import io.vortex.api.window.Window;

/**
 * Processes all elements of one key's window when it fires, as in Flink: with the whole window
 * ({@code WindowedStream.process}) or with the single pre-aggregated result of an incremental
 * reduce or aggregate. Everything emitted (main or side output) carries the timestamp {@code
 * window.maxTimestamp()}.
 *
 * @param <IN> the elements (or the pre-aggregated result)
 * @param <OUT> what it emits
 * @param <KEY> the key
 * @param <W> the window
 */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window>
    implements RichFunction {
  private static final long serialVersionUID = 1L;

  /** Called when {@code context.window()} fires for {@code key}, with its elements. */
  public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out)
      throws Exception;

  /** Called when the window's state is dropped (once its allowed lateness has passed). */
  public void clear(Context context) throws Exception {}

  /** The window being processed. Valid only during the call it was passed to. */
  public abstract class Context {
    public abstract W window();

    /** The operator's wall clock, epoch milliseconds. */
    public abstract long currentProcessingTime();

    /** The operator's event-time watermark ({@link Long#MIN_VALUE} before the first). */
    public abstract long currentWatermark();

    /** Emits to a side output, with the window's max timestamp. */
    public abstract <X> void output(OutputTag<X> tag, X value);
  }
}
