package io.vortex.taskmanager.task;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What closed tasks started and has not completed yet (a file closing, a read in flight on a
 * worker): the TaskManager waits for it before it stops, since work that completes after Vert.x
 * closed finds its event loop terminated ({@code RejectedExecutionException: event executor
 * terminated}, printed by the worker thread).
 *
 * <p>Threading: thread-safe; tasks add from their slots' event loops.
 */
public final class PendingCloses {
  private final Set<Future<?>> pending = ConcurrentHashMap.newKeySet();

  /** Remembers {@code done} until it completes (its outcome does not matter: the task is closed). */
  public void add(Future<?> done) {
    if (done.isComplete()) {
      return;
    }
    pending.add(done);
    done.onComplete(ar -> pending.remove(done));
  }

  /** Completes once everything added so far has, or after {@code timeoutMillis}; never fails. */
  public Future<Void> drained(Vertx vertx, long timeoutMillis) {
    var all = new ArrayList<Future<?>>(pending);
    if (all.isEmpty()) {
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    long timer = vertx.setTimer(timeoutMillis, t -> done.tryComplete());
    Future.join(all).onComplete(ar -> {
      vertx.cancelTimer(timer);
      done.tryComplete();
    });
    return done.future();
  }

  int size() {
    return pending.size();
  }
}
