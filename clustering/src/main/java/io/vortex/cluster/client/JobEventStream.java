package io.vortex.cluster.client;

import io.vertx.core.Handler;
import io.vertx.core.streams.ReadStream;
import io.vortex.api.client.JobEvent;
import java.util.ArrayDeque;

/**
 * The events of one job as a {@link ReadStream}: buffers while paused or before a handler is
 * set, so a late subscriber still sees every event.
 *
 * <p>Threading: thread-safe; all methods synchronize on the stream.
 */
final class JobEventStream implements ReadStream<JobEvent> {
  private final ArrayDeque<JobEvent> buffered = new ArrayDeque<>();
  private Handler<JobEvent> handler;
  private Handler<Void> endHandler;
  private long demand = Long.MAX_VALUE;
  private boolean ended;
  private boolean endDelivered;

  synchronized void push(JobEvent event) {
    buffered.add(event);
    drain();
  }

  synchronized void end() {
    ended = true;
    drain();
  }

  private void drain() {
    while (handler != null && demand > 0 && !buffered.isEmpty()) {
      if (demand != Long.MAX_VALUE) {
        demand--;
      }
      handler.handle(buffered.poll());
    }
    if (ended && buffered.isEmpty() && endHandler != null && !endDelivered) {
      endDelivered = true;
      endHandler.handle(null);
    }
  }

  @Override
  public synchronized ReadStream<JobEvent> exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  @Override
  public synchronized ReadStream<JobEvent> handler(Handler<JobEvent> handler) {
    this.handler = handler;
    drain();
    return this;
  }

  @Override
  public synchronized ReadStream<JobEvent> pause() {
    demand = 0;
    return this;
  }

  @Override
  public synchronized ReadStream<JobEvent> resume() {
    demand = Long.MAX_VALUE;
    drain();
    return this;
  }

  @Override
  public synchronized ReadStream<JobEvent> fetch(long amount) {
    demand = demand == Long.MAX_VALUE ? demand : Math.min(Long.MAX_VALUE - 1, demand + amount);
    drain();
    return this;
  }

  @Override
  public synchronized ReadStream<JobEvent> endHandler(Handler<Void> endHandler) {
    this.endHandler = endHandler;
    drain();
    return this;
  }
}
