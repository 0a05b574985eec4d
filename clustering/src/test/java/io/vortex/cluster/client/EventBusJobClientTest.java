package io.vortex.cluster.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vortex.api.RuntimeMode;
import io.vortex.api.client.JobCancelledException;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobStatus;
import io.vortex.api.graph.JobConfig;
import io.vortex.api.graph.JobGraph;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.JsonMessageCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client against a fake JobManager and fake collect sinks on a local event bus: collected
 * batches are requests, and their replies are the sinks' credit.
 */
@ExtendWith(VertxExtension.class)
@Timeout(20)
class EventBusJobClientTest {
  private static final DeliveryOptions UNTIL_READ = new DeliveryOptions().setSendTimeout(Long.MAX_VALUE);
  private final String jobId = "job-" + UUID.randomUUID();

  /** Submits a job to a JobManager that accepts anything; completes once it was submitted. */
  private Future<EventBusJobClient> submit(Vertx vertx, boolean bounded) {
    JsonMessageCodec.registerAll(vertx.eventBus());
    Promise<Void> submitted = Promise.promise();
    vertx.eventBus().<ControlMessage>consumer(Addresses.JOB_MANAGER, m -> {
      m.reply(new ControlMessage.Ack("accepted"));
      submitted.tryComplete();
    });
    var graph = new JobGraph(jobId, "client test", List.of(), List.of(),
        new JobConfig(RuntimeMode.STREAMING, RuntimeMode.STREAMING, 16, 10, bounded));
    var client = EventBusJobClient.submit(vertx, graph);
    return submitted.future().map(client);
  }

  /** What a collect sink instance sends; completes with the client's credit. */
  private Future<Object> send(Vertx vertx, String sink, List<Long> records) {
    return vertx.eventBus().request(Addresses.jobEvents(jobId), new JobEvent.Collected(jobId, sink, 0, records), UNTIL_READ)
        .map(reply -> reply.body());
  }

  private void publish(Vertx vertx, JobStatus status) {
    vertx.eventBus().publish(Addresses.jobEvents(jobId), new JobEvent.StatusChanged(jobId, status, null));
  }

  private static List<Long> range(long from, long to) {
    return LongStream.range(from, to).boxed().toList();
  }

  @Test
  void when_unboundedJobsReaderFallsBehind_then_creditWithheldUntilItFetches(Vertx vertx, VertxTestContext ctx) {
    List<Long> read = new CopyOnWriteArrayList<>();
    submit(vertx, false).onComplete(ctx.succeeding(client -> {
      // Given: 1000 records wait unread (credit given: the buffer has room)
      send(vertx, "out", range(0, 1000))
          .compose(credit -> {
            // When: 100 more fill the buffer beyond its capacity
            Future<Object> held = send(vertx, "out", range(1000, 1100));
            // a batch of another sink, handled after it, still gets its credit
            return send(vertx, "other", List.of(7L)).map(otherCredit -> held);
          })
          .onComplete(ctx.succeeding(held -> {
            ctx.verify(() -> assertFalse(held.isComplete(), "credit given while 1100 records wait unread"));
            // Then: the reader takes 200, and the held batch gets its credit
            client.<Long>collectedStream("out").pause().handler(read::add).fetch(200);
            held.onComplete(ctx.succeeding(credit -> ctx.verify(() -> {
              assertEquals(range(0, 200), read);
              ctx.completeNow();
            })));
          }));
    }));
  }

  @Test
  void when_boundedJobNotRead_then_everyBatchCreditedAndKept(Vertx vertx, VertxTestContext ctx) {
    submit(vertx, true)
        .compose(client -> send(vertx, "out", range(0, 1024))
            .compose(c -> send(vertx, "out", range(1024, 2048)))
            .compose(c -> send(vertx, "out", range(2048, 3000)))
            .map(c -> client))
        .onComplete(ctx.succeeding(client -> ctx.verify(() -> {
          assertEquals(range(0, 3000), client.collected("out"));
          ctx.completeNow();
        })));
  }

  @Test
  void when_nobodySubscribedToEvents_then_statusesKeptAndCollectedBatchesBounded(Vertx vertx, VertxTestContext ctx) {
    submit(vertx, false).onComplete(ctx.succeeding(client -> {
      // Given: nobody listens to the events while 100 batches arrive
      publish(vertx, JobStatus.RUNNING);
      Future<Object> sent = Future.succeededFuture();
      for (long i = 0; i < 100; i++) {
        long record = i;
        sent = sent.compose(c -> send(vertx, "out", List.of(record)));
      }
      sent.onComplete(ctx.succeeding(c -> {
        publish(vertx, JobStatus.CANCELED);
        client.result().onComplete(ctx.failing(e -> {
          // When: a late subscriber
          List<JobEvent> events = new ArrayList<>();
          client.events().handler(events::add);

          // Then: every status, and collected batches only up to the stream's capacity
          ctx.verify(() -> {
            assertInstanceOf(JobCancelledException.class, e);
            long batches = events.stream().filter(ev -> ev instanceof JobEvent.Collected).count();
            assertEquals(JobEventStream.CAPACITY - 1, batches, "RUNNING took one place");
            assertEquals(new JobEvent.StatusChanged(jobId, JobStatus.RUNNING, null), events.get(0));
            assertEquals(new JobEvent.StatusChanged(jobId, JobStatus.CANCELED, null), events.get(events.size() - 1));
            assertEquals(100, client.collected("out").size(), "the records themselves all arrived");
          });
          ctx.completeNow();
        }));
      }));
    }));
  }

  @Test
  void when_eventsPausedAndFull_then_creditWithheldUntilFetched(Vertx vertx, VertxTestContext ctx) {
    List<JobEvent> events = new CopyOnWriteArrayList<>();
    submit(vertx, true).onComplete(ctx.succeeding(client -> {
      // Given: a subscriber that paused, and the records side kept (bounded job)
      client.events().pause().handler(events::add);
      Future<Object> sent = Future.succeededFuture();
      for (long i = 0; i < JobEventStream.CAPACITY - 1; i++) {
        long record = i;
        sent = sent.compose(c -> send(vertx, "out", List.of(record)));
      }
      sent.onComplete(ctx.succeeding(c -> {
        // When: one more fills the paused stream
        Future<Object> held = send(vertx, "out", List.of(99L));
        vertx.setPeriodic(2, id -> {
          if (client.collected("out").size() == JobEventStream.CAPACITY) {
            vertx.cancelTimer(id);
            ctx.verify(() -> assertFalse(held.isComplete(), "credit given to a full, paused event stream"));
            // Then
            client.events().fetch(1);
            held.onComplete(ctx.succeeding(credit -> ctx.verify(() -> {
              assertEquals(1, events.size());
              ctx.completeNow();
            })));
          }
        });
      }));
    }));
  }

  @Test
  void when_recordsStreamedThenAskedForAsAList_then_refused(Vertx vertx, VertxTestContext ctx) {
    List<Long> read = new CopyOnWriteArrayList<>();
    submit(vertx, false)
        .compose(client -> {
          client.<Long>collectedStream("out").handler(read::add);
          return send(vertx, "out", range(0, 10)).map(c -> client);
        })
        .onComplete(ctx.succeeding(client -> ctx.verify(() -> {
          assertEquals(range(0, 10), read);
          var e = assertThrows(IllegalStateException.class, () -> client.collected("out"));
          assertEquals("the collect sink 'out' is read through collectedStream, which already took some of its"
              + " records: read it there", e.getMessage());
          ctx.completeNow();
        })));
  }

  @Test
  void when_jobEnds_then_recordStreamEndsAfterItsRecords(Vertx vertx, VertxTestContext ctx) {
    List<Long> read = new CopyOnWriteArrayList<>();
    submit(vertx, false)
        .compose(client -> send(vertx, "out", range(0, 5)).map(c -> client))
        .onComplete(ctx.succeeding(client -> {
          var stream = client.<Long>collectedStream("out").pause();
          stream.endHandler(v -> ctx.verify(() -> {
            assertEquals(range(0, 5), read);
            ctx.completeNow();
          }));
          stream.handler(read::add);
          publish(vertx, JobStatus.CANCELED);
          client.result().onComplete(ctx.failing(e -> stream.fetch(5)));
        }));
  }
}
