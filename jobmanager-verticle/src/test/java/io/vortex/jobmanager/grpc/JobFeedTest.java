package io.vortex.jobmanager.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.streams.WriteStream;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobStatus;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.JsonMessageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A job's feed of events to its gRPC watchers. */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class JobFeedTest {

  /** A watcher that keeps what it is written and never fills. */
  private static final class Recording implements WriteStream<JobEvent> {
    final List<JobEvent> written = new ArrayList<>();
    boolean ended;

    @Override public WriteStream<JobEvent> exceptionHandler(Handler<Throwable> handler) { return this; }
    @Override public Future<Void> write(JobEvent data) { written.add(data); return Future.succeededFuture(); }
    @Override public Future<Void> end() { ended = true; return Future.succeededFuture(); }
    @Override public WriteStream<JobEvent> setWriteQueueMaxSize(int maxSize) { return this; }
    @Override public boolean writeQueueFull() { return false; }
    @Override public WriteStream<JobEvent> drainHandler(Handler<Void> handler) { return this; }
  }

  @Test
  void when_eventsArriveBeforeTheFirstWatcher_then_itGetsThemAllInOrderAndTheFeedEnds(Vertx vertx, VertxTestContext ctx) {
    // Given: a feed whose job published its whole life before the submitting call watched
    JsonMessageCodec.registerAll(vertx.eventBus());
    var ended = new AtomicBoolean();
    List<JobEvent> events = List.of(
        new JobEvent.StatusChanged("j", JobStatus.SUBMITTED, "deploying 2 subtasks"),
        new JobEvent.StatusChanged("j", JobStatus.RUNNING, null),
        new JobEvent.StatusChanged("j", JobStatus.FINISHED, null));
    vertx.runOnContext(v -> JobFeed.open(vertx, "j", () -> ended.set(true)).onComplete(ctx.succeeding(feed -> {
      events.forEach(e -> vertx.eventBus().publish(Addresses.jobEvents("j"), e));
      vertx.setPeriodic(5, t -> {
        if (feed.status() != JobStatus.FINISHED) {
          return; // not all delivered yet
        }
        vertx.cancelTimer(t);
        // When
        var watcher = new Recording();
        feed.watch(watcher);

        // Then
        ctx.verify(() -> {
          assertEquals(events, watcher.written);
          assertTrue(watcher.ended, "the final status ends the watcher's stream");
          assertTrue(ended.get(), "the feed ended");
          ctx.completeNow();
        });
      });
    })));
  }
}
