package io.vortex.api.internal.operators;

import io.vortex.api.internal.KeyGroups;
import io.vortex.api.state.KeyedStateBackend;
import io.vortex.api.time.TimerService;

/**
 * Event-time and processing-time timers of a keyed operator, scoped to the backend's current
 * key (and an optional namespace, e.g. a window). Firing sets the backend's key and namespace
 * before calling back.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class KeyedTimers implements TimerService {
  /** Called for each firing timer, with the backend positioned on the timer's key. */
  @FunctionalInterface
  public interface Callback {
    void onTimer(long time, Object namespace, boolean eventTime) throws Exception;
  }

  private final KeyedStateBackend backend;
  private final ProcessingTimeService clock;
  private final int maxParallelism;
  private final TimerHeap eventTimers = new TimerHeap();
  private final TimerHeap processingTimers = new TimerHeap();
  private long watermark = Long.MIN_VALUE;
  private Object namespace = KeyedStateBackend.VOID_NAMESPACE;
  private boolean inputEnded;

  public KeyedTimers(KeyedStateBackend backend, ProcessingTimeService clock, int maxParallelism) {
    this.backend = backend;
    this.clock = clock;
    this.maxParallelism = maxParallelism;
  }

  /** Scopes subsequent registrations to {@code namespace} (the void namespace by default). */
  public void setNamespace(Object namespace) {
    this.namespace = namespace;
  }

  @Override
  public long currentProcessingTime() {
    return clock.currentTimeMillis();
  }

  @Override
  public long currentWatermark() {
    return watermark;
  }

  @Override
  public void registerEventTimeTimer(long time) {
    eventTimers.add(timer(time));
  }

  /** Ignored once the input has ended (see {@link #firePendingProcessingTimers}). */
  @Override
  public void registerProcessingTimeTimer(long time) {
    if (inputEnded) {
      return;
    }
    if (processingTimers.add(timer(time))) {
      clock.requestTick(time);
    }
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    eventTimers.delete(timer(time));
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    processingTimers.delete(timer(time));
  }

  private TimerHeap.Timer timer(long time) {
    Object key = backend.currentKey();
    if (key == null) {
      throw new IllegalStateException("timers need a current key (use them on a keyed stream)");
    }
    return new TimerHeap.Timer(time, key, KeyGroups.assign(key, maxParallelism), namespace);
  }

  /** Fires every event-time timer at or before {@code newWatermark}, in time order. */
  public void advanceWatermark(long newWatermark, Callback callback) throws Exception {
    setWatermark(newWatermark);
    while (fireNextEventTimer(callback)) {
      // all due timers now
    }
  }

  /** Fires every processing-time timer at or before {@code now}, in time order. */
  public void advanceProcessingTime(long now, Callback callback) throws Exception {
    while (fireNextProcessingTimer(now, callback)) {
      // all due timers now
    }
  }

  /**
   * End of input: fires every pending processing-time timer once, in time order, whatever its
   * time (Flink's FLIP-269 default), so no timer is silently dropped when a bounded job ends.
   * Timers registered from then on are ignored: no more time passes for this operator.
   */
  public void firePendingProcessingTimers(Callback callback) throws Exception {
    while (fireNextPendingProcessingTimer(callback)) {
      // all of them now
    }
  }

  /**
   * Event time is now {@code newWatermark}; the timers it makes due fire one at a time through
   * {@link #fireNextEventTimer} (a burst of the operator's output, see {@link Output#emitBurst}).
   */
  public void setWatermark(long newWatermark) {
    watermark = newWatermark;
  }

  /** Fires the earliest event-time timer at or before the watermark; false when none is due. */
  public boolean fireNextEventTimer(Callback callback) throws Exception {
    return fireNext(eventTimers, watermark, callback, true);
  }

  /**
   * Fires the earliest processing-time timer at or before {@code now}; when none is due, asks for
   * a tick at the next one and returns false.
   */
  public boolean fireNextProcessingTimer(long now, Callback callback) throws Exception {
    if (fireNext(processingTimers, now, callback, false)) {
      return true;
    }
    long next = processingTimers.nextTime();
    if (next != Long.MAX_VALUE) {
      clock.requestTick(next);
    }
    return false;
  }

  /**
   * End of input, one timer at a time (see {@link #firePendingProcessingTimers}): fires the
   * earliest pending processing-time timer whatever its time; false when none is left.
   */
  public boolean fireNextPendingProcessingTimer(Callback callback) throws Exception {
    inputEnded = true;
    return fireNext(processingTimers, Long.MAX_VALUE, callback, false);
  }

  private boolean fireNext(TimerHeap timers, long upTo, Callback callback, boolean eventTime)
      throws Exception {
    TimerHeap.Timer timer = timers.pollDue(upTo);
    if (timer == null) {
      return false;
    }
    backend.setCurrentKey(timer.key(), timer.keyGroup());
    backend.setCurrentNamespace(timer.namespace());
    try {
      callback.onTimer(timer.time(), timer.namespace(), eventTime);
    } finally {
      backend.setCurrentNamespace(KeyedStateBackend.VOID_NAMESPACE);
    }
    return true;
  }

  public int pendingEventTimers() {
    return eventTimers.size();
  }

  public int pendingProcessingTimers() {
    return processingTimers.size();
  }
}
