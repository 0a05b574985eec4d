package io.vortex.api.internal.operators;

import java.util.HashMap;
import java.util.Iterator;
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

  /** Emits one key's result. */
  @FunctionalInterface
  interface ResultEmitter<A> {
    void emit(Object key, Slot<A> slot) throws Exception;
  }

  private HashMap<Object, Slot<A>> slots = new HashMap<>();

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

  /**
   * Hands over every key's accumulator as a burst, one key per piece, and starts afresh: keys
   * added while the burst is still held start new accumulators, emitted by a later drain.
   */
  Burst drain(ResultEmitter<A> emitter) {
    Iterator<Map.Entry<Object, Slot<A>>> due = slots.entrySet().iterator();
    slots = new HashMap<>();
    return () -> {
      if (!due.hasNext()) {
        return false;
      }
      Map.Entry<Object, Slot<A>> e = due.next();
      emitter.emit(e.getKey(), e.getValue());
      return true;
    };
  }
}
