package io.vortex.api.internal.operators;

import io.vortex.api.OutputTag;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * An operator's {@link Output} that can refuse, as Hazelcast Jet's outbox does: a {@link Burst}
 * emits its next piece only while the {@link Room} says downstream can take more. When it cannot,
 * the outbox holds the rest of the burst, and everything the operator emits after it, in order,
 * until the task calls {@link #resume} in a later step (and takes no input meanwhile). While
 * nothing is held, records pass straight to the target: one null check per record.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class Outbox<T> implements Output<T> {
  /** Decides whether a burst may emit its next piece; hears when output starts or stops being held. */
  public interface Room {
    /** True when downstream can take one more piece (one call per piece). */
    boolean hasRoom();

    /** The outbox started ({@code true}) or stopped ({@code false}) holding output. */
    default void holding(boolean holding) {}
  }

  private record HeldRecord(Object value, long timestamp) {}

  private record HeldSide(OutputTag<Object> tag, Object value, long timestamp) {}

  private record HeldWatermark(long watermark) {}

  private record HeldIdle(boolean idle) {}

  private final Output<T> target;
  private final Room room;
  /** Bursts and what was emitted after them, oldest first; null while nothing is held. */
  private ArrayDeque<Object> held;
  /** A piece of the oldest burst is being emitted: its records go straight through. */
  private boolean inPiece;

  public Outbox(Output<T> target, Room room) {
    this.target = Objects.requireNonNull(target, "target");
    this.room = Objects.requireNonNull(room, "room");
  }

  @Override
  public void collect(T value, long timestamp) {
    if (held == null || inPiece) {
      target.collect(value, timestamp);
    } else {
      held.add(new HeldRecord(value, timestamp));
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    if (held == null || inPiece) {
      target.collect(tag, value, timestamp);
    } else {
      held.add(new HeldSide((OutputTag<Object>) tag, value, timestamp));
    }
  }

  @Override
  public void emitWatermark(long watermark) {
    checkNotInPiece("a watermark"); // it would overtake the rest of the burst
    if (held == null) {
      target.emitWatermark(watermark);
    } else {
      held.add(new HeldWatermark(watermark));
    }
  }

  @Override
  public void emitIdle(boolean idle) {
    checkNotInPiece("idleness");
    if (held == null) {
      target.emitIdle(idle);
    } else {
      held.add(new HeldIdle(idle));
    }
  }

  @Override
  public void emitBurst(Burst burst) throws Exception {
    Objects.requireNonNull(burst, "burst");
    checkNotInPiece("another burst");
    if (held != null) {
      held.add(burst);
      return;
    }
    // Nothing held: emit at once, allocating nothing unless the room runs out (watermarks come
    // per record in event-time jobs, and most find nothing due).
    do {
      if (!room.hasRoom()) {
        held = new ArrayDeque<>();
        held.add(burst);
        room.holding(true);
        return;
      }
    } while (emitPiece(burst));
  }

  /** True while output is held: the task must call {@link #resume} before it takes input. */
  public boolean isHolding() {
    return held != null;
  }

  /** Emits held output while there is room; returns true when nothing is held any more. */
  @SuppressWarnings("unchecked")
  public boolean resume() throws Exception {
    while (held != null) {
      Object next = held.peek();
      if (next instanceof Burst burst) {
        if (!room.hasRoom()) {
          return false;
        }
        if (!emitPiece(burst)) {
          held.poll();
        }
      } else {
        held.poll();
        if (next instanceof HeldRecord r) {
          target.collect((T) r.value(), r.timestamp());
        } else if (next instanceof HeldSide s) {
          target.collect(s.tag(), s.value(), s.timestamp());
        } else if (next instanceof HeldWatermark w) {
          target.emitWatermark(w.watermark());
        } else {
          target.emitIdle(((HeldIdle) next).idle());
        }
      }
      if (held.isEmpty()) {
        held = null;
        room.holding(false);
      }
    }
    return true;
  }

  private boolean emitPiece(Burst burst) throws Exception {
    inPiece = true;
    try {
      return burst.emitNext();
    } finally {
      inPiece = false;
    }
  }

  private void checkNotInPiece(String what) {
    if (inPiece) {
      throw new IllegalStateException("a piece of a burst cannot emit " + what + "; emit it after the burst");
    }
  }
}
