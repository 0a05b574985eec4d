package io.vortex.api.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlidingWindowsTest {
  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  @Test
  void when_slideDividesSize_then_sizeOverSlideWindowsLatestFirst() {
    // Given
    var assigner = SlidingEventTimeWindows.of(ms(10), ms(5));

    // When / Then
    assertEquals(
        List.of(new TimeWindow(0, 10), new TimeWindow(-5, 5)), assigner.assignWindows("x", 0, 0));
    assertEquals(
        List.of(new TimeWindow(5, 15), new TimeWindow(0, 10)), assigner.assignWindows("x", 9, 0));
    assertEquals(
        List.of(new TimeWindow(10, 20), new TimeWindow(5, 15)), assigner.assignWindows("x", 10, 0));
  }

  @Test
  void when_slideDoesNotDivideSize_then_onlyWindowsContainingTheTimestamp() {
    // Given
    var assigner = SlidingEventTimeWindows.of(ms(10), ms(3));

    // When
    var windows = assigner.assignWindows("x", 0, 0);

    // Then
    assertEquals(
        List.of(new TimeWindow(0, 10), new TimeWindow(-3, 7), new TimeWindow(-6, 4),
            new TimeWindow(-9, 1)),
        windows);
  }

  @Test
  void when_negativeTimestamp_then_windowsFloored() {
    // Given
    var assigner = SlidingEventTimeWindows.of(ms(10), ms(5));

    // When / Then
    assertEquals(
        List.of(new TimeWindow(-5, 5), new TimeWindow(-10, 0)), assigner.assignWindows("x", -1, 0));
    assertEquals(
        List.of(new TimeWindow(-15, -5), new TimeWindow(-20, -10)),
        assigner.assignWindows("x", -11, 0));
  }

  @Test
  void when_offset_then_windowsShifted() {
    // Given
    var assigner = SlidingEventTimeWindows.of(ms(10), ms(5), ms(2));

    // When / Then
    assertEquals(
        List.of(new TimeWindow(-3, 7), new TimeWindow(-8, 2)), assigner.assignWindows("x", 0, 0));
    assertEquals(
        List.of(new TimeWindow(2, 12), new TimeWindow(-3, 7)), assigner.assignWindows("x", 2, 0));
  }

  @Test
  void when_slideLargerThanSize_then_someTimestampsHaveNoWindow() {
    // Given
    var assigner = SlidingEventTimeWindows.of(ms(5), ms(10));

    // When / Then
    assertEquals(List.of(new TimeWindow(0, 5)), assigner.assignWindows("x", 4, 0));
    assertEquals(List.of(), assigner.assignWindows("x", 5, 0));
  }

  @Test
  void when_badArguments_then_illegalArgument() {
    // Given / When / Then
    assertThrows(IllegalArgumentException.class, () -> SlidingEventTimeWindows.of(ms(0), ms(5)));
    assertThrows(IllegalArgumentException.class, () -> SlidingEventTimeWindows.of(ms(10), ms(0)));
    assertThrows(IllegalArgumentException.class,
        () -> SlidingEventTimeWindows.of(ms(10), ms(5), ms(5)));
    assertThrows(IllegalArgumentException.class,
        () -> SlidingProcessingTimeWindows.of(ms(10), ms(-5)));
  }

  @Test
  void when_processingTime_then_windowsOfTheClock() {
    // Given
    var assigner = SlidingProcessingTimeWindows.of(ms(10), ms(5));

    // When
    var windows = assigner.assignWindows("x", Long.MIN_VALUE, 12);

    // Then
    assertEquals(List.of(new TimeWindow(10, 20), new TimeWindow(5, 15)), windows);
    assertFalse(assigner.isEventTime());
  }
}
