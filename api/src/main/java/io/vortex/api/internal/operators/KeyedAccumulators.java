package io.vortex.api.internal.operators;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-key accumulators held on the heap for batch aggregation, with the newest timestamp seen
 * per key (results carry it). One lookup per record: the slot is mutated in place.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class KeyedAccumulators<A> {
  /** One key's accumulator and newest timestamp. */
  static final class Slot<A> {
    A accumulator;
    long timestamp = Output.NO_TIMESTAMP;
  }

  private final HashMap<Object, Slot<A>> slots = new HashMap<>();

  Slot<A> slot(Object key, long timestamp) {
    Slot<A> slot = slots.get(key);
    if (slot == null) {
      slot = new Slot<>();
      slots.put(key, slot);
    }
    if (timestamp > slot.timestamp) {
      slot.timestamp = timestamp;
    }
    return slot;
  }

  int size() {
    return slots.size();
  }

  Iterable<Map.Entry<Object, Slot<A>>> entries() {
    return slots.entrySet();
  }

  void clear() {
    slots.clear();
  }
}
