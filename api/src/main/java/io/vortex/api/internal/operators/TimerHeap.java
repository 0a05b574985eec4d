package io.vortex.api.internal.operators;

import java.util.Arrays;
import java.util.HashMap;

/**
 * Timers of one time domain: a binary min-heap by time (ties in registration order) whose
 * entries know their position, plus a map that collapses duplicates and finds an entry to
 * delete. A deleted timer leaves the heap at once (O(log n)), so the heap holds exactly the
 * live timers, as Flink's {@code HeapPriorityQueueSet} does.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class TimerHeap {
  /** A timer of one key and namespace. */
  record Timer(long time, Object key, int keyGroup, Object namespace) {}

  /** A timer in the heap. Threading: as the heap. */
  private static final class Entry {
    final Timer timer;
    final long sequence;
    int index;

    Entry(Timer timer, long sequence) {
      this.timer = timer;
      this.sequence = sequence;
    }

    boolean before(Entry other) {
      long a = timer.time();
      long b = other.timer.time();
      return a < b || (a == b && sequence < other.sequence);
    }
  }

  private final HashMap<Timer, Entry> entries = new HashMap<>();
  private Entry[] heap = new Entry[16];
  private int size;
  private long nextSequence;

  /** Returns true when the timer is new. */
  boolean add(Timer timer) {
    if (entries.containsKey(timer)) {
      return false;
    }
    Entry entry = new Entry(timer, nextSequence++);
    entries.put(timer, entry);
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    entry.index = size;
    heap[size++] = entry;
    siftUp(entry.index);
    return true;
  }

  /** Removes the timer if it is pending; returns whether it was. */
  boolean delete(Timer timer) {
    Entry entry = entries.remove(timer);
    if (entry == null) {
      return false;
    }
    removeAt(entry.index);
    return true;
  }

  /** The earliest timer at or before {@code time}, removed; or null. */
  Timer pollDue(long time) {
    if (size == 0 || heap[0].timer.time() > time) {
      return null;
    }
    Entry top = heap[0];
    entries.remove(top.timer);
    removeAt(0);
    return top.timer;
  }

  /** Earliest pending time, or {@link Long#MAX_VALUE}. */
  long nextTime() {
    return size == 0 ? Long.MAX_VALUE : heap[0].timer.time();
  }

  /** The pending timers (every one is live: deleted timers leave the heap). */
  int size() {
    return size;
  }

  private void removeAt(int index) {
    Entry last = heap[--size];
    heap[size] = null;
    if (index == size) {
      return;
    }
    heap[index] = last;
    last.index = index;
    if (index > 0 && last.before(heap[(index - 1) >>> 1])) {
      siftUp(index);
    } else {
      siftDown(index);
    }
  }

  private void siftUp(int index) {
    Entry entry = heap[index];
    while (index > 0) {
      int parent = (index - 1) >>> 1;
      if (!entry.before(heap[parent])) {
        break;
      }
      place(heap[parent], index);
      index = parent;
    }
    place(entry, index);
  }

  private void siftDown(int index) {
    Entry entry = heap[index];
    int half = size >>> 1;
    while (index < half) {
      int child = 2 * index + 1;
      int right = child + 1;
      if (right < size && heap[right].before(heap[child])) {
        child = right;
      }
      if (!heap[child].before(entry)) {
        break;
      }
      place(heap[child], index);
      index = child;
    }
    place(entry, index);
  }

  private void place(Entry entry, int index) {
    heap[index] = entry;
    entry.index = index;
  }
}
