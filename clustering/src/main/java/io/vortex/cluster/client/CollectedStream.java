package io.vortex.cluster.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of one collect sink on the client, as a read stream. Either bounded (records wait
 * for the reader; {@link #hasRoom} is false once {@link #CAPACITY} wait, which holds the sink
 * back) or kept (every record stays, for {@link #kept}; the stream reads them from the first).
 * Kept from the start for jobs whose sources are all bounded.
 *
 * <p>Threading: thread-safe, as {@link DemandStream}.
 */
final class CollectedStream<T> extends DemandStream<T> {
  /** Records that may wait for the reader before the sink is held back. */
  static final int CAPACITY = 1024;

  private final String sink;
  private final Runnable onRoom;
  private final ArrayDeque<Object> waiting = new ArrayDeque<>();
  /** Every record when kept, else null. */
  private List<Object> kept;
  /** The stream's position in {@link #kept}. */
  private int keptRead;
  /** The stream took records out of {@link #waiting}: they can no longer be kept. */
  private boolean streamed;

  /** {@code onRoom} runs (under the lock) whenever records left {@link #waiting}. */
  CollectedStream(String sink, boolean keepAll, Object lock, Runnable onRoom) {
    super(lock);
    this.sink = sink;
    this.onRoom = onRoom;
    this.kept = keepAll ? new ArrayList<>() : null;
  }

  void add(List<?> records) {
    synchronized (lock) {
      if (kept != null) {
        kept.addAll(records);
      } else {
        waiting.addAll(records);
      }
      drain();
    }
  }

  /** Whether a batch of this sink may be acknowledged: the reader keeps up, or all is kept. */
  boolean hasRoom() {
    synchronized (lock) {
      return kept != null || waiting.size() < CAPACITY;
    }
  }

  /** Keeps every record from now on (those still waiting included); returns all kept so far. */
  @SuppressWarnings("unchecked")
  List<T> kept() {
    synchronized (lock) {
      if (kept == null) {
        if (streamed) {
          throw new IllegalStateException("the collect sink '" + sink
              + "' is read through collectedStream, which already took some of its records: read it there");
        }
        kept = new ArrayList<>(waiting);
        waiting.clear();
        onRoom.run();
      }
      return (List<T>) List.copyOf(kept);
    }
  }

  @Override
  protected boolean hasNext() {
    return kept != null ? keptRead < kept.size() : !waiting.isEmpty();
  }

  @Override
  @SuppressWarnings("unchecked")
  protected T next() {
    if (kept != null) {
      return (T) kept.get(keptRead++);
    }
    streamed = true;
    return (T) waiting.poll();
  }

  @Override
  protected void delivered() {
    onRoom.run();
  }
}
