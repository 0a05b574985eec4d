package io.vortex.api.internal.operators;

import io.vortex.api.OutputTag;
import io.vortex.api.RuntimeMode;
import io.vortex.api.function.KeyedProcessFunction;
import io.vortex.api.function.KeyedProcessFunction.TimeDomain;
import io.vortex.api.function.KeySelector;
import io.vortex.api.time.TimerService;

/**
 * Runs a {@link KeyedProcessFunction}: keyed state and timers scoped to the record's key.
 * Event-time timers fire as the watermark passes them; output from a timer carries the timer's
 * time as its timestamp. Processing-time timers fire as the wall clock passes them (STREAMING
 * only: BATCH, like the window operator, ignores the clock); at the end of input every pending
 * processing-time timer fires, in both modes, as windows do. The timers one watermark or tick
 * makes due fire as a burst ({@link Output#emitBurst}): however many keys have one, the output
 * stays within the channels' bound.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class KeyedProcessOperator<K, IN, OUT> extends AbstractStreamOperator<OUT>
    implements OneInputOperator<IN, OUT> {
  private final KeyedProcessFunction<K, IN, OUT> function;
  private final KeySelector<IN, K> keySelector;
  private KeyContext<IN> keys;
  private KeyedTimers timers;
  private TimestampedCollector<OUT> collector;
  private boolean batch;
  private final ContextImpl ctx = new ContextImpl();
  private final KeyedTimers.Callback fire = this::fire;
  /** Fires the event-time timers due at the watermark; one instance, as watermarks are frequent. */
  private final Burst eventTimeFiring = () -> timers.fireNextEventTimer(fire);

  public KeyedProcessOperator(KeyedProcessFunction<K, IN, OUT> function, KeySelector<IN, K> keys) {
    this.function = function;
    this.keySelector = keys;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public void open(OperatorContext context, Output<OUT> output) throws Exception {
    keys = new KeyContext<>(keySelector, context);
    timers = new KeyedTimers(keys.backend(), context.processingTime(), context.maxParallelism());
    collector = new TimestampedCollector<>(output);
    batch = context.mode() == RuntimeMode.BATCH;
    super.open(context, output);
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    keys.setKeyOf(value);
    collector.setTimestamp(timestamp);
    ctx.timestamp = timestamp;
    ctx.domain = null;
    function.processElement(value, ctx, collector);
  }

  /** Fires the due event-time timers as a burst, one timer per piece, then forwards the watermark. */
  @Override
  public void processWatermark(long watermark) throws Exception {
    timers.setWatermark(watermark);
    output.emitBurst(eventTimeFiring);
    if (watermark == Long.MAX_VALUE) { // end of input
      output.emitBurst(() -> timers.fireNextPendingProcessingTimer(this::fire));
    }
    super.processWatermark(watermark);
  }

  @Override
  public void onProcessingTime(long now) throws Exception {
    if (!batch) {
      output.emitBurst(() -> timers.fireNextProcessingTimer(now, this::fire));
    }
  }

  private void fire(long time, Object namespace, boolean eventTime) throws Exception {
    long stamp = eventTime ? time : Output.NO_TIMESTAMP;
    collector.setTimestamp(stamp);
    ctx.timestamp = stamp;
    ctx.domain = eventTime ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME;
    function.onTimer(time, ctx, collector);
  }

  /** Reused per call. Threading: confined to the owning task's thread. */
  private final class ContextImpl implements KeyedProcessFunction.OnTimerContext<K> {
    long timestamp;
    TimeDomain domain;

    @Override
    public long timestamp() {
      return timestamp;
    }

    @Override
    @SuppressWarnings("unchecked")
    public K getCurrentKey() {
      return (K) keys.backend().currentKey();
    }

    @Override
    public TimerService timerService() {
      return timers;
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      output.collect(tag, value, timestamp);
    }

    @Override
    public TimeDomain timeDomain() {
      if (domain == null) {
        throw new IllegalStateException("timeDomain() is only defined while a timer fires");
      }
      return domain;
    }
  }
}
