package io.vortex.cluster.client;

import io.vertx.core.Handler;
import io.vertx.core.streams.ReadStream;

/**
 * The demand side of the client's read streams (Vert.x's flowing and fetch modes): delivers what
 * the subclass holds while the handler has demand, then the end once everything was delivered.
 *
 * <p>Threading: thread-safe: every method holds the client's lock, and handlers run under it
 * (on the event-bus context for arrivals, on the caller's thread for fetch and resume).
 */
abstract class DemandStream<T> implements ReadStream<T> {
  protected final Object lock;
  private Handler<T> handler;
  private Handler<Void> endHandler;
  private long demand = Long.MAX_VALUE;
  private boolean ended;
  private boolean endDelivered;

  DemandStream(Object lock) {
    this.lock = lock;
  }

  /** Whether an item waits for delivery. Called under the lock. */
  protected abstract boolean hasNext();

  /** Takes the next item. Called under the lock, after {@link #hasNext}. */
  protected abstract T next();

  /** Items were delivered (room may have appeared). Called under the lock. */
  protected abstract void delivered();

  protected final boolean hasHandler() {
    return handler != null;
  }

  /** No more items will come. */
  final void end() {
    synchronized (lock) {
      ended = true;
      drain();
    }
  }

  /** Delivers what demand allows. Call under the lock. */
  protected final void drain() {
    boolean any = false;
    while (handler != null && demand > 0 && hasNext()) {
      if (demand != Long.MAX_VALUE) {
        demand--;
      }
      any = true;
      handler.handle(next());
    }
    if (ended && !hasNext() && endHandler != null && !endDelivered) {
      endDelivered = true;
      endHandler.handle(null);
    }
    if (any) {
      delivered();
    }
  }

  @Override
  public ReadStream<T> exceptionHandler(Handler<Throwable> handler) {
    return this; // nothing fails here: the job's failure comes through its result and events
  }

  @Override
  public ReadStream<T> handler(Handler<T> handler) {
    synchronized (lock) {
      this.handler = handler;
      drain();
      return this;
    }
  }

  @Override
  public ReadStream<T> pause() {
    synchronized (lock) {
      demand = 0;
      return this;
    }
  }

  @Override
  public ReadStream<T> resume() {
    synchronized (lock) {
      demand = Long.MAX_VALUE;
      drain();
      return this;
    }
  }

  @Override
  public ReadStream<T> fetch(long amount) {
    synchronized (lock) {
      demand = demand == Long.MAX_VALUE ? demand : Math.min(Long.MAX_VALUE - 1, demand + amount);
      drain();
      return this;
    }
  }

  @Override
  public ReadStream<T> endHandler(Handler<Void> endHandler) {
    synchronized (lock) {
      this.endHandler = endHandler;
      drain();
      return this;
    }
  }
}
