package io.vortex.api.internal.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.OutputTag;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTest {
  private final List<String> emitted = new ArrayList<>();
  private final List<Boolean> holdingChanges = new ArrayList<>();
  private int room;
  /** Records {@code collectOrHold} may still pass straight through. */
  private int recordRoom = Integer.MAX_VALUE;

  private final Output<Object> target =
      new Output<>() {
        @Override
        public void collect(Object value, long timestamp) {
          emitted.add(value + "@" + timestamp);
        }

        @Override
        public void emitWatermark(long watermark) {
          emitted.add("wm " + watermark);
        }

        @Override
        public void emitIdle(boolean idle) {
          emitted.add("idle " + idle);
        }

        @Override
        public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
          emitted.add(tag.id() + ":" + value);
        }
      };

  private final Outbox<Object> outbox =
      new Outbox<>(
          target,
          new Outbox.Room() {
            @Override
            public boolean hasRoom() {
              return room-- > 0;
            }

            @Override
            public boolean canTakeRecord() {
              return recordRoom-- > 0;
            }

            @Override
            public void holding(boolean holding) {
              holdingChanges.add(holding);
            }
          });

  /** A burst of {@code n} records named {@code prefix0..}, one per piece. */
  private Burst counting(String prefix, int n) {
    int[] next = {0};
    return () -> {
      if (next[0] == n) {
        return false;
      }
      outbox.collect(prefix + next[0]++, 1);
      return true;
    };
  }

  @Test
  void when_nothingHeld_then_everythingPassesStraightThrough() throws Exception {
    // Given
    room = 100;

    // When
    outbox.collect("a", 1);
    outbox.emitBurst(counting("b", 2));
    outbox.emitWatermark(5);

    // Then
    assertEquals(List.of("a@1", "b0@1", "b1@1", "wm 5"), emitted);
    assertFalse(outbox.isHolding());
  }

  @Test
  void when_roomRunsOut_then_restOfBurstAndLaterOutputAreHeldInOrder() throws Exception {
    // Given: room for two pieces
    room = 2;
    var late = new OutputTag<String>("late");

    // When
    outbox.emitBurst(counting("x", 5));
    outbox.collect("after", 2);
    outbox.collect(late, "side", 2);
    outbox.emitBurst(counting("y", 1));
    outbox.emitWatermark(9);

    // Then
    assertEquals(List.of("x0@1", "x1@1"), emitted);
    assertTrue(outbox.isHolding());

    // When room comes back, two pieces at a time
    List<Boolean> done = new ArrayList<>();
    do {
      room = 2;
      done.add(outbox.resume());
    } while (!done.get(done.size() - 1));

    // Then: nothing overtook the bursts, and the holding state was reported once each way
    assertEquals(
        List.of("x0@1", "x1@1", "x2@1", "x3@1", "x4@1", "after@2", "late:side", "y0@1", "wm 9"),
        emitted);
    assertEquals(List.of(false, false, true), done);
    assertEquals(List.of(true, false), holdingChanges);
    assertFalse(outbox.isHolding());
  }

  @Test
  void when_pieceEmitsWatermark_then_refusedWithClearError() {
    // Given
    room = 10;

    // When
    var e = assertThrows(IllegalStateException.class, () -> outbox.emitBurst(() -> {
      outbox.emitWatermark(1);
      return false;
    }));

    // Then
    assertTrue(e.getMessage().contains("cannot emit a watermark"), e.getMessage());
  }

  @Test
  void when_collectOrHoldFindsNoRoom_then_theRestIsHeldAndGoesOutOnePerPieceInOrder() throws Exception {
    // Given: room for two records straight through, then none
    recordRoom = 2;
    room = 0;

    // When: four records of one call, then a plain record and a watermark
    for (int i = 0; i < 4; i++) {
      outbox.collectOrHold("r" + i, 3);
    }
    outbox.collect("after", 4);
    outbox.emitWatermark(4);

    // Then: the first two went out, the rest wait
    assertEquals(List.of("r0@3", "r1@3"), emitted);
    assertTrue(outbox.isHolding());

    // When: room for one piece, then plenty
    room = 1;
    boolean first = outbox.resume();
    room = 100;
    boolean second = outbox.resume();

    // Then: one record per piece, nothing overtaken
    assertFalse(first);
    assertTrue(second);
    assertEquals(List.of("r0@3", "r1@3", "r2@3", "r3@3", "after@4", "wm 4"), emitted);
    assertEquals(List.of(true, false), holdingChanges);
    assertFalse(outbox.isHolding());
  }

  @Test
  void when_manyRecordsAreHeld_then_allComeOutInOrder() throws Exception {
    // Given: no room at all for 100,000 records held, appended while an earlier run drains
    recordRoom = 0;
    room = 0;
    for (int i = 0; i < 50_000; i++) {
      outbox.collectOrHold(i, i);
    }
    room = 20_000;
    outbox.resume();
    for (int i = 50_000; i < 100_000; i++) {
      outbox.collectOrHold(i, i);
    }

    // When
    room = Integer.MAX_VALUE;
    assertTrue(outbox.resume());

    // Then
    assertEquals(100_000, emitted.size());
    for (int i = 0; i < 100_000; i++) {
      assertEquals(i + "@" + i, emitted.get(i));
    }
  }
}
