package io.vortex.cluster.client;

import io.vortex.api.client.JobEvent;
import java.util.ArrayDeque;

/**
 * The events of one job as a bounded read stream. Status changes, failures and the result (a
 * handful per job) are always buffered until delivered, so a late subscriber still sees them.
 * Collected batches count against {@link #CAPACITY}: before a handler is set, those beyond it are
 * left out of this stream (they still reach the sink's records); once a handler is set, a full
 * stream has no room ({@link #hasRoom}), which holds the collect sinks back.
 *
 * <p>Threading: thread-safe, as {@link DemandStream}.
 */
final class JobEventStream extends DemandStream<JobEvent> {
  static final int CAPACITY = 64;

  private final Runnable onRoom;
  private final ArrayDeque<JobEvent> buffered = new ArrayDeque<>();

  /** {@code onRoom} runs (under the lock) after the stream delivered events. */
  JobEventStream(Object lock, Runnable onRoom) {
    super(lock);
    this.onRoom = onRoom;
  }

  void push(JobEvent event) {
    synchronized (lock) {
      if (event instanceof JobEvent.Collected && !hasHandler() && buffered.size() >= CAPACITY) {
        return; // nobody subscribed: stay bounded; the records went to the sink's reader
      }
      buffered.add(event);
      drain();
    }
  }

  /** Whether a collected batch may be acknowledged as far as this stream is concerned. */
  boolean hasRoom() {
    synchronized (lock) {
      return !hasHandler() || buffered.size() < CAPACITY;
    }
  }

  @Override
  protected boolean hasNext() {
    return !buffered.isEmpty();
  }

  @Override
  protected JobEvent next() {
    return buffered.poll();
  }

  @Override
  protected void delivered() {
    onRoom.run();
  }
}
