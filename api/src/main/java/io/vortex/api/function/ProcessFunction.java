package io.vortex.api.function;

import io.vortex.api.time.TimerService;
import io.vortex.api.OutputTag;

/**
 * The low-level operation on a non-keyed stream: sees each record with its timestamp and may
 * emit to the main output and to side outputs. Timers need a keyed stream
 * ({@link KeyedProcessFunction}).
 */
public abstract class ProcessFunction<I, O> implements RichFunction {
  private static final long serialVersionUID = 1L;

  public abstract void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  /** Per-record context. Valid only during the call it was passed to. */
  public interface Context {
    /** The record's event timestamp, or {@link Long#MIN_VALUE} when it has none. */
    long timestamp();

    TimerService timerService();

    <X> void output(OutputTag<X> tag, X value);
  }
}
