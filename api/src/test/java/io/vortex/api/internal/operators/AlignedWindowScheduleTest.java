package io.vortex.api.internal.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vortex.api.internal.operators.AlignedWindowSchedule.Due;
import io.vortex.api.window.TimeWindow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlignedWindowScheduleTest {
  private static TimeWindow w(long start) {
    return new TimeWindow(start, start + 10);
  }

  private static List<Due<TimeWindow>> drain(AlignedWindowSchedule<TimeWindow> s, long watermark) {
    List<Due<TimeWindow>> due = new ArrayList<>();
    Due<TimeWindow> d;
    while ((d = s.next(watermark)) != null) {
      due.add(d);
      s.done(d);
    }
    return due;
  }

  @Test
  void when_lateness_is_zero_then_each_window_fires_and_is_dropped_at_once_in_time_order() {
    // Given windows added out of order, some twice
    var schedule = new AlignedWindowSchedule<TimeWindow>(TimeWindow::maxTimestamp);
    schedule.add(w(20), false);
    schedule.add(w(0), false);
    schedule.add(w(20), false);
    schedule.add(w(10), false);
    // When the watermark passes the first two
    List<Due<TimeWindow>> due = drain(schedule, 19);
    // Then they come in time order, each fired and dropped; the third waits
    assertEquals(List.of(new Due<>(w(0), true, true), new Due<>(w(10), true, true)), due);
    assertEquals(1, schedule.size());
    assertNull(schedule.next(28));
    assertEquals(List.of(new Due<>(w(20), true, true)), drain(schedule, Long.MAX_VALUE));
  }

  @Test
  void when_lateness_keeps_windows_then_drops_interleave_with_later_fires_by_time() {
    // Given an allowed lateness of 15: window [0,10) fires at 9, is dropped at 24
    var schedule = new AlignedWindowSchedule<TimeWindow>(w -> w.maxTimestamp() + 15);
    schedule.add(w(0), false);
    schedule.add(w(10), false);
    schedule.add(w(20), false);
    // When the watermark jumps to 29
    List<Due<TimeWindow>> due = drain(schedule, 29);
    // Then: fire 0 (9), fire 10 (19), drop 0 (24), fire 20 (29); 10 and 20 wait to be dropped
    assertEquals(
        List.of(
            new Due<>(w(0), true, false),
            new Due<>(w(10), true, false),
            new Due<>(w(0), false, true),
            new Due<>(w(20), true, false)),
        due);
    assertEquals(2, schedule.size());
  }

  @Test
  void when_a_window_gets_contents_after_it_fired_then_it_is_only_dropped() {
    // Given a window whose first record came within the allowed lateness (it fired at once)
    var schedule = new AlignedWindowSchedule<TimeWindow>(w -> w.maxTimestamp() + 100);
    schedule.add(w(0), true);
    // When / Then
    assertNull(schedule.next(50));
    assertEquals(List.of(new Due<>(w(0), false, true)), drain(schedule, 109));
  }
}
