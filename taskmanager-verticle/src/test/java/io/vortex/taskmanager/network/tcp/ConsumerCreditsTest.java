package io.vortex.taskmanager.network.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumerCreditsTest {

  private static int sum(List<Integer> grants) {
    return grants.stream().mapToInt(Integer::intValue).sum();
  }

  @Test
  void when_opened_then_exclusiveBuffersReservedAndGranted() {
    // Given
    var pool = new CreditPool(10, 1024);
    List<Integer> grants = new ArrayList<>();

    // When
    var credits = new ConsumerCredits(pool, 2, 8, grants::add, "ch");

    // Then
    assertEquals(List.of(2), grants);
    assertEquals(8, pool.free());
    assertEquals(2, credits.granted());
  }

  @Test
  void when_backlogAnnounced_then_floatingBuffersGrantedUpToBacklog() {
    // Given
    var pool = new CreditPool(10, 1024);
    List<Integer> grants = new ArrayList<>();
    var credits = new ConsumerCredits(pool, 2, 8, grants::add, "ch");

    // When: one frame arrives with 5 more waiting behind it
    credits.onData(5);

    // Then: the producer holds 5 credits, 1 exclusive remained, 4 are floating
    assertEquals(5, credits.granted());
    assertEquals(4, credits.floating());
    assertEquals(4, pool.free());
    assertEquals(2 + 4, sum(grants));
  }

  @Test
  void when_floatingConsumedWithoutBacklog_then_returnedToPool() {
    // Given
    var pool = new CreditPool(10, 1024);
    List<Integer> grants = new ArrayList<>();
    var credits = new ConsumerCredits(pool, 2, 8, grants::add, "ch");
    credits.onData(3); // granted 3 (1 exclusive + 2 floating), held 1
    for (int i = 0; i < 3; i++) {
      credits.onData(0);
    }
    int granted = sum(grants);

    // When: all four frames are consumed
    for (int i = 0; i < 4; i++) {
      credits.onConsumed();
    }

    // Then: the floating buffers went back, the exclusive ones are granted again
    assertEquals(0, credits.floating());
    assertEquals(8, pool.free());
    assertEquals(2, credits.granted());
    assertEquals(granted + 2, sum(grants));
  }

  @Test
  void when_poolExhausted_then_waitingChannelServedWhenBuffersReturn() {
    // Given: a pool of 4; two channels of 2 exclusive each leave nothing floating
    var pool = new CreditPool(5, 1024);
    List<Integer> aGrants = new ArrayList<>();
    List<Integer> bGrants = new ArrayList<>();
    var a = new ConsumerCredits(pool, 2, 8, aGrants::add, "a");
    var b = new ConsumerCredits(pool, 2, 8, bGrants::add, "b");
    a.onData(10); // takes the one floating buffer
    b.onData(10); // waits

    // When
    a.release();

    // Then: b gets the floating buffers a gave back, up to its backlog
    assertEquals(2 + 3, sum(bGrants));
    assertEquals(0, pool.free());
  }

  @Test
  void when_released_then_noBufferLeaks() {
    // Given
    var pool = new CreditPool(10, 1024);
    var credits = new ConsumerCredits(pool, 2, 8, n -> {}, "ch");
    credits.onData(6);
    credits.onData(6);

    // When
    credits.release();
    credits.onConsumed(); // a consumption racing the release changes nothing

    // Then
    assertEquals(10, pool.free());
  }

  @Test
  void when_dataWithoutCredit_then_frameException() {
    // Given
    var credits = new ConsumerCredits(new CreditPool(2, 1024), 1, 8, n -> {}, "ch");
    credits.onData(0);

    // When / Then
    assertThrows(FrameException.class, () -> credits.onData(0));
  }

  @Test
  void when_exclusiveBuffersExceedMemory_then_clearError() {
    // Given
    var pool = new CreditPool(3, 32768);
    new ConsumerCredits(pool, 2, 8, n -> {}, "first");

    // When
    var e = assertThrows(NetworkMemoryException.class, () -> new ConsumerCredits(pool, 2, 8, n -> {}, "second"));

    // Then
    assertTrue(e.getMessage().contains("second") && e.getMessage().contains("network memory"), e.getMessage());
  }

  @Test
  void when_backlogHuge_then_floatingCappedPerChannel() {
    // Given
    var pool = new CreditPool(100, 1024);
    var credits = new ConsumerCredits(pool, 2, 3, n -> {}, "ch");

    // When
    credits.onData(1_000);

    // Then: one slow channel cannot take the whole pool
    assertEquals(3, credits.floating());
    assertEquals(95, pool.free());
  }
}
