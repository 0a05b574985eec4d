package io.vortex.api.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.internal.TimeMath;
import io.vortex.api.time.WatermarkStrategy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Window and watermark arithmetic at the ends of {@code long}: saturates, never wraps. */
class TimeLimitsTest {
  private static final long MIN = Long.MIN_VALUE;
  private static final long MAX = Long.MAX_VALUE;

  @Test
  void when_tumblingWindowsAtTheEndsOfTime_then_cutThereAndHoldTheirRecord() {
    // Given
    var tumbling = TumblingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(3));

    for (long ts : List.of(MIN + 1, MIN + 5_000, MAX - 1, MAX - 9_999)) {
      // When
      TimeWindow w = tumbling.windowOf(ts);

      // Then: the window holds its record, and the time line's ends cut the first and last one
      assertTrue(w.start() <= ts && ts <= w.maxTimestamp(), w + " must hold " + ts);
      assertTrue(w.end() - 1 - w.start() < 10_000 || w.start() == MIN, w.toString());
    }
    assertEquals(MIN, tumbling.windowOf(MIN + 1).start());
    assertEquals(MAX, tumbling.windowOf(MAX - 1).end());
  }

  @Test
  void when_slidingWindowsAtTheEndsOfTime_then_everyWindowHoldsTheRecord() {
    // Given
    var sliding = SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(2));

    for (long ts : List.of(MIN + 1, MIN + 7_000, MAX - 1, MAX - 7_000)) {
      // When
      var windows = sliding.assignWindows(null, ts, 0);

      // Then: 10 / 2 = 5 windows (their starts differ), each holding the record
      assertEquals(5, windows.size(), ts + ": " + windows);
      assertEquals(5, windows.stream().distinct().count(), windows.toString());
      for (TimeWindow w : windows) {
        assertTrue(w.start() <= ts && ts <= w.maxTimestamp(), w + " must hold " + ts);
      }
    }
  }

  @Test
  void when_sessionStartsNearTheEndOfTime_then_itEndsThere() {
    // When
    var windows = EventTimeSessionWindows.withGap(Duration.ofSeconds(10)).assignWindows(null, MAX - 5, 0);

    // Then
    assertEquals(List.of(new TimeWindow(MAX - 5, MAX)), windows);
  }

  @Test
  void when_recordAtTheEndOfTime_then_windowsRefuseItClearly() {
    // When
    var e = assertThrows(IllegalStateException.class,
        () -> TumblingEventTimeWindows.of(Duration.ofSeconds(7)).windowOf(MAX));

    // Then
    assertTrue(e.getMessage().contains("Long.MAX_VALUE"), e.getMessage());
  }

  @Test
  void when_outOfOrdernessReachesBeyondTheBeginningOfTime_then_watermarkStaysAtIt() {
    // Given
    var generator = WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofSeconds(10)).createGenerator();

    // When / Then: max - outOfOrderness - 1 saturates instead of wrapping to the far future
    assertEquals(MIN, generator.onEvent(MIN + 5));
    assertEquals(MAX - 10_001, generator.onEvent(MAX));
  }

  @Test
  void when_durationsBeyondLongMillis_then_saturated() {
    // Given: more milliseconds than a long holds
    Duration forever = Duration.ofSeconds(Long.MAX_VALUE);

    // When / Then
    assertEquals(MAX, TimeMath.millis(forever));
    assertEquals(MAX, TimeMath.add(MAX - 1, 5));
    assertEquals(MIN, TimeMath.add(MIN + 1, -5));
    assertEquals(MIN, TimeMath.subtract(MIN + 1, 5));
    assertEquals(MAX, TimeMath.subtract(MAX - 1, -5));
    assertEquals(7, TimeMath.subtract(10, 3));
    assertEquals(Duration.ofMillis(MAX), TumblingEventTimeWindows.of(forever).size());
  }
}
