package io.vortex.taskmanager.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.internal.operators.AbstractStreamOperator;
import io.vortex.api.internal.operators.OneInputOperator;
import io.vortex.api.internal.operators.WindowAggregator;
import io.vortex.api.internal.operators.WindowDefinition;
import io.vortex.api.internal.operators.WindowFactories;
import io.vortex.api.window.TumblingEventTimeWindows;
import io.vortex.taskmanager.testing.OperatorTestHarness.Emitted;
import io.vortex.taskmanager.testing.OperatorTestHarness.OutboxMode;
import io.vortex.taskmanager.testing.WindowOperatorTest.Ev;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself: its refusing outbox really refuses, and finds operators that break under it. */
class OperatorTestHarnessTest {
  /** Buffers records and emits them as a burst on a watermark, but forgets them too early. */
  static final class ForgetsBeforeDrained extends AbstractStreamOperator<Object>
      implements OneInputOperator<Object, Object> {
    private final List<Object> buffered = new ArrayList<>();

    @Override
    public void processElement(Object value, long timestamp) {
      buffered.add(value);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
      Iterator<Object> it = new ArrayList<>(buffered).iterator();
      List<Object> live = buffered;
      output.emitBurst(() -> {
        if (!it.hasNext()) {
          return false;
        }
        Object next = it.next();
        if (live.contains(next)) { // reads state that the operator clears below: a bug
          output.collect(next, watermark);
        }
        return true;
      });
      buffered.clear();
      super.processWatermark(watermark);
    }
  }

  private static List<Emitted> windowsFiring(OutboxMode mode, long[] refusals) throws Exception {
    var definition = new WindowDefinition(TumblingEventTimeWindows.of(Duration.ofMillis(10)),
        WindowOperatorTest.KEY, 0, null, WindowOperatorTest.SUM, null);
    var h = OperatorTestHarness.of(new WindowFactories.Keyed(definition, false)).outbox(mode).open();
    for (int i = 0; i < 100; i++) {
      h.processElement(new Ev("k" + i, i), i % 20);
    }
    h.processWatermark(9).processWatermark(19);
    refusals[0] = h.refusals();
    return h.take();
  }

  @Test
  void when_refusing_then_burstsArePausedAndResumedWithIdenticalOutput() throws Exception {
    // Given
    long[] withRoom = new long[1];
    long[] refusing = new long[1];

    // When: 50 windows fire on each of two watermarks
    var expected = windowsFiring(OutboxMode.WITH_ROOM, withRoom);
    var actual = windowsFiring(OutboxMode.REFUSING, refusing);

    // Then: every other piece was refused, and the output is the same, in the same order
    assertEquals(0, withRoom[0]);
    assertTrue(refusing[0] >= 50, "refusals: " + refusing[0]);
    assertEquals(102, expected.size());
    assertEquals(expected, actual);
  }

  @Test
  void when_operatorDropsWhatItsBurstStillNeeds_then_refusingOutboxShowsIt() throws Exception {
    // Given
    List<List<Emitted>> outputs = new ArrayList<>();
    for (OutboxMode mode : OutboxMode.values()) {
      var h = OperatorTestHarness.of(new ForgetsBeforeDrained(), false).outbox(mode).open();

      // When
      h.processElement("a", 1).processElement("b", 2).processElement("c", 3).processWatermark(3);
      outputs.add(h.take());
    }

    // Then: with room the bug is invisible; refused, the burst finds its records gone
    assertEquals(4, outputs.get(0).size());
    assertNotEquals(outputs.get(0), outputs.get(1));
  }
}
