package io.vortex.jobmanager.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vortex.jobmanager.scheduler.SlotPool.SlotRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotPoolTest {
  @Test
  void when_jobAllocates_then_slotsSpreadRoundRobinOverTaskManagers() {
    // Given
    var pool = new SlotPool();
    pool.register("a", 2);
    pool.register("b", 3);

    // When
    List<SlotRef> slots = pool.allocate("job", 4);

    // Then
    assertEquals(List.of(new SlotRef("a", 0), new SlotRef("b", 0), new SlotRef("a", 1), new SlotRef("b", 1)), slots);
    assertEquals(5, pool.totalSlots());
    assertEquals(1, pool.freeSlots());
    assertEquals(2, pool.taskManagerCount());
  }

  @Test
  void when_secondJobAllocates_then_itGetsOnlyFreeSlots() {
    // Given
    var pool = new SlotPool();
    pool.register("a", 2);
    pool.register("b", 2);
    pool.allocate("first", 3);

    // When
    List<SlotRef> second = pool.allocate("second", 1);

    // Then
    assertEquals(List.of(new SlotRef("b", 1)), second);
    assertEquals(0, pool.freeSlots());
  }

  @Test
  void when_notEnoughFreeSlots_then_refusedAndNothingTaken() {
    // Given
    var pool = new SlotPool();
    pool.register("a", 2);
    pool.allocate("first", 1);

    // When
    var e = assertThrows(IllegalStateException.class, () -> pool.allocate("second", 2));

    // Then
    assertEquals("the job needs 2 slots but only 1 of 2 are free now (other jobs hold the rest)", e.getMessage());
    assertEquals(1, pool.freeSlots());
  }

  @Test
  void when_jobReleased_then_itsSlotsAreFreeAgainAndOthersKept() {
    // Given
    var pool = new SlotPool();
    pool.register("a", 3);
    pool.allocate("first", 2);
    pool.allocate("second", 1);

    // When
    pool.release("first");

    // Then
    assertEquals(2, pool.freeSlots());
    assertEquals(List.of(new SlotRef("a", 0), new SlotRef("a", 1)), pool.allocate("third", 2));
    assertEquals(0, pool.freeSlots());
  }

  @Test
  void when_taskManagerRegistersAgain_then_itsSlotsAreNotCountedTwice() {
    // Given: a registration retried after its reply was lost
    var pool = new SlotPool();
    pool.register("a", 2);
    pool.allocate("job", 1);

    // When
    pool.register("a", 2);

    // Then
    assertEquals(2, pool.totalSlots());
    assertEquals(1, pool.freeSlots());
  }

  @Test
  void when_noSlotsRequestedOrNegative_then_refused() {
    var pool = new SlotPool();
    pool.register("a", 2);
    assertThrows(IllegalArgumentException.class, () -> pool.allocate("job", 0));
    assertEquals(2, pool.freeSlots());
  }
}
