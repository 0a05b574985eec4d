package io.vortex.api.internal.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vortex.api.window.EventTimeSessionWindows;
import io.vortex.api.window.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergingWindowSetTest {
  /** One reported merge. */
  record Merge(TimeWindow result, List<TimeWindow> merged, TimeWindow stateResult,
      List<TimeWindow> mergedState) {}

  private final List<Merge> merges = new ArrayList<>();
  private final MergingWindowSet<TimeWindow> set =
      new MergingWindowSet<>(EventTimeSessionWindows.withGap(Duration.ofMillis(10)), new HashMap<>());

  private TimeWindow add(long start) throws Exception {
    return set.addWindow(new TimeWindow(start, start + 10), (result, merged, stateResult, mergedState) ->
        merges.add(new Merge(result, List.copyOf(merged), stateResult, List.copyOf(mergedState))));
  }

  @Test
  void when_disjointWindows_then_eachIsItsOwnStateWindow() throws Exception {
    // Given / When
    var a = add(0);
    var b = add(30);

    // Then
    assertEquals(new TimeWindow(0, 10), a);
    assertEquals(a, set.stateWindow(a));
    assertEquals(b, set.stateWindow(b));
    assertEquals(List.of(), merges);
  }

  @Test
  void when_newWindowOverlaps_then_resultKeepsTheExistingStateWindow() throws Exception {
    // Given
    add(0);

    // When
    var result = add(5);

    // Then: the new window had no state, so nothing moves
    assertEquals(new TimeWindow(0, 15), result);
    assertEquals(new TimeWindow(0, 10), set.stateWindow(result));
    assertNull(set.stateWindow(new TimeWindow(0, 10)));
    assertEquals(
        List.of(new Merge(result, List.of(new TimeWindow(0, 10)), new TimeWindow(0, 10), List.of())),
        merges);
  }

  @Test
  void when_newWindowBridgesTwo_then_theLaterStateMovesIntoTheEarlier() throws Exception {
    // Given
    add(0);
    add(20);

    // When
    var result = add(10);

    // Then
    assertEquals(new TimeWindow(0, 30), result);
    assertEquals(new TimeWindow(0, 10), set.stateWindow(result));
    assertEquals(
        List.of(new Merge(result, List.of(new TimeWindow(0, 10), new TimeWindow(20, 30)),
            new TimeWindow(0, 10), List.of(new TimeWindow(20, 30)))),
        merges);
  }

  @Test
  void when_newWindowInsideExisting_then_noMergeReported() throws Exception {
    // Given
    add(0);
    add(5); // [0, 15)

    // When
    var result = add(3); // [3, 13) lies inside [0, 15)

    // Then
    assertEquals(new TimeWindow(0, 15), result);
    assertEquals(1, merges.size());
  }

  @Test
  void when_sameWindowAddedTwice_then_unchanged() throws Exception {
    // Given
    add(0);

    // When
    var result = add(0);

    // Then
    assertEquals(new TimeWindow(0, 10), result);
    assertEquals(List.of(), merges);
  }

  @Test
  void when_retiringUnknownWindow_then_illegalState() {
    // Given / When / Then
    assertThrows(IllegalStateException.class, () -> set.retireWindow(new TimeWindow(0, 10)));
  }
}
