package io.vortex.api.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeWindowTest {

  @Test
  void when_windowCreated_then_maxTimestampIsEndMinusOne() {
    // Given / When
    var window = new TimeWindow(1000, 2000);

    // Then
    assertEquals(1999, window.maxTimestamp());
  }

  @Test
  void when_endNotAfterStart_then_rejected() {
    // Given / When / Then
    assertThrows(IllegalArgumentException.class, () -> new TimeWindow(10, 10));
    assertThrows(IllegalArgumentException.class, () -> new TimeWindow(10, 5));
  }

  @Test
  void when_windowsOverlapOrTouch_then_theyIntersect() {
    // Given
    var a = new TimeWindow(0, 10);

    // When / Then
    assertTrue(a.intersects(new TimeWindow(5, 15)));
    assertTrue(a.intersects(new TimeWindow(10, 20)), "touching windows intersect, as in Flink");
    assertTrue(a.intersects(new TimeWindow(-10, 0)));
    assertFalse(a.intersects(new TimeWindow(11, 20)));
    assertFalse(a.intersects(new TimeWindow(-10, -1)));
  }

  @Test
  void when_covering_then_smallestEnclosingWindow() {
    // Given / When
    var cover = new TimeWindow(0, 10).cover(new TimeWindow(5, 30));

    // Then
    assertEquals(new TimeWindow(0, 30), cover);
  }

  @Test
  void when_windowStartOfNegativeTimestamp_then_flooredNotTruncated() {
    // Given / When / Then
    assertEquals(-1000, TimeWindow.windowStart(-1, 0, 1000));
    assertEquals(-1000, TimeWindow.windowStart(-1000, 0, 1000));
    assertEquals(-2000, TimeWindow.windowStart(-1001, 0, 1000));
    assertEquals(0, TimeWindow.windowStart(999, 0, 1000));
    assertEquals(1000, TimeWindow.windowStart(1000, 0, 1000));
  }

  @Test
  void when_mergingSessions_then_overlappingAndTouchingGroupsReportedInStartOrder() {
    // Given
    List<TimeWindow> windows =
        List.of(
            new TimeWindow(20, 30),
            new TimeWindow(0, 10),
            new TimeWindow(50, 60),
            new TimeWindow(5, 15),
            new TimeWindow(30, 40),
            new TimeWindow(100, 110));
    List<List<TimeWindow>> groups = new ArrayList<>();
    List<TimeWindow> results = new ArrayList<>();

    // When
    TimeWindow.mergeWindows(windows, (merged, result) -> {
      groups.add(new ArrayList<>(merged));
      results.add(result);
    });

    // Then
    assertEquals(List.of(new TimeWindow(0, 15), new TimeWindow(20, 40)), results);
    assertEquals(
        List.of(
            List.of(new TimeWindow(0, 10), new TimeWindow(5, 15)),
            List.of(new TimeWindow(20, 30), new TimeWindow(30, 40))),
        groups);
  }

  @Test
  void when_noWindowsOverlap_then_noMerge() {
    // Given
    List<TimeWindow> windows = List.of(new TimeWindow(0, 10), new TimeWindow(11, 20));
    List<TimeWindow> results = new ArrayList<>();

    // When
    TimeWindow.mergeWindows(windows, (merged, result) -> results.add(result));

    // Then
    assertEquals(List.of(), results);
  }

  @Test
  void when_oneWindowBridgesTwo_then_allThreeMerge() {
    // Given
    List<TimeWindow> windows =
        List.of(new TimeWindow(0, 10), new TimeWindow(20, 30), new TimeWindow(8, 22));
    List<TimeWindow> results = new ArrayList<>();

    // When
    TimeWindow.mergeWindows(windows, (merged, result) -> results.add(result));

    // Then
    assertEquals(List.of(new TimeWindow(0, 30)), results);
  }
}
