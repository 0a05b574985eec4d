package io.vortex.api.internal.operators;

import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Timers of one time domain: a min-heap by time plus a set that collapses duplicates and makes
 * deletion O(1) (deleted timers are skipped when they reach the top).
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class TimerHeap {
  /** A timer of one key and namespace. */
  record Timer(long time, Object key, int keyGroup, Object namespace) {}

  private final PriorityQueue<Timer> heap =
      new PriorityQueue<>((a, b) -> Long.compare(a.time(), b.time()));
  private final Set<Timer> live = new HashSet<>();

  /** Returns true when the timer is new. */
  boolean add(Timer timer) {
    if (live.add(timer)) {
      heap.add(timer);
      return true;
    }
    return false;
  }

  void delete(Timer timer) {
    live.remove(timer);
  }

  /** The earliest live timer at or before {@code time}, removed; or null. */
  Timer pollDue(long time) {
    while (!heap.isEmpty() && heap.peek().time() <= time) {
      Timer timer = heap.poll();
      if (live.remove(timer)) {
        return timer;
      }
    }
    return null;
  }

  /** Earliest live time, or {@link Long#MAX_VALUE}. */
  long nextTime() {
    while (!heap.isEmpty() && !live.contains(heap.peek())) {
      heap.poll();
    }
    return heap.isEmpty() ? Long.MAX_VALUE : heap.peek().time();
  }

  int size() {
    return live.size();
  }
}
