package io.vortex.api.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TumblingWindowsTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void when_eventTimestampInWindow_then_windowAlignedToEpoch() {
    // Given
    var assigner = TumblingEventTimeWindows.of(SECOND);

    // When / Then
    assertEquals(List.of(new TimeWindow(0, 1000)), assigner.assignWindows("x", 0, 0));
    assertEquals(List.of(new TimeWindow(0, 1000)), assigner.assignWindows("x", 999, 0));
    assertEquals(List.of(new TimeWindow(1000, 2000)), assigner.assignWindows("x", 1000, 0));
    assertEquals(
        List.of(new TimeWindow(1_700_000_000_000L, 1_700_000_001_000L)),
        assigner.assignWindows("x", 1_700_000_000_500L, 0));
    assertTrue(assigner.isEventTime());
  }

  @Test
  void when_negativeTimestamp_then_windowBelowZero() {
    // Given
    var assigner = TumblingEventTimeWindows.of(SECOND);

    // When / Then
    assertEquals(List.of(new TimeWindow(-1000, 0)), assigner.assignWindows("x", -1, 0));
    assertEquals(List.of(new TimeWindow(-1000, 0)), assigner.assignWindows("x", -1000, 0));
    assertEquals(List.of(new TimeWindow(-2000, -1000)), assigner.assignWindows("x", -1001, 0));
  }

  @Test
  void when_offset_then_windowsShifted() {
    // Given
    var plus = TumblingEventTimeWindows.of(SECOND, Duration.ofMillis(300));
    var minus = TumblingEventTimeWindows.of(SECOND, Duration.ofMillis(-300));

    // When / Then
    assertEquals(new TimeWindow(-700, 300), plus.windowOf(0));
    assertEquals(new TimeWindow(300, 1300), plus.windowOf(300));
    assertEquals(new TimeWindow(-1700, -700), plus.windowOf(-701));
    assertEquals(new TimeWindow(-300, 700), minus.windowOf(0));
    assertEquals(new TimeWindow(700, 1700), minus.windowOf(700));
  }

  @Test
  void when_recordWithoutTimestamp_then_clearError() {
    // Given
    var assigner = TumblingEventTimeWindows.of(SECOND);

    // When
    var e = assertThrows(IllegalStateException.class,
        () -> assigner.assignWindows("x", Long.MIN_VALUE, 0));

    // Then
    assertTrue(e.getMessage().contains("assignTimestampsAndWatermarks"), e.getMessage());
  }

  @Test
  void when_badArguments_then_illegalArgument() {
    // Given / When / Then
    assertThrows(IllegalArgumentException.class, () -> TumblingEventTimeWindows.of(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> TumblingEventTimeWindows.of(Duration.ofMillis(-5)));
    assertThrows(IllegalArgumentException.class, () -> TumblingEventTimeWindows.of(Duration.ofNanos(10)));
    assertThrows(IllegalArgumentException.class, () -> TumblingEventTimeWindows.of(SECOND, SECOND));
    assertThrows(IllegalArgumentException.class,
        () -> TumblingEventTimeWindows.of(SECOND, Duration.ofMillis(-1000)));
    assertThrows(NullPointerException.class, () -> TumblingEventTimeWindows.of(null));
    assertThrows(IllegalArgumentException.class,
        () -> TumblingProcessingTimeWindows.of(SECOND, Duration.ofMillis(2000)));
  }

  @Test
  void when_processingTime_then_windowOfTheClockNotTheTimestamp() {
    // Given
    var assigner = TumblingProcessingTimeWindows.of(SECOND);

    // When
    var windows = assigner.assignWindows("x", Long.MIN_VALUE, 5_500);

    // Then
    assertEquals(List.of(new TimeWindow(5000, 6000)), windows);
    assertFalse(assigner.isEventTime());
  }

  @Test
  void when_processingTimeWithOffset_then_windowsShifted() {
    // Given
    var assigner = TumblingProcessingTimeWindows.of(SECOND, Duration.ofMillis(250));

    // When / Then
    assertEquals(List.of(new TimeWindow(4250, 5250)), assigner.assignWindows("x", 0, 5_000));
    assertEquals(List.of(new TimeWindow(-750, 250)), assigner.assignWindows("x", 0, -1));
  }
}
