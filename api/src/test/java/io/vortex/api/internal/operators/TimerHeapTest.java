package io.vortex.api.internal.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimerHeapTest {
  private static TimerHeap.Timer timer(long time, Object key) {
    return new TimerHeap.Timer(time, key, 0, "ns");
  }

  @Test
  void when_timersDeleted_then_heapShrinksAndReleasesThem() {
    // Given: 1000 timers, and a weak reference to the key of one of them
    var heap = new TimerHeap();
    Object key = new Object();
    var keyRef = new WeakReference<>(key);
    heap.add(timer(5_000, key)); // deep in the heap, not at its top
    for (int i = 0; i < 1000; i++) {
      heap.add(timer(1_000 + i, "k" + i));
    }
    assertEquals(1001, heap.size());

    // When: all but the last 10 are deleted, long before their time
    heap.delete(timer(5_000, key));
    key = null;
    for (int i = 0; i < 990; i++) {
      heap.delete(timer(1_000 + i, "k" + i));
    }

    // Then: the heap holds exactly the live timers, and no tombstone keeps the key reachable
    assertEquals(10, heap.size());
    assertEquals(1_990, heap.nextTime());
    for (int attempt = 0; attempt < 50 && keyRef.get() != null; attempt++) {
      System.gc();
    }
    assertNull(keyRef.get(), "a deleted timer must not keep its key reachable");
  }

  @Test
  void when_addingDeletingAndPolling_then_liveTimersInTimeOrderTiesInRegistrationOrder() {
    // Given: random times, with ties, and random deletions
    var random = new Random(42);
    var heap = new TimerHeap();
    List<TimerHeap.Timer> live = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      var t = timer(random.nextInt(300), "k" + i);
      assertTrue(heap.add(t));
      live.add(t);
      if (random.nextInt(3) == 0) {
        var victim = live.remove(random.nextInt(live.size()));
        heap.delete(victim);
        heap.delete(victim); // deleting twice is harmless
        assertEquals(live.size(), heap.size());
      }
    }
    assertFalse(heap.add(live.get(0)), "duplicates collapse");
    live.sort((a, b) -> Long.compare(a.time(), b.time())); // stable: ties keep registration order

    // When
    List<TimerHeap.Timer> polled = new ArrayList<>();
    TimerHeap.Timer t;
    while ((t = heap.pollDue(Long.MAX_VALUE)) != null) {
      polled.add(t);
    }

    // Then
    assertEquals(live, polled);
    assertEquals(0, heap.size());
    assertEquals(Long.MAX_VALUE, heap.nextTime());
  }

  @Test
  void when_pollingUpToATime_then_onlyDueTimers() {
    // Given
    var heap = new TimerHeap();
    heap.add(timer(10, "a"));
    heap.add(timer(20, "b"));

    // When / Then
    assertEquals(timer(10, "a"), heap.pollDue(15));
    assertNull(heap.pollDue(15));
    assertEquals(20, heap.nextTime());
  }
}
