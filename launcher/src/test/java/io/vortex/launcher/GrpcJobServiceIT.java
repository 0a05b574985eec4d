package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.InvalidJobException;
import io.vortex.api.client.JobCancelledException;
import io.vortex.api.client.JobClient;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobResult;
import io.vortex.api.client.JobStatus;
import io.vortex.api.graph.VortexJson;
import io.vortex.api.sink.CollectSink;
import io.vortex.api.source.GeneratorSource;
import io.vortex.api.tuple.Tuple2;
import io.vortex.cluster.ControlMessage.JobInfo;
import io.vortex.cluster.client.RemoteCallException;
import io.vortex.cluster.client.VortexClient;
import io.vortex.cluster.rpc.JobService;
import io.vortex.jobmanager.grpc.JobServiceVerticle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JobManager's gRPC service over real TCP (port 0): a mini-cluster's JobManager behind
 * {@link JobServiceVerticle}, and {@link VortexClient} as a remote user runs it.
 */
@Timeout(60)
class GrpcJobServiceIT {
  private static final long PER_INSTANCE = CollectSink.BATCH + 1024 + (long) CollectSink.WINDOW * CollectSink.BATCH;

  static MiniCluster cluster;
  static VortexClient client;
  static SocketAddress address;
  static GrpcClient raw;

  @BeforeAll
  static void start() {
    cluster = MiniCluster.startBlocking(1, 2);
    var service = new JobServiceVerticle("127.0.0.1", 0);
    cluster.vertx().deployVerticle(service).await();
    address = SocketAddress.inetSocketAddress(service.actualPort(), "127.0.0.1");
    client = VortexClient.connect("127.0.0.1:" + service.actualPort());
    raw = GrpcClient.client(cluster.vertx());
  }

  @AfterAll
  static void stop() {
    client.close();
    raw.close().await();
    cluster.close();
  }

  /** A call with raw request bytes; returns the status and its message once the call ended. */
  private static String rawCall(String method, Buffer request) {
    ServiceMethod<Buffer, Buffer> m =
        ServiceMethod.client(JobService.NAME, method, GrpcMessageEncoder.IDENTITY, GrpcMessageDecoder.IDENTITY);
    return raw.request(address, m)
        .compose(call -> call.send(request))
        .compose(response -> response.end().transform(v -> Future.succeededFuture(response.status().name() + ": " + response.statusMessage())))
        .await();
  }

  private static List<JobStatus> statuses(List<JobEvent> events) {
    return events.stream().filter(e -> e instanceof JobEvent.StatusChanged).map(e -> ((JobEvent.StatusChanged) e).status()).toList();
  }

  @Test
  void when_jobSubmittedRemotely_then_resultAndCollectedRecordsInTheUsersTypesBeforeTheFinalStatus() {
    // Given: 3000 tuples from two instances, more than one batch each
    var env = StreamEnvironment.create(client).setParallelism(2);
    env.generate(3_000, i -> i).map(i -> Tuple2.of("k" + i, i)).collect("pairs");

    // When
    JobClient job = env.executeAsync("remote tuples");
    List<JobEvent> events = Collections.synchronizedList(new ArrayList<>());
    var ended = new AtomicBoolean();
    job.events().endHandler(v -> ended.set(true)).handler(events::add);
    JobResult result = job.result().await();
    Await.until("the end of the event stream", Duration.ofSeconds(5), ended::get);

    // Then
    assertEquals("remote tuples", result.name());
    List<Object> collected = job.collected("pairs");
    assertEquals(3_000, collected.size());
    collected.forEach(r -> assertInstanceOf(Tuple2.class, r));
    Set<Object> expected = LongStream.range(0, 3_000).mapToObj(i -> (Object) Tuple2.of("k" + i, i)).collect(Collectors.toSet());
    assertEquals(expected, new HashSet<>(collected));
    assertEquals(List.of(JobStatus.SUBMITTED, JobStatus.RUNNING, JobStatus.FINISHED), statuses(events));
    int n = events.size();
    assertEquals(new JobEvent.StatusChanged(job.jobId(), JobStatus.FINISHED, null), events.get(n - 1));
    assertEquals(new JobEvent.Completed(job.jobId(), result), events.get(n - 2));
    long batchRecords = events.stream().filter(e -> e instanceof JobEvent.Collected)
        .mapToLong(e -> ((JobEvent.Collected) e).records().size()).sum();
    assertEquals(3_000, batchRecords, "every batch came before the final status");
  }

  @Test
  void when_remoteClientDoesNotRead_then_theJobIsHeldBackBounded() {
    // Given: an endless job whose client never reads
    String counter = "grpc-unread-" + UUID.randomUUID();
    AtomicLong emitted = TestSinks.counter(counter);
    var env = StreamEnvironment.create(client).setParallelism(2).setRuntimeMode(RuntimeMode.STREAMING);
    env.fromSource(GeneratorSource.unbounded(i -> {
          TestSinks.counter(counter).incrementAndGet();
          return i;
        }), "numbers")
        .collect("numbers");

    // When
    JobClient job = env.executeAsync("remote unread");
    Await.until("records emitted", Duration.ofSeconds(10), () -> emitted.get() > 0);
    long settled = Await.stable("the held-back generators", Duration.ofMillis(300), Duration.ofSeconds(20), emitted::get);

    // Then: held back within the sinks' windows, the client's buffer and the HTTP/2 windows
    long bound = 2 * PER_INSTANCE + 1024 + 64 * 1024;
    assertTrue(settled <= bound, "emitted " + settled + " unread records; bound " + bound);
    List<Long> all = job.collected("numbers"); // opting in now: nothing that waited is lost
    Await.until("the kept records to grow", Duration.ofSeconds(10), () -> job.collected("numbers").size() > settled,
        () -> job.collected("numbers").size() + " kept, " + emitted.get() + " emitted");
    job.cancel().await();
    for (int s = 0; s < 2; s++) {
      int instance = s;
      List<Long> mine = all.stream().filter(v -> v % 2 == instance).toList();
      assertEquals(LongStream.range(0, mine.size()).map(k -> 2 * k + instance).boxed().toList(), mine);
    }
    assertThrows(JobCancelledException.class, () -> job.result().await());
  }

  @Test
  void when_jobListedDescribedWatchedAndCancelled_then_theClientsSeeItsStatus() {
    // Given: an endless job
    var env = StreamEnvironment.create(client).setParallelism(2).setRuntimeMode(RuntimeMode.STREAMING);
    env.fromSource(GeneratorSource.unbounded(i -> i).withRate(1_000), "paced").filter(i -> false).collect("none");
    JobClient job = env.executeAsync("remote endless");
    Await.until("the job running", Duration.ofSeconds(10),
        () -> client.describe(job.jobId()).await().status() == JobStatus.RUNNING);

    // When
    List<JobInfo> listed = client.list().await();
    try (VortexClient other = VortexClient.connect(client.address().host() + ":" + client.address().port())) {
      JobClient watcher = other.watch(job.jobId(), false);
      List<JobEvent> watched = Collections.synchronizedList(new ArrayList<>());
      watcher.events().handler(watched::add);
      Await.until("the watcher's first event", Duration.ofSeconds(5), () -> !watched.isEmpty());
      JobInfo cancelled = client.cancel(job.jobId()).await();

      // Then
      assertTrue(listed.stream().anyMatch(i -> i.jobId().equals(job.jobId()) && i.status() == JobStatus.RUNNING), listed.toString());
      assertEquals(JobStatus.CANCELED, cancelled.status());
      assertEquals("remote endless", cancelled.name());
      assertEquals(2, cancelled.subtasks(), "one chained task per instance");
      assertThrows(JobCancelledException.class, () -> job.result().await());
      assertThrows(JobCancelledException.class, () -> watcher.result().await());
      assertEquals(List.of(JobStatus.RUNNING, JobStatus.CANCELED), statuses(watched));
      assertEquals(JobStatus.CANCELED, client.describe(job.jobId()).await().status());
    }
  }

  @Test
  void when_requestsAreInvalid_then_clearStatuses() {
    // Given: a graph that needs more slots than the cluster has
    var env = StreamEnvironment.create(client).setParallelism(9);
    env.fromElements(1, 2, 3).collect("out");
    JobClient tooWide = env.executeAsync("too wide");

    // When / Then
    var refused = assertThrows(InvalidJobException.class, () -> tooWide.result().await());
    assertTrue(refused.getMessage().contains("its parallelism 9 is above the 2 slots"), refused.getMessage());
    String malformed = rawCall("Submit", Buffer.buffer("{\"graph\":\"{not a graph\"}"));
    assertTrue(malformed.startsWith("INVALID_ARGUMENT: malformed JobGraph JSON"), malformed);
    assertTrue(rawCall("Submit", Buffer.buffer("\u0000\u00ff garbage")).startsWith("INVALID_ARGUMENT: malformed SubmitRequest"));
    assertEquals("INVALID_ARGUMENT: empty request: expected a SubmitRequest", rawCall("Submit", Buffer.buffer()));
    assertEquals("INVALID_ARGUMENT: empty request: the job graph is missing", rawCall("Submit", Buffer.buffer("{}")));
    assertEquals("INVALID_ARGUMENT: empty request: a job id is required", rawCall("Describe", Buffer.buffer("{}")));
    assertEquals("INVALID_ARGUMENT: empty request: expected a JobRequest", rawCall("Cancel", Buffer.buffer()));
    assertEquals("NOT_FOUND: no job with id 'nope' (running or among the last 100 ended)",
        rawCall("Describe", Buffer.buffer("{\"jobId\":\"nope\"}")));
    assertEquals("NOT_FOUND: no job with id 'nope'", rawCall("Cancel", Buffer.buffer("{\"jobId\":\"nope\"}")));
    assertTrue(rawCall("Watch", Buffer.buffer("{\"jobId\":\"nope\"}")).startsWith("NOT_FOUND: no job with id 'nope'"));
    var unknown = assertThrows(RemoteCallException.class, () -> client.describe("nope").await());
    assertEquals(GrpcStatus.NOT_FOUND, unknown.status());
  }

  @Test
  void when_jobManagerUnreachable_then_theSubmissionFailsFastWithAClearMessage() {
    // Given: a port nothing listens on any more
    var server = cluster.vertx().createHttpServer().requestHandler(r -> {}).listen(0, "127.0.0.1").await();
    int closedPort = server.actualPort();
    server.close().await();

    try (VortexClient nowhere = VortexClient.connect("127.0.0.1:" + closedPort)) {
      // When
      var env = StreamEnvironment.create(nowhere).setParallelism(1);
      env.fromElements(1).collect("out");
      long start = System.nanoTime();
      var error = assertThrows(RemoteCallException.class, () -> env.executeAsync("nowhere").result().await());

      // Then
      assertEquals(GrpcStatus.UNAVAILABLE, error.status());
      assertTrue(error.getMessage().startsWith("cannot reach the JobManager"), error.getMessage());
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(VortexClient.CONNECT_TIMEOUT_MILLIS / 1000).toNanos());
    }
  }
}
