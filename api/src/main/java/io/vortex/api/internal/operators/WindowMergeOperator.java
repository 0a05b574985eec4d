package io.vortex.api.internal.operators;

import io.vortex.api.function.KeySelector;
import io.vortex.api.function.ProcessWindowFunction;
import io.vortex.api.internal.KeyGroups;
import io.vortex.api.state.KeyedStateBackend;
import io.vortex.api.window.TimeWindow;
import io.vortex.api.window.TumblingEventTimeWindows;
import io.vortex.api.window.Window;
import io.vortex.api.window.WindowAssigner;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The second stage of a two-stage window aggregation as translation plans it ({@code
 * WindowCombiners}): tumbling or sliding event-time windows, an incremental aggregation, no
 * allowed lateness and no late side output. It merges the combiners' {@link WindowPartial}s, and
 * the records they forwarded as they are, into one {@link AccumulatorTable} per window, keyed by
 * the key; when the watermark reaches a window's max timestamp it fires the window for every key
 * (a burst, one key per piece, in time order of the windows) and drops the window's table. Its
 * results, watermarks and late-record counts are those of {@link WindowOperator} on the same
 * input ({@code TwoStageWindowTest} compares them); it only costs less per partial: one probe of a
 * table with unboxed {@code long} keys, sized from the window before, instead of a keyed-state
 * read and update that compares boxed keys and grows each window's table from a few slots.
 *
 * <p>Exact Flink semantics within that scope: a partial or record for a window the watermark has
 * reached is late (with no allowed lateness the window has fired and its state is gone), so it is
 * dropped and counted in {@code "<operator name>.late-records"} (a partial by its record count); a
 * record late for every one of its windows counts once. The process function, if any, runs with
 * the backend positioned on the key and the window (as in {@link WindowOperator}), is cleared
 * right after the window fires, and sees {@link ProcessWindowFunction.Context#window()}.
 *
 * <p>State and snapshots (for the checkpoint issue): the tables are this operator's keyed state,
 * held here and not in the {@link KeyedStateBackend}, because every key of every window belongs to
 * one of the subtask's key groups: a snapshot of key group {@code g} writes, for each open window
 * (its start and end), the keys of its table for which {@code KeyGroups.assign(key,
 * maxParallelism) == g} (the hash that routed the partial here) with their accumulators; a restore
 * re-inserts them into their window's table. No timers need saving: the open windows' max
 * timestamps are the schedule.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class WindowMergeOperator<OUT> extends AbstractStreamOperator<OUT>
    implements OneInputOperator<Object, OUT>, WindowFunctionContext.Source {
  /** One open window and its accumulators by key. Threading: as the operator. */
  private static final class Pane {
    final TimeWindow window;
    final AccumulatorTable table;

    Pane(TimeWindow window, AccumulatorTable table) {
      this.window = window;
      this.table = table;
    }
  }

  private final WindowAssigner<Object, TimeWindow> assigner;
  private final TumblingEventTimeWindows tumbling; // null: sliding
  private final KeySelector<Object, ?> keySelector;
  private final WindowAggregator<Object, Object, Object> aggregator;
  private final ProcessWindowFunction<Object, OUT, Object, Window> function; // null: emit results
  private final TreeMap<Long, Pane> panes = new TreeMap<>(); // open windows by max timestamp
  private final AccumulatorTablePool tables = new AccumulatorTablePool(); // of fired windows
  private Pane lastPane; // the pane the last partial or record went to: they come window by window
  private int expectedKeys = 16; // keys of the window fired last: sizes the next window's table

  private KeyedStateBackend backend;
  private int maxParallelism;
  private TimestampedCollector<OUT> collector;
  private ProcessWindowFunction<Object, OUT, Object, Window>.Context functionContext;
  private String lateCounter;
  // The window being fired and the last key slot emitted; nothing else reaches the operator
  // while the burst is held, so the pane's table stays as it is between pieces.
  private Pane firing;
  private int firingSlot;
  private final Burst fireDue = this::fireNextKey;

  /** The merge stage of {@code definition}; see {@link #supports}. */
  @SuppressWarnings("unchecked")
  public WindowMergeOperator(WindowDefinition definition) {
    if (!supports(definition)) {
      throw new IllegalArgumentException("no merge stage for " + definition);
    }
    this.assigner = (WindowAssigner<Object, TimeWindow>) definition.assigner();
    this.tumbling = assigner instanceof TumblingEventTimeWindows t ? t : null;
    this.keySelector = (KeySelector<Object, ?>) definition.key();
    this.aggregator = (WindowAggregator<Object, Object, Object>) definition.aggregator();
    this.function = (ProcessWindowFunction<Object, OUT, Object, Window>) definition.function();
  }

  /** Whether this stage can merge the partials of {@code definition}'s combiners. */
  public static boolean supports(WindowDefinition definition) {
    return WindowLocalAggregateOperator.supports(definition)
        && definition.allowedLatenessMillis() == 0
        && definition.lateTag() == null;
  }

  @Override
  public void open(OperatorContext context, Output<OUT> output) throws Exception {
    backend = context.stateBackend();
    maxParallelism = context.maxParallelism();
    collector = new TimestampedCollector<>(output);
    if (function != null) {
      functionContext = WindowFunctionContext.of(function, context, output, this);
    }
    lateCounter = context.operatorName() + ".late-records";
    super.open(context, output);
  }

  @Override
  protected Object userFunction() {
    return function;
  }

  @Override
  public Window firing() {
    return firing.window;
  }

  @Override
  public long currentWatermark() {
    return currentWatermark;
  }

  @Override
  public void processElement(Object value, long timestamp) throws Exception {
    if (value instanceof WindowPartial partial) {
      TimeWindow window = partial.window();
      if (window.maxTimestamp() <= currentWatermark) {
        // Only when an idle input let the watermark pass the combiner's (see WindowCombiners)
        context.addToCounter(lateCounter, partial.count());
        return;
      }
      AccumulatorTable table = pane(window).table;
      int slot = table.slotOf(partial.key());
      table.setAccumulator(slot, aggregator.merge(table.accumulator(slot), partial.accumulator()));
      return;
    }
    Object key = keySelector.getKey(value);
    boolean accepted = false;
    if (tumbling != null) {
      accepted = add(tumbling.windowOf(timestamp), key, value);
    } else {
      Collection<TimeWindow> windows = assigner.assignWindows(value, timestamp, Long.MIN_VALUE);
      for (TimeWindow window : windows) {
        accepted |= add(window, key, value);
      }
    }
    if (!accepted && timestamp <= currentWatermark) {
      context.addToCounter(lateCounter, 1);
    }
  }

  /** Adds a record to one window unless the watermark has reached it; returns whether it did. */
  private boolean add(TimeWindow window, Object key, Object value) throws Exception {
    if (window.maxTimestamp() <= currentWatermark) {
      return false;
    }
    AccumulatorTable table = pane(window).table;
    int slot = table.slotOf(key);
    table.setAccumulator(slot, aggregator.add(value, table.accumulator(slot)));
    return true;
  }

  private Pane pane(TimeWindow window) {
    Pane pane = lastPane;
    if (pane != null && pane.window.maxTimestamp() == window.maxTimestamp()) {
      return pane;
    }
    pane = panes.get(window.maxTimestamp());
    if (pane == null) {
      pane = new Pane(window, tables.take(expectedKeys));
      panes.put(window.maxTimestamp(), pane);
    }
    lastPane = pane;
    return pane;
  }

  /** Fires the windows the watermark reaches (a burst), then forwards the watermark behind them. */
  @Override
  public void processWatermark(long watermark) throws Exception {
    currentWatermark = watermark;
    if (!panes.isEmpty() && panes.firstKey() <= watermark) {
      output.emitBurst(fireDue);
    }
    super.processWatermark(watermark);
  }

  /** One piece of the burst: fires the next key of the earliest due window; false when done. */
  private boolean fireNextKey() throws Exception {
    while (true) {
      if (firing == null) {
        Map.Entry<Long, Pane> first = panes.firstEntry();
        if (first == null || first.getKey() > currentWatermark) {
          return false;
        }
        firing = first.getValue();
        firingSlot = -1;
        collector.setTimestamp(firing.window.maxTimestamp());
      }
      AccumulatorTable table = firing.table;
      firingSlot = table.nextSlot(firingSlot + 1);
      if (firingSlot >= 0) {
        emit(table.keyAt(firingSlot), table.accumulator(firingSlot));
        return true;
      }
      panes.remove(firing.window.maxTimestamp());
      expectedKeys = Math.max(16, table.size());
      tables.give(table);
      if (lastPane == firing) {
        lastPane = null;
      }
      firing = null;
    }
  }

  private void emit(Object key, Object accumulator) throws Exception {
    if (function == null) {
      if (accumulator != null) {
        WindowContents.Accumulator.emitResult(aggregator, null, key, accumulator, null, collector);
      }
      return;
    }
    backend.setCurrentKey(key, KeyGroups.assign(key, maxParallelism));
    backend.setCurrentNamespace(firing.window);
    try {
      if (accumulator != null) {
        WindowContents.Accumulator.emitResult(
            aggregator, function, key, accumulator, functionContext, collector);
      }
      function.clear(functionContext);
    } finally {
      backend.setCurrentNamespace(KeyedStateBackend.VOID_NAMESPACE);
    }
  }
}
