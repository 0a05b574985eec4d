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
 * <p>Records of {@link #collectOrHold} (what one {@code Collector} flatMap call collects, of no
 * bounded size) pass straight through while {@link Room#canTakeRecord} says downstream has room;
 * from the first that finds none, the outbox holds them as a burst of one record per piece
 * ({@link HeldRecords}), so the channels stay within their bound and only the heap holds the
 * overflow of that call.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class Outbox<T> implements Output<T> {
  /** Decides whether a burst may emit its next piece; hears when output starts or stops being held. */
  public interface Room {
    /** True when downstream can take one more piece (one call per piece). */
    boolean hasRoom();

    /**
     * True when downstream can take one more record of {@link #collectOrHold} now (asked per
     * record; unlike {@link #hasRoom} it spends nothing of a step's budget of pieces).
     */
    default boolean canTakeRecord() {
      return true;
    }

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
  public void collectOrHold(T value, long timestamp) {
    if (inPiece) {
      target.collect(value, timestamp); // a piece is bounded by its burst
      return;
    }
    if (held == null) {
      if (room.canTakeRecord()) {
        target.collect(value, timestamp);
        return;
      }
      held = new ArrayDeque<>();
      room.holding(true);
    }
    // append to the held records at the end of the queue, or start another run of them there
    HeldRecords records = held.peekLast() instanceof HeldRecords last ? last : null;
    if (records == null) {
      records = new HeldRecords(target);
      held.add(records);
    }
    records.add(value, timestamp);
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

  /**
   * Records {@link #collectOrHold} could not emit at once, in order: a burst of one record per
   * piece. Records may be appended while it is the newest thing held. Two growing arrays rather
   * than an object per record, since it may hold millions.
   */
  private static final class HeldRecords implements Burst {
    private final Output<Object> target;
    private Object[] values = new Object[16];
    private long[] timestamps = new long[16];
    private int head;
    private int tail;

    @SuppressWarnings("unchecked")
    HeldRecords(Output<?> target) {
      this.target = (Output<Object>) target;
    }

    void add(Object value, long timestamp) {
      if (tail == values.length) {
        int size = tail - head;
        int capacity = size * 2 > values.length ? values.length * 2 : values.length;
        Object[] v = new Object[capacity];
        long[] t = new long[capacity];
        System.arraycopy(values, head, v, 0, size);
        System.arraycopy(timestamps, head, t, 0, size);
        values = v;
        timestamps = t;
        head = 0;
        tail = size;
      }
      values[tail] = value;
      timestamps[tail++] = timestamp;
    }

    @Override
    public boolean emitNext() {
      if (head == tail) {
        return false;
      }
      Object value = values[head];
      values[head] = null; // let it go as soon as it has gone out
      target.collect(value, timestamps[head++]);
      return head != tail;
    }
  }

  private void checkNotInPiece(String what) {
    if (inPiece) {
      throw new IllegalStateException("a piece of a burst cannot emit " + what + "; emit it after the burst");
    }
  }
}
