package io.vortex.api.internal.operators;

import io.vortex.api.function.KeySelector;
import io.vortex.api.function.RichFunction;
import io.vortex.api.window.SlidingEventTimeWindows;
import io.vortex.api.window.TimeWindow;
import io.vortex.api.window.TumblingEventTimeWindows;
import io.vortex.api.window.WindowAssigner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The first stage of a two-stage window aggregation (tumbling or sliding event-time windows):
 * runs in each producing task before the keyed exchange and folds records into one accumulator
 * per (window, key), so only one {@link WindowPartial} per (window, key, task) crosses the
 * exchange. The {@link WindowOperator} after the exchange merges the partials.
 *
 * <p>It gives the same results as the single-stage window because the final operator's
 * watermark never runs ahead of this task's (it is the minimum over its inputs):
 *
 * <ul>
 *   <li>A window's partials are emitted just before the watermark that reaches the window's max
 *       timestamp is forwarded, so they arrive before the window can fire downstream, and are
 *       never late there.
 *   <li>A record with a window that this task's watermark has already reached is forwarded as it
 *       is, in its place in the stream: the final operator then decides on it exactly as it would
 *       without this stage (late or not, by its own watermark).
 * </ul>
 *
 * <p>Memory is bounded: when it holds {@value #MAX_ENTRIES} (window, key) entries it emits them
 * all early (the second stage merges partials either way). Event time works the same in both
 * runtime modes.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class WindowLocalAggregateOperator<K, IN> extends AbstractStreamOperator<Object>
    implements OneInputOperator<IN, Object> {
  static final int MAX_ENTRIES = 1 << 18;
  static final int BATCH = 32;

  @SuppressWarnings("unchecked")
  private static <T> T[] newArray(int n) {
    return (T[]) new Object[n];
  }

  /** One window's accumulators by key. Threading: confined to the owning task's thread. */
  private static final class Bucket {
    final TimeWindow window;
    final AccumulatorTable slots;

    Bucket(TimeWindow window, AccumulatorTable slots) {
      this.window = window;
      this.slots = slots;
    }
  }

  private final WindowAssigner<IN, TimeWindow> assigner;
  private final KeySelector<IN, K> keySelector;
  private final WindowAggregator<IN, Object, ?> aggregator;
  private final TumblingEventTimeWindows tumbling;
  private final TreeMap<Long, Bucket> buckets = new TreeMap<>(); // by window max timestamp
  private final AccumulatorTablePool tables = new AccumulatorTablePool();
  private Bucket lastBucket;
  // Records of one tumbling window not yet folded in (see flushPending); flushed before anything
  // reads or emits the tables.
  // While every key is a Long (checked per record) the pending keys are kept unboxed: the box
  // the user's key selector makes then never escapes, so the JIT can leave it out.
  private boolean longKeys = true;
  private final long[] pendingLongKeys = new long[BATCH];
  // Fresh arrays per batch, not one kept for good: a long-lived array ends up in the old
  // generation, where storing each young record into it costs a GC write barrier with a memory
  // fence; a young array's barrier returns early, and the allocation is 5 bytes per record.
  private Object[] pendingKeys = new Object[BATCH];
  private IN[] pendingValues = newArray(BATCH);
  private final int[] pendingSlots = new int[BATCH];
  private Bucket pendingBucket;
  private int pending;
  private Bucket previousBucket;
  private int entries;
  private int expectedKeys = 16; // keys of the last emitted window: sizes the next one's table

  @SuppressWarnings("unchecked")
  public WindowLocalAggregateOperator(WindowDefinition definition) {
    if (!supports(definition)) {
      throw new IllegalArgumentException("no two-stage aggregation for " + definition);
    }
    this.assigner = (WindowAssigner<IN, TimeWindow>) definition.assigner();
    this.keySelector = (KeySelector<IN, K>) definition.key();
    this.aggregator = (WindowAggregator<IN, Object, ?>) definition.aggregator();
    this.tumbling = assigner instanceof TumblingEventTimeWindows t ? t : null;
  }

  /**
   * Whether this stage can run before {@code definition}'s window: an incremental aggregation of
   * fixed event-time windows, whose function needs no runtime context (the combiner is not
   * keyed, so a rich function could not reach keyed state here).
   */
  public static boolean supports(WindowDefinition definition) {
    return definition.aggregator() != null
        && !(definition.aggregator().function() instanceof RichFunction)
        && (definition.assigner() instanceof TumblingEventTimeWindows
            || definition.assigner() instanceof SlidingEventTimeWindows);
  }

  @Override
  public void processElement(IN value, long timestamp) throws Exception {
    if (tumbling != null) {
      Bucket bucket = lastBucket;
      if (bucket == null || timestamp < bucket.window.start() || timestamp >= bucket.window.end()) {
        // near a window boundary, disordered records alternate between two windows
        Bucket other = previousBucket;
        if (other != null && timestamp >= other.window.start() && timestamp < other.window.end()
            && other.window.maxTimestamp() > currentWatermark) {
          bucket = other;
        } else {
          TimeWindow window = tumbling.windowOf(timestamp);
          if (window.maxTimestamp() <= currentWatermark) {
            output.collect(value, timestamp); // reached by this task's watermark: final stage decides
            return;
          }
          bucket = bucket(window);
        }
        previousBucket = lastBucket;
        lastBucket = bucket;
      }
      if (bucket != pendingBucket) {
        flushPending();
        pendingBucket = bucket;
      }
      Object key = keySelector.getKey(value);
      if (longKeys && key instanceof Long l) {
        pendingLongKeys[pending] = l;
      } else {
        if (longKeys) {
          boxPendingKeys();
        }
        pendingKeys[pending] = key;
      }
      pendingValues[pending++] = value;
      if (pending < BATCH) {
        return;
      }
      flushPending();
    } else {
      Collection<TimeWindow> windows = assigner.assignWindows(value, timestamp, Long.MIN_VALUE);
      for (TimeWindow window : windows) {
        if (window.maxTimestamp() <= currentWatermark) {
          output.collect(value, timestamp);
          return;
        }
      }
      K key = keySelector.getKey(value);
      for (TimeWindow window : windows) {
        add(bucket(window), key, value);
      }
    }
    if (entries >= MAX_ENTRIES) {
      flushPending();
      emitUpTo(Long.MAX_VALUE);
    }
  }

  /** The first key that is not a Long: from now on keys are kept as objects. */
  private void boxPendingKeys() {
    longKeys = false;
    for (int i = 0; i < pending; i++) {
      pendingKeys[i] = pendingLongKeys[i];
    }
  }

  /**
   * Folds the pending records into their window's table in three passes: the keys' home slots
   * are read first, then the slots found, then their accumulators touched, and only then are the
   * records added in order. The loads of one pass are independent, so their cache misses overlap
   * instead of costing one memory round trip after another per record.
   */
  private void flushPending() throws Exception {
    int n = pending;
    if (n == 0) {
      return;
    }
    pending = 0;
    AccumulatorTable table = pendingBucket.slots;
    int before = table.size();
    if (longKeys) {
      long[] keys = pendingLongKeys;
      table.prepareLongs(keys, n);
      for (int i = 0; i < n; i++) {
        pendingSlots[i] = table.slotOfLong(keys[i]);
      }
    } else {
      table.prepare(pendingKeys, n);
      for (int i = 0; i < n; i++) {
        pendingSlots[i] = table.slotOf(pendingKeys[i]);
      }
    }
    entries += table.size() - before;
    table.touchAccumulators(pendingSlots, n);
    for (int i = 0; i < n; i++) {
      int slot = pendingSlots[i];
      table.setAccumulator(slot, aggregator.add(pendingValues[i], table.accumulator(slot)));
    }
    pendingValues = newArray(BATCH);
    if (!longKeys) {
      pendingKeys = new Object[BATCH];
    }
  }

  private Bucket bucket(TimeWindow window) {
    Long max = window.maxTimestamp();
    Bucket bucket = buckets.get(max);
    if (bucket == null) {
      bucket = new Bucket(window, tables.take(expectedKeys));
      buckets.put(max, bucket);
    }
    return bucket;
  }

  private void add(Bucket bucket, Object key, IN value) throws Exception {
    AccumulatorTable table = bucket.slots;
    int before = table.size();
    int slot = table.slotOf(key);
    entries += table.size() - before;
    table.setAccumulator(slot, aggregator.add(value, table.accumulator(slot)));
  }

  @Override
  public void processWatermark(long watermark) throws Exception {
    flushPending();
    emitUpTo(watermark);
    super.processWatermark(watermark);
  }

  /**
   * Emits the partials of every window whose max timestamp is at or before {@code time}, as a
   * burst of one partial per piece ({@link Output#emitBurst}).
   */
  private void emitUpTo(long time) throws Exception {
    NavigableMap<Long, Bucket> dueByTime = buckets.headMap(time, true);
    if (dueByTime.isEmpty()) {
      return;
    }
    List<Bucket> due = new ArrayList<>(dueByTime.values());
    dueByTime.clear();
    for (Bucket bucket : due) {
      entries -= bucket.slots.size();
      expectedKeys = Math.min(bucket.slots.size(), MAX_ENTRIES);
      if (bucket == lastBucket) {
        lastBucket = null;
      }
      if (bucket == previousBucket) {
        previousBucket = null;
      }
      if (bucket == pendingBucket) {
        pendingBucket = null;
      }
    }
    output.emitBurst(new Partials(due.iterator()));
  }

  /**
   * The partials of due windows, one per piece; a window's table goes back to the pool once all
   * its partials are out. Threading: confined to the owning task's thread.
   */
  private final class Partials implements Burst {
    private final Iterator<Bucket> buckets;
    private Bucket bucket;
    private int slot = -1;

    Partials(Iterator<Bucket> buckets) {
      this.buckets = buckets;
    }

    @Override
    public boolean emitNext() {
      while (bucket == null || (slot = bucket.slots.nextSlot(slot + 1)) < 0) {
        if (bucket != null) {
          tables.give(bucket.slots);
          bucket = null;
        }
        if (!buckets.hasNext()) {
          return false;
        }
        bucket = buckets.next();
        slot = -1;
      }
      AccumulatorTable slots = bucket.slots;
      output.collect(
          new WindowPartial(bucket.window, slots.keyAt(slot), slots.accumulator(slot), slots.count(slot)),
          bucket.window.maxTimestamp());
      return true;
    }
  }
}
