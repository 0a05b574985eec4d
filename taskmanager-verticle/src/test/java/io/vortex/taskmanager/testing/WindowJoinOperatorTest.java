package io.vortex.taskmanager.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vortex.api.function.JoinFunction;
import io.vortex.api.function.KeySelector;
import io.vortex.api.graph.OperatorKind;
import io.vortex.api.internal.operators.Factories;
import io.vortex.api.internal.operators.WindowJoinOperator;
import io.vortex.api.window.EventTimeSessionWindows;
import io.vortex.api.window.TimeWindow;
import io.vortex.api.window.TumblingEventTimeWindows;
import io.vortex.api.window.WindowAssigner;
import io.vortex.taskmanager.testing.OperatorTestHarness.Rec;
import io.vortex.taskmanager.testing.OperatorTestHarness.Watermark;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowJoinOperatorTest {
  record Order(String customer, int amount) {}

  record Visit(String customer, String page) {}

  static OperatorTestHarness join(WindowAssigner<Object, TimeWindow> assigner) throws Exception {
    KeySelector<Order, String> k1 = Order::customer;
    KeySelector<Visit, String> k2 = Visit::customer;
    JoinFunction<Order, Visit, String> fn = (o, v) -> o.customer() + ":" + o.amount() + "/" + v.page();
    var factory = Factories.twoKeyed(OperatorKind.WINDOW_JOIN, k1, k2,
        () -> new WindowJoinOperator<>(assigner, k1, k2, 0, fn));
    return OperatorTestHarness.of(factory).name("j").open();
  }

  @Test
  void when_windowFires_then_everyPairOfTheSameKeyIsJoined() throws Exception {
    // Given
    var h = join(TumblingEventTimeWindows.of(Duration.ofMillis(10)));
    h.processElement1(new Order("a", 1), 1)
        .processElement1(new Order("b", 2), 2)
        .processElement2(new Visit("a", "x"), 5)
        .processElement2(new Visit("c", "z"), 3)
        .processElement1(new Order("a", 3), 12)
        .processElement2(new Visit("a", "y"), 8)
        .processElement1(new Order("a", 4), 9)
        .processElement2(new Visit("a", "w"), 15);

    // When
    h.processWatermark(9);
    var first = h.take();
    h.processWatermark(19);

    // Then: no partner for b or c; a's pairs with firsts in the outer loop
    assertEquals(
        List.of(new Rec("a:1/x", 9), new Rec("a:1/y", 9), new Rec("a:4/x", 9),
            new Rec("a:4/y", 9), new Watermark(9)),
        first);
    assertEquals(List.of(new Rec("a:3/w", 19), new Watermark(19)), h.take());
  }

  @Test
  void when_elementLate_then_droppedAndCounted() throws Exception {
    // Given
    var h = join(TumblingEventTimeWindows.of(Duration.ofMillis(10)));
    h.processElement1(new Order("a", 1), 1).processWatermark(9);
    h.take();

    // When
    h.processElement2(new Visit("a", "late"), 4);

    // Then
    assertEquals(List.of(), h.take());
    assertEquals(1, h.counter("j.late-records"));
  }

  @Test
  void when_sessionWindows_then_elementsOfBothSidesExtendTheSession() throws Exception {
    // Given
    var h = join(EventTimeSessionWindows.withGap(Duration.ofMillis(10)));

    // When: the visit at 8 bridges the orders at 0 and 16 into one session [0, 26)
    h.processElement1(new Order("a", 1), 0)
        .processElement1(new Order("a", 2), 16)
        .processElement2(new Visit("a", "p"), 8)
        .endInput();

    // Then
    assertEquals(
        List.of(new Rec("a:1/p", 25), new Rec("a:2/p", 25), new Watermark(Long.MAX_VALUE)),
        h.take());
  }
}
