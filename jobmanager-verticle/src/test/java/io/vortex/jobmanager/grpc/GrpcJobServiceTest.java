package io.vortex.jobmanager.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientOptions;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobStatus;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.graph.VortexJson;
import io.vortex.api.tuple.Tuple2;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.JsonMessageCodec;
import io.vortex.cluster.rpc.JobService;
import io.vortex.cluster.rpc.JobService.SubmitRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The gRPC job service over TCP (port 0) in front of a fake JobManager on the event bus, which
 * plays the sinks: collected batches as requests whose reply is the sink's credit.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class GrpcJobServiceTest {
  private static final DeliveryOptions UNTIL_READ = new DeliveryOptions().setSendTimeout(60_000);

  private GrpcClient client;
  private SocketAddress address;
  private final JobGraph graph = graph();

  private static JobGraph graph() {
    var env = StreamEnvironment.create(g -> {
      throw new UnsupportedOperationException();
    });
    env.fromElements(1, 2).collect("out");
    return env.buildJobGraph("fake");
  }

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    JsonMessageCodec.registerAll(vertx.eventBus());
    var service = new JobServiceVerticle("127.0.0.1", 0);
    client = GrpcClient.client(vertx, new GrpcClientOptions().setMaxMessageSize(JobService.MAX_MESSAGE_BYTES));
    vertx.deployVerticle(service)
        .onSuccess(id -> address = SocketAddress.inetSocketAddress(service.actualPort(), "127.0.0.1"))
        .onComplete(ctx.succeedingThenComplete());
  }

  /** The fake JobManager: accepts the job, then runs {@code job} against the job's event address. */
  private void fakeJobManager(Vertx vertx, Runnable job) {
    vertx.eventBus().<ControlMessage>consumer(Addresses.JOB_MANAGER, m -> {
      if (m.body() instanceof ControlMessage.SubmitJob) {
        m.reply(new ControlMessage.Ack(graph.jobId()));
        vertx.runOnContext(v -> job.run());
      }
    });
  }

  private Future<GrpcClientResponse<SubmitRequest, JobEvent>> submit() {
    return client.request(address, JobService.Client.SUBMIT)
        .compose(call -> call.send(new SubmitRequest(VortexJson.toJson(graph))));
  }

  private Future<Void> collected(Vertx vertx, int batch, List<?> records) {
    return vertx.eventBus()
        .request(Addresses.jobEvents(graph.jobId()), new JobEvent.Collected(graph.jobId(), "out", batch, records), UNTIL_READ)
        .mapEmpty();
  }

  private void publish(Vertx vertx, JobEvent event) {
    vertx.eventBus().publish(Addresses.jobEvents(graph.jobId()), event);
  }

  @Test
  void when_batchesThenTheFinalStatus_then_theStreamKeepsTheirOrderAndTheUsersTypes(Vertx vertx, VertxTestContext ctx) {
    // Given: a job that sends three batches of tuples, then finishes at once
    String id = graph.jobId();
    fakeJobManager(vertx, () -> {
      publish(vertx, new JobEvent.StatusChanged(id, JobStatus.RUNNING, null));
      for (int b = 0; b < 3; b++) {
        collected(vertx, b, List.of(Tuple2.of("k" + b, (long) b)));
      }
      publish(vertx, new JobEvent.StatusChanged(id, JobStatus.FINISHED, null));
    });
    List<JobEvent> events = new ArrayList<>();

    // When
    submit().compose(response -> response.handler(events::add).end().map(response))
        .onComplete(ctx.succeeding(response -> ctx.verify(() -> {
          // Then
          assertEquals("OK", response.status().name());
          assertEquals(5, events.size(), events.toString());
          assertEquals(new JobEvent.StatusChanged(id, JobStatus.RUNNING, null), events.get(0));
          for (int b = 0; b < 3; b++) {
            var batch = assertInstanceOf(JobEvent.Collected.class, events.get(1 + b));
            assertEquals(List.of(Tuple2.of("k" + b, (long) b)), batch.records());
            assertInstanceOf(Tuple2.class, batch.records().get(0));
          }
          assertEquals(new JobEvent.StatusChanged(id, JobStatus.FINISHED, null), events.get(4));
          ctx.completeNow();
        })));
  }

  @Test
  void when_theClientStopsReading_then_theSinksCreditIsHeldBackUntilItReadsAgain(Vertx vertx, VertxTestContext ctx) {
    // Given: a sink that sends its next 64 KiB batch as soon as the last one was acknowledged
    int batches = 120;
    List<String> records = IntStream.range(0, 256).mapToObj(i -> "x".repeat(256)).toList();
    AtomicInteger acknowledged = new AtomicInteger();
    String id = graph.jobId();
    fakeJobManager(vertx, () -> sendFrom(vertx, 0, batches, records, acknowledged)
        .onSuccess(v -> publish(vertx, new JobEvent.StatusChanged(id, JobStatus.FINISHED, null))));
    List<JobEvent> events = Collections.synchronizedList(new ArrayList<>());

    // When: the client reads nothing for a while
    submit().onComplete(ctx.succeeding(response -> {
      response.pause();
      response.handler(events::add);
      response.endHandler(v -> ctx.verify(() -> {
        // Then: every batch arrived, in order, and the stream ended after them
        assertEquals(batches + 1, events.size());
        for (int b = 0; b < batches; b++) {
          assertEquals(b, ((JobEvent.Collected) events.get(b)).subtask());
        }
        ctx.completeNow();
      }));
      // once the acknowledgements stop for half a second (all of them, if nothing held them back);
      // bounded by the messages the gRPC client queues before it pauses HTTP/2 (16), the stream's
      // flow-control window and the server's write queue, not by the number of batches
      int[] last = {-1};
      vertx.setPeriodic(500, timer -> ctx.verify(() -> {
        int now = acknowledged.get();
        if (now != last[0]) {
          last[0] = now;
          return;
        }
        vertx.cancelTimer(timer);
        assertTrue(now < 60, "the sink went on while nobody read: " + now + " of " + batches + " batches acknowledged");
        response.resume();
      }));
    }));
  }

  /** Sends batch {@code b}, and the next ones each once the previous one was acknowledged. */
  private Future<Void> sendFrom(Vertx vertx, int b, int batches, List<String> records, AtomicInteger acknowledged) {
    if (b == batches) {
      return Future.succeededFuture();
    }
    return collected(vertx, b, records).compose(v -> {
      acknowledged.incrementAndGet();
      return sendFrom(vertx, b + 1, batches, records, acknowledged);
    });
  }
}
