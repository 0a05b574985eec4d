package io.vortex.api.function;

import io.vortex.api.OutputTag;
import io.vortex.api.time.TimerService;

/**
 * The low-level operation on a keyed stream: per record and per timer, with keyed state (through
 * {@link RuntimeContext#state()}) and event-time and processing-time timers scoped to the
 * current key. Timers of one key with the same time fire once.
 */
public abstract class KeyedProcessFunction<K, I, O> implements RichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement(I value, Context<K> ctx, Collector<O> out) throws Exception;

  /** Called when a timer registered through {@link Context#timerService()} fires. */
  public void onTimer(long timestamp, OnTimerContext<K> ctx, Collector<O> out) throws Exception {}

  /** Per-record context. Valid only during the call it was passed to. */
  public interface Context<K> {
    long timestamp();

    K getCurrentKey();

    TimerService timerService();

    <X> void output(OutputTag<X> tag, X value);
  }

  /** Context of a firing timer. */
  public interface OnTimerContext<K> extends Context<K> {
    TimeDomain timeDomain();
  }

  /** Which clock a timer belongs to. */
  public enum TimeDomain {
    EVENT_TIME,
    PROCESSING_TIME
  }
}
