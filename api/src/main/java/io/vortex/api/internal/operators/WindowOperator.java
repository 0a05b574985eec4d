package io.vortex.api.internal.operators;

import io.vortex.api.internal.TimeMath;
import io.vortex.api.OutputTag;
import io.vortex.api.RuntimeMode;
import io.vortex.api.function.KeySelector;
import io.vortex.api.function.ProcessWindowFunction;
import io.vortex.api.function.RichFunction;
import io.vortex.api.state.KeyedStateBackend;
import io.vortex.api.state.StateDescriptor;
import io.vortex.api.state.ValueState;
import io.vortex.api.window.MergingWindowAssigner;
import io.vortex.api.window.SlidingEventTimeWindows;
import io.vortex.api.window.TimeWindow;
import io.vortex.api.window.TumblingEventTimeWindows;
import io.vortex.api.window.TumblingProcessingTimeWindows;
import io.vortex.api.window.Window;
import io.vortex.api.window.WindowAssigner;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Keyed windows with Flink's default triggers: an event-time window fires when the watermark
 * reaches its {@code maxTimestamp()}, a processing-time window when the wall clock does. Results
 * carry the window's max timestamp. Window contents live in keyed state namespaced by the window.
 * The windows one watermark (or tick) makes due fire as a burst, one window per piece, so the
 * output stays within the channels' bound however many fire at once; a {@link
 * ProcessWindowFunction} emits all it collects for one window in its piece.
 *
 * <p>Lateness (event time): a window's state is kept until {@code maxTimestamp() +
 * allowedLateness}; a record whose windows are all past that is late: it goes to the late side
 * output if there is one, else it is dropped, and either way it is counted in {@code
 * "<operator name>.late-records"}. A record that arrives after its window fired but within the
 * allowed lateness fires the window again at once, with the updated result.
 *
 * <p>The input is the user's records, and, after a {@link WindowLocalAggregateOperator}, also
 * {@link WindowPartial}s, which are merged into the window's accumulator.
 *
 * <p>Aligned event-time windows (tumbling and sliding: every key has the same windows) are
 * scheduled per window, not per key: an {@link AlignedWindowSchedule} knows which windows hold
 * contents, and when one is due the operator walks that window's keys with the state backend's
 * {@link KeyedStateBackend.KeyCursor} and fires (or drops) each; the walk is resumable between
 * keys. Other windows (sessions, processing time, custom assigners) use a timer per key and
 * window.
 *
 * <p>Event time works the same in BATCH and STREAMING, so windows give the same results in both
 * modes, late records included (Flink's batch mode instead fires every window at the end and
 * drops nothing, so its results differ from streaming on disordered input). BATCH ignores
 * processing-time ticks; in both modes, processing-time windows still open at the end of input
 * fire then.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class WindowOperator<K, IN, OUT, W extends Window> extends AbstractStreamOperator<OUT>
    implements OneInputOperator<Object, OUT> {
  private final WindowDefinition definition;
  private final boolean preAggregated;
  private final WindowAssigner<IN, W> assigner;
  private final boolean eventTime;
  private final long allowedLateness;
  private final ProcessWindowFunction<Object, OUT, Object, Window> function;

  private KeyContext<Object> keys;
  private KeyedStateBackend backend;
  private KeyedTimers timers;
  private AlignedWindowSchedule<W> aligned; // null: a timer per key and window
  private AlignedWindowSchedule.Due<W> due; // the aligned window being walked, or null
  private KeyedStateBackend.KeyCursor dueKeys;
  private WindowContents<IN, OUT> contents;
  private ValueState<Map<W, W>> sessionState; // null unless the assigner merges
  private TimestampedCollector<OUT> collector;
  private ProcessWindowFunction<Object, OUT, Object, Window>.Context functionContext;
  private W firing;
  private String lateCounter;
  private boolean batch;
  // Fast path for tumbling windows: no collection per record, and one window object reused
  // while records fall into the same window.
  private LongFunction<TimeWindow> singleWindow;
  private TimeWindow lastWindow;
  /** The rest of a lazy window function's results for the window a timer just fired, or null. */
  private Burst lazyResults;
  private final KeyedTimers.Callback onTimer = this::onTimer;
  /** Fires the event-time timers due at the watermark; one instance, as watermarks are frequent. */
  private final Burst eventTimeFiring = firing(() -> timers.fireNextEventTimer(onTimer));

  /** A window operator over {@code definition}; {@code preAggregated} when combiners feed it. */
  @SuppressWarnings("unchecked")
  public WindowOperator(WindowDefinition definition, boolean preAggregated) {
    this.definition = definition;
    this.preAggregated = preAggregated;
    this.assigner = (WindowAssigner<IN, W>) definition.assigner();
    this.eventTime = assigner.isEventTime();
    this.allowedLateness = eventTime ? definition.allowedLatenessMillis() : 0;
    this.function = (ProcessWindowFunction<Object, OUT, Object, Window>) definition.function();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open(OperatorContext context, Output<OUT> output) throws Exception {
    KeySelector<Object, ?> key = (KeySelector<Object, ?>) definition.key();
    keys = new KeyContext<>(preAggregated ? new WindowPartialKey(key) : key, context);
    backend = keys.backend();
    timers = new KeyedTimers(backend, context.processingTime(), context.maxParallelism());
    contents = WindowContents.create(definition, backend);
    if (isAligned(assigner)) {
      aligned = new AlignedWindowSchedule<>(this::cleanupTime);
    }
    if (assigner instanceof MergingWindowAssigner<?, ?>) {
      sessionState = backend.getState(StateDescriptor.<Map<W, W>>value("window-sessions"));
    }
    if (assigner instanceof TumblingEventTimeWindows t) {
      singleWindow = t::windowOf;
    } else if (assigner instanceof TumblingProcessingTimeWindows t) {
      singleWindow = t::windowOf;
    }
    collector = new TimestampedCollector<>(output);
    if (function != null) {
      functionContext = WindowFunctionContext.of(function, context, output, new WindowFunctionContext.Source() {
        @Override
        public Window firing() {
          return firing;
        }

        @Override
        public long currentWatermark() {
          return currentWatermark;
        }
      });
    }
    lateCounter = context.operatorName() + ".late-records";
    batch = context.mode() == RuntimeMode.BATCH;
    super.open(context, output);
    if (richAggregator() != null) {
      richAggregator().open(runtimeContext());
    }
  }

  /** Whether every key gets the same windows, in event time. */
  private static boolean isAligned(WindowAssigner<?, ?> assigner) {
    return assigner instanceof TumblingEventTimeWindows
        || assigner instanceof SlidingEventTimeWindows;
  }

  /** The reduce or aggregate function when it has a life cycle, else null. */
  private RichFunction richAggregator() {
    return definition.aggregator() != null
            && definition.aggregator().function() instanceof RichFunction r
        ? r
        : null;
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void processElement(Object value, long timestamp) throws Exception {
    if (preAggregated && value instanceof WindowPartial partial) {
      addPartial(partial);
      return;
    }
    IN element = (IN) value;
    keys.setKeyOf(element);
    boolean accepted;
    if (singleWindow != null) {
      long time = eventTime ? timestamp : context.processingTime().currentTimeMillis();
      accepted = addToWindow(element, (W) windowOf(time));
    } else {
      Collection<W> windows =
          assigner.assignWindows(element, timestamp, context.processingTime().currentTimeMillis());
      accepted = sessionState != null ? addToSessions(element, windows) : addToWindows(element, windows);
    }
    if (!accepted && isElementLate(timestamp)) {
      context.addToCounter(lateCounter, 1);
      if (definition.lateTag() != null) {
        output.collect((OutputTag<Object>) definition.lateTag(), value, timestamp);
      }
    }
  }

  private TimeWindow windowOf(long time) {
    TimeWindow w = lastWindow;
    if (w == null || time < w.start() || time >= w.end()) {
      w = singleWindow.apply(time);
      lastWindow = w;
    }
    return w;
  }

  private boolean addToWindows(IN element, Collection<W> windows) throws Exception {
    boolean accepted = false;
    for (W window : windows) {
      accepted |= addToWindow(element, window);
    }
    return accepted;
  }

  /** Adds to one window unless it is late; returns whether it did. */
  private boolean addToWindow(IN element, W window) throws Exception {
    if (isWindowLate(window)) {
      return false;
    }
    backend.setCurrentNamespace(window);
    if (contents.add(element)) {
      registerTimers(window);
    }
    fireIfPastDue(window);
    backend.setCurrentNamespace(KeyedStateBackend.VOID_NAMESPACE);
    return true;
  }

  private boolean addToSessions(IN element, Collection<W> windows) throws Exception {
    MergingWindowSet<W> sessions = loadSessions();
    boolean accepted = false;
    for (W window : windows) {
      W actual = sessions.addWindow(window, this::mergeSessions);
      if (isWindowLate(actual)) {
        sessions.retireWindow(actual);
        continue;
      }
      accepted = true;
      backend.setCurrentNamespace(sessions.stateWindow(actual));
      if (contents.add(element)) {
        registerTimers(actual);
      }
      fireIfPastDue(actual);
    }
    saveSessions(sessions);
    return accepted;
  }

  private void mergeSessions(W result, Collection<W> merged, W stateResult, Collection<W> mergedState)
      throws Exception {
    // (A processing-time result already due just fires at the next tick.)
    if (isWindowLate(result)) {
      throw new IllegalStateException(
          "merging made the window " + result + " end before the watermark " + currentWatermark
              + " (plus allowed lateness); a merging assigner must only grow windows");
    }
    for (W window : merged) {
      deleteTimers(window);
    }
    registerTimers(result);
    contents.merge(stateResult, mergedState);
  }

  private void addPartial(WindowPartial partial) throws Exception {
    keys.setKeyOf(partial);
    @SuppressWarnings("unchecked")
    W window = (W) partial.window();
    if (isWindowLate(window)) {
      // Only when an idle input let the watermark pass this combiner's; the combiner is used only
      // without late side output, so counting is all there is to do (see WindowCombiners).
      context.addToCounter(lateCounter, partial.count());
      return;
    }
    backend.setCurrentNamespace(window);
    if (contents.addPartial(partial.accumulator())) {
      registerTimers(window);
    }
    fireIfPastDue(window);
    backend.setCurrentNamespace(KeyedStateBackend.VOID_NAMESPACE);
  }

  /** A record within the allowed lateness of a fired window fires it again (Flink's trigger). */
  private void fireIfPastDue(W window) throws Exception {
    if (eventTime && window.maxTimestamp() <= currentWatermark) {
      Burst rest = fire(window);
      if (rest != null) {
        output.emitBurst(rest);
      }
    }
  }

  private void registerTimers(W window) {
    if (aligned != null) {
      aligned.add(window, window.maxTimestamp() <= currentWatermark);
      return;
    }
    timers.setNamespace(window);
    long max = window.maxTimestamp();
    if (eventTime) {
      if (max > currentWatermark) {
        timers.registerEventTimeTimer(max);
      }
      long cleanup = cleanupTime(window);
      if (cleanup != max) {
        timers.registerEventTimeTimer(cleanup);
      }
    } else {
      timers.registerProcessingTimeTimer(max);
    }
    timers.setNamespace(KeyedStateBackend.VOID_NAMESPACE);
  }

  private void deleteTimers(W window) {
    timers.setNamespace(window);
    if (eventTime) {
      timers.deleteEventTimeTimer(window.maxTimestamp());
      timers.deleteEventTimeTimer(cleanupTime(window));
    } else {
      timers.deleteProcessingTimeTimer(window.maxTimestamp());
    }
    timers.setNamespace(KeyedStateBackend.VOID_NAMESPACE);
  }

  /**
   * Fires the windows the watermark makes due as a burst ({@link Output#emitBurst}), one window
   * per piece, then forwards the watermark behind them: however many windows fire at once, the
   * output stays within the channels' bound.
   */
  @Override
  public void processWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    if (aligned != null && aligned.next(watermark) != null) {
      output.emitBurst(firing(this::fireNextDueKey));
    }
    timers.setWatermark(watermark);
    output.emitBurst(eventTimeFiring);
    if (watermark == Long.MAX_VALUE) { // end of input
      output.emitBurst(firing(() -> timers.fireNextPendingProcessingTimer(this::onTimer)));
    }
    super.processWatermark(watermark);
  }

  @Override
  public void onProcessingTime(long now) throws Exception {
    if (!batch) {
      output.emitBurst(firing(() -> timers.fireNextProcessingTimer(now, this::onTimer)));
    }
  }

  /**
   * A burst that fires one due timer per piece ({@code fireNextTimer}), and emits the results of
   * a lazy window function one per piece.
   */
  private Burst firing(Burst fireNextTimer) {
    return () -> {
      if (lazyResults != null) {
        if (lazyResults.emitNext()) {
          return true;
        }
        lazyResults = null;
      }
      return fireNextTimer.emitNext();
    };
  }

  /**
   * One piece of the burst of aligned window actions due at the current watermark: fires (or
   * drops) the due window of the next key, in time order of the windows; false when nothing is
   * left. The walk keeps its place ({@link #due}, {@link #dueKeys}) between pieces; nothing else
   * reaches the operator until the burst is over, so the window's keys stay as they are.
   */
  private boolean fireNextDueKey() throws Exception {
    while (true) {
      if (due == null) {
        due = aligned.next(currentWatermark);
        if (due == null) {
          return false;
        }
        dueKeys = backend.keys(contents.stateName(), due.window());
      }
      if (dueKeys.advance()) {
        W window = due.window();
        try {
          if (due.fire()) {
            lazyResults = fire(window);
          }
          if (due.cleanup() && function != null) {
            firing = window;
            function.clear(functionContext);
          }
        } finally {
          backend.setCurrentNamespace(KeyedStateBackend.VOID_NAMESPACE);
        }
        return true;
      }
      if (due.cleanup()) {
        contents.clearWindow(due.window());
      }
      aligned.done(due);
      due = null;
      dueKeys = null;
    }
  }

  /** A window's timer: fires at its max timestamp, drops its state at its cleanup time. */
  @SuppressWarnings("unchecked")
  private void onTimer(long time, Object namespace, boolean eventTimeTimer) throws Exception {
    W window = (W) namespace;
    MergingWindowSet<W> sessions = null;
    if (sessionState != null) {
      sessions = loadSessions();
      W stateWindow = sessions.stateWindow(window);
      if (stateWindow == null) {
        return; // merged away (its timers were deleted; defensive)
      }
      backend.setCurrentNamespace(stateWindow);
    }
    if (time == window.maxTimestamp()) {
      lazyResults = fire(window);
    }
    if (time == cleanupTime(window)) {
      contents.clear();
      if (function != null) {
        firing = window;
        function.clear(functionContext);
      }
      if (sessions != null) {
        sessions.retireWindow(window);
        saveSessions(sessions);
      }
    }
  }

  /** Emits the window's result; returns what a lazy window function still has to emit, or null. */
  private Burst fire(W window) throws Exception {
    firing = window;
    long timestamp = window.maxTimestamp();
    collector.setTimestamp(timestamp);
    LazyWindowFunction.Results<OUT> lazy = contents.emit(backend.currentKey(), functionContext, collector);
    if (lazy == null) {
      return null;
    }
    return () -> {
      if (!lazy.hasNext()) {
        return false;
      }
      output.collect(lazy.next(), timestamp);
      return true;
    };
  }

  private MergingWindowSet<W> loadSessions() {
    backend.setCurrentNamespace(KeyedStateBackend.VOID_NAMESPACE);
    Map<W, W> mapping = sessionState.value();
    @SuppressWarnings("unchecked")
    var merging = (MergingWindowAssigner<?, W>) assigner;
    return new MergingWindowSet<>(merging, mapping == null ? new HashMap<>() : mapping);
  }

  private void saveSessions(MergingWindowSet<W> sessions) {
    backend.setCurrentNamespace(KeyedStateBackend.VOID_NAMESPACE);
    if (sessions.isEmpty()) {
      sessionState.clear();
    } else {
      sessionState.update(sessions.mapping());
    }
  }

  /** Event time: when the window's state is dropped. Processing time: when it fires. */
  private long cleanupTime(W window) {
    return TimeMath.add(window.maxTimestamp(), allowedLateness);
  }

  private boolean isWindowLate(W window) {
    return eventTime && cleanupTime(window) <= currentWatermark;
  }

  private boolean isElementLate(long timestamp) {
    return eventTime && TimeMath.add(timestamp, allowedLateness) <= currentWatermark;
  }

  @Override
  public void close() throws Exception {
    try {
      if (richAggregator() != null) {
        richAggregator().close();
      }
    } finally {
      super.close();
    }
  }

  /** Keys the user's records with the user's selector and partials with their key. */
  record WindowPartialKey(KeySelector<Object, ?> user) implements KeySelector<Object, Object> {
    @Override
    public Object getKey(Object value) throws Exception {
      return value instanceof WindowPartial p ? p.key() : user.getKey(value);
    }
  }
}
