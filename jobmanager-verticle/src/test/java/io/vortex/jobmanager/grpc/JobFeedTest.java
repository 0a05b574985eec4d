package io.vortex.jobmanager.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.streams.WriteStream;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobStatus;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.JsonMessageCodec;
import io.vortex.cluster.rpc.RpcJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** A job's feed of events to its gRPC watchers. */
@ExtendWith(VertxExtension.class)
@Timeout(10)
class JobFeedTest {
  private static final long UNBOUNDED = Long.MAX_VALUE;

  /**
   * A watcher that keeps what it is written (decoded) and never fills; with {@code holding}, each
   * write completes only when the test says so (as HTTP/2 flow control holds a write while the
   * client does not read), else at once.
   */
  private static final class Recording implements WriteStream<Buffer> {
    final List<JobEvent> written = new ArrayList<>();
    final List<Promise<Void>> pending = new ArrayList<>();
    final boolean holding;
    boolean ended;

    Recording(boolean holding) {
      this.holding = holding;
    }

    @Override public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) { return this; }
    @Override public Future<Void> write(Buffer data) {
      written.add(RpcJson.parse(data, JobEvent.class));
      if (!holding) {
        return Future.succeededFuture();
      }
      Promise<Void> sent = Promise.promise();
      pending.add(sent);
      return sent.future();
    }
    @Override public Future<Void> end() { ended = true; return Future.succeededFuture(); }
    @Override public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) { return this; }
    @Override public boolean writeQueueFull() { return false; }
    @Override public WriteStream<Buffer> drainHandler(Handler<Void> handler) { return this; }
  }

  /** Runs {@code then} on the event loop once {@code condition} holds (checked every few ms, no fixed wait). */
  private static void once(Vertx vertx, BooleanSupplier condition, Runnable then) {
    vertx.setPeriodic(2, t -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(t);
        then.run();
      }
    });
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
    vertx.runOnContext(v -> JobFeed.open(vertx, "j", UNBOUNDED, () -> ended.set(true)).onComplete(ctx.succeeding(feed -> {
      events.forEach(e -> vertx.eventBus().publish(Addresses.jobEvents("j"), e));
      once(vertx, () -> feed.status() == JobStatus.FINISHED, () -> {
        // When
        var watcher = new Recording(false);
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

  @Test
  void when_bigBatchesWaitToBeSent_then_theSinksAreHeldBackByTheirBytesNotTheirNumber(Vertx vertx, VertxTestContext ctx) {
    // Given: a feed that holds at most 1 MiB unsent, a watcher whose client does not read, batches of 600 KB
    JsonMessageCodec.registerAll(vertx.eventBus());
    List<String> big = List.of("x".repeat(600_000));
    var acknowledged = new AtomicInteger();
    var watcher = new Recording(true);
    vertx.runOnContext(v -> JobFeed.open(vertx, "big", 1 << 20, () -> {}).onComplete(ctx.succeeding(feed -> {
      feed.watch(watcher);

      // When: three batches arrive
      for (int b = 0; b < 3; b++) {
        vertx.eventBus().request(Addresses.jobEvents("big"), new JobEvent.Collected("big", "out", b, big),
                new DeliveryOptions().setSendTimeout(10_000))
            .onSuccess(reply -> acknowledged.incrementAndGet());
      }
      once(vertx, () -> watcher.written.size() == 3 && acknowledged.get() == 1, () -> ctx.verify(() -> {
        // Then: all are written, but only the first was acknowledged (1.2 MB would wait after the second)
        assertEquals(3, watcher.pending.size());
        // and when the first two are sent, 600 KB wait: the others are acknowledged
        watcher.pending.get(0).complete();
        assertEquals(1, acknowledged.get(), "1.2 MB still unsent");
        watcher.pending.get(1).complete();
        once(vertx, () -> acknowledged.get() == 3, ctx::completeNow);
      }));
    })));
  }
}
