package io.vortex.taskmanager.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.function.FlatMapFunction;
import io.vortex.api.function.IterableFlatMapFunction;
import io.vortex.api.graph.OperatorKind;
import io.vortex.api.internal.operators.Factories;
import io.vortex.api.internal.operators.FlatMapOperator;
import io.vortex.api.internal.operators.IterableFlatMapOperator;
import java.util.stream.IntStream;

import io.vortex.taskmanager.testing.OperatorTestHarness.OutboxMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every test of {@link StatelessOperatorsTest}, against an outbox that refuses every other piece of a burst. */
@ExtendWith(RefusingOutbox.class)
class StatelessOperatorsRefusingOutboxTest extends StatelessOperatorsTest {
  @Test
  void when_theTwinRuns_then_itsHarnessesRefuseByDefault() {
    // the inherited tests prove the refusing contract only if their harnesses really refuse
    assertEquals(OutboxMode.REFUSING, OperatorTestHarness.DEFAULT_MODE.get());
  }

  @Test
  void when_bothFlatMapsFanOut_then_theRefusingOutboxReallyHeldTheirOutput() throws Exception {
    // Given
    FlatMapFunction<Integer, Integer> collecting = (x, out) -> {
      for (int i = 0; i < x; i++) {
        out.collect(i);
      }
    };
    IterableFlatMapFunction<Integer, Integer> pulled = x -> () -> IntStream.range(0, x).iterator();
    var c = OperatorTestHarness.of(Factories.of(OperatorKind.FLAT_MAP, () -> new FlatMapOperator<>(collecting))).open();
    var p = OperatorTestHarness.of(Factories.of(OperatorKind.FLAT_MAP, () -> new IterableFlatMapOperator<>(pulled))).open();

    // When
    c.processElement(10, 1);
    p.processElement(10, 1);

    // Then: every other record or piece was refused, and all ten came out anyway
    assertTrue(c.refusals() >= 5, "refusals: " + c.refusals());
    assertTrue(p.refusals() >= 5, "refusals: " + p.refusals());
    assertEquals(IntStream.range(0, 10).boxed().toList(), c.values());
    assertEquals(IntStream.range(0, 10).boxed().toList(), p.values());
  }
}
