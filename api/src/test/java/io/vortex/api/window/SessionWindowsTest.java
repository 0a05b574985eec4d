package io.vortex.api.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionWindowsTest {

  @Test
  void when_eventAssigned_then_windowFromTimestampToTimestampPlusGap() {
    // Given
    var assigner = EventTimeSessionWindows.withGap(Duration.ofMillis(10));

    // When / Then
    assertEquals(List.of(new TimeWindow(5, 15)), assigner.assignWindows("x", 5, 0));
    assertEquals(List.of(new TimeWindow(-25, -15)), assigner.assignWindows("x", -25, 0));
    assertTrue(assigner.isEventTime());
  }

  @Test
  void when_sessionWindowsOverlap_then_assignerMergesThem() {
    // Given
    var assigner = EventTimeSessionWindows.withGap(Duration.ofMillis(10));
    List<TimeWindow> windows = new ArrayList<>();
    for (long ts : new long[] {0, 7, 30, 17}) {
      windows.addAll(assigner.assignWindows("x", ts, 0));
    }
    List<TimeWindow> results = new ArrayList<>();

    // When
    assigner.mergeWindows(windows, (merged, result) -> results.add(result));

    // Then: 0, 7 and 17 are each within the gap of the previous; 30 is 13 after 17
    assertEquals(List.of(new TimeWindow(0, 27)), results);
  }

  @Test
  void when_processingTimeSession_then_windowFromNow() {
    // Given
    var assigner = ProcessingTimeSessionWindows.withGap(Duration.ofSeconds(1));

    // When / Then
    assertEquals(List.of(new TimeWindow(500, 1500)), assigner.assignWindows("x", Long.MIN_VALUE, 500));
    assertFalse(assigner.isEventTime());
  }

  @Test
  void when_badGap_then_illegalArgument() {
    // Given / When / Then
    assertThrows(IllegalArgumentException.class, () -> EventTimeSessionWindows.withGap(Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> ProcessingTimeSessionWindows.withGap(Duration.ofMillis(-1)));
  }

  @Test
  void when_noTimestamp_then_clearError() {
    // Given
    var assigner = EventTimeSessionWindows.withGap(Duration.ofMillis(10));

    // When / Then
    assertThrows(IllegalStateException.class, () -> assigner.assignWindows("x", Long.MIN_VALUE, 0));
  }
}
