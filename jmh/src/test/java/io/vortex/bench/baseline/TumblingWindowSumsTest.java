package io.vortex.bench.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vortex.bench.check.W2Checksum;
import org.junit.jupiter.api.Test;

class TumblingWindowSumsTest {

  @Test
  void when_the_watermark_reaches_end_minus_one_then_the_window_fires_once() {
    W2Checksum out = new W2Checksum();
    TumblingWindowSums w = new TumblingWindowSums(1000, 16, out);
    w.add(1500, 7, 3);
    w.add(1999, 7, 4);
    w.add(2000, 7, 10);
    w.advanceWatermark(1998);
    assertEquals(0, out.totals().results());
    w.advanceWatermark(1999);
    assertEquals(1, out.totals().results());
    assertEquals(W2Checksum.term(1000, 7, 7), out.totals().checksum());
    assertEquals(1, w.openWindows());
    w.advanceWatermark(Long.MAX_VALUE);
    assertEquals(2, out.totals().results());
    assertEquals(17, out.totals().total());
  }

  @Test
  void when_an_event_arrives_for_a_fired_window_then_it_is_dropped_as_late() {
    W2Checksum out = new W2Checksum();
    TumblingWindowSums w = new TumblingWindowSums(1000, 16, out);
    w.add(2500, 1, 1);
    w.advanceWatermark(3000);
    w.add(2999, 1, 1);
    w.add(500, 1, 1);
    assertEquals(2, w.late());
    w.add(3000, 1, 1);
    w.advanceWatermark(Long.MAX_VALUE);
    assertEquals(2, out.totals().results());
  }

  @Test
  void when_events_are_out_of_order_across_windows_then_each_goes_to_its_own_window() {
    W2Checksum out = new W2Checksum();
    TumblingWindowSums w = new TumblingWindowSums(1000, 16, out);
    w.add(3100, 1, 1);
    w.add(1100, 1, 2);
    w.add(2100, 1, 4);
    w.add(1200, 1, 8);
    assertEquals(3, w.openWindows());
    w.advanceWatermark(Long.MAX_VALUE);
    assertEquals(W2Checksum.term(1000, 1, 10) + W2Checksum.term(2000, 1, 4)
        + W2Checksum.term(3000, 1, 1), out.totals().checksum());
  }
}
