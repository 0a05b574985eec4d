package io.vortex.taskmanager.network.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.VertxExtension;
import io.vortex.api.RuntimeMode;
import io.vortex.api.graph.JobConfig;
import io.vortex.api.graph.JobEdge;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.graph.JobVertex;
import io.vortex.api.graph.Partitioning;
import io.vortex.cluster.DataAddress;
import io.vortex.cluster.TaskPlacement;
import io.vortex.taskmanager.network.ChannelEvent;
import io.vortex.taskmanager.network.ChannelId;
import io.vortex.taskmanager.network.ChannelItem;
import io.vortex.taskmanager.network.InputChannel;
import io.vortex.taskmanager.network.LocalChannel;
import io.vortex.taskmanager.network.LocalChannelTransport;
import io.vortex.taskmanager.network.OutputChannel;
import io.vortex.taskmanager.network.RecordBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class NetworkChannelTransportTest {
  private static final String JOB = "job-1";
  private static final int BATCH = 64;

  private Vertx vertxB;
  private NetworkChannelTransport a;
  private NetworkChannelTransport b;

  @BeforeEach
  void start(Vertx vertxA) throws Exception {
    vertxB = Vertx.vertx();
    a = new NetworkChannelTransport(vertxA, "tm-a", NetworkConfig.defaults("127.0.0.1", 0), new LocalChannelTransport());
    b = new NetworkChannelTransport(vertxB, "tm-b", NetworkConfig.defaults("127.0.0.1", 0), new LocalChannelTransport());
    await(a.start());
    await(b.start());
  }

  @AfterEach
  void stop() throws Exception {
    await(a.close());
    await(b.close());
    await(vertxB.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(2_000_000); // polls a condition; no timing assumed
    }
  }

  /** Vertex 0 on {@code producers}, vertex 1 on {@code consumers}, {@code parallelism} each. */
  private static JobGraph graph(int parallelism, Partitioning partitioning) {
    return graph(parallelism, partitioning, null);
  }

  /** The same, its edge carrying records of class {@code recordType} (null: untyped). */
  private static JobGraph graph(int parallelism, Partitioning partitioning, String recordType) {
    return new JobGraph(
        JOB,
        "test",
        List.of(new JobVertex(0, "src", parallelism, 128, List.of()), new JobVertex(1, "sink", parallelism, 128, List.of())),
        List.of(new JobEdge(0, 0, 1, partitioning, 0, null, null, recordType)),
        new JobConfig(RuntimeMode.STREAMING, RuntimeMode.STREAMING, BATCH, 10, false));
  }

  private static List<TaskPlacement> placements(int parallelism, DataAddress producers, DataAddress consumers) {
    List<TaskPlacement> placements = new ArrayList<>();
    for (int s = 0; s < parallelism; s++) {
      placements.add(new TaskPlacement(0, s, producers));
      placements.add(new TaskPlacement(1, s, consumers));
    }
    return placements;
  }

  private void placeOnBoth(JobGraph graph, List<TaskPlacement> placements) {
    a.placeJob(graph, placements, getClass().getClassLoader());
    b.placeJob(graph, placements, getClass().getClassLoader());
  }

  /** A producer task: sends {@code batches} batches of consecutive strings, then its events, as capacity allows. */
  private static final class Producer {
    final Context context;
    final OutputChannel channel;
    final int batches;
    final String prefix;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    int sent;

    Producer(Vertx vertx, OutputChannel channel, int batches, String prefix) {
      this.context = vertx.getOrCreateContext();
      this.channel = channel;
      this.batches = batches;
      this.prefix = prefix;
      channel.onCapacity(() -> context.runOnContext(v -> pump()));
      context.runOnContext(v -> pump());
    }

    void pump() {
      try {
        while (sent < batches) {
          if (!channel.hasCapacity()) {
            return;
          }
          var batch = new RecordBatch(BATCH);
          for (int i = 0; i < BATCH; i++) {
            batch.add(prefix + (sent * BATCH + i), sent * BATCH + i);
          }
          channel.send(batch);
          sent++;
          if (sent == batches / 2) {
            channel.send(new ChannelEvent.Watermark(sent * BATCH));
            channel.send(new ChannelEvent.IdleStatus(true));
            channel.send(new ChannelEvent.IdleStatus(false));
          }
        }
        if (!done.isDone()) {
          channel.send(ChannelEvent.EndOfPartition.INSTANCE);
          done.complete(null);
        }
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    }
  }

  /** A consumer task: polls while {@code consuming}, keeps values and events. */
  private static final class Consumer {
    final Context context;
    final InputChannel channel;
    final List<Object> values = new ArrayList<>();
    final List<Long> timestamps = new ArrayList<>();
    final List<ChannelEvent> events = new ArrayList<>();
    final CompletableFuture<Void> ended = new CompletableFuture<>();
    volatile boolean consuming;

    Consumer(Vertx vertx, InputChannel channel, boolean consuming) {
      this.context = vertx.getOrCreateContext();
      this.channel = channel;
      this.consuming = consuming;
      channel.onData(() -> context.runOnContext(v -> drain()));
    }

    void resume() {
      consuming = true;
      context.runOnContext(v -> drain());
    }

    void drain() {
      try {
        while (consuming) {
          ChannelItem item = channel.poll();
          if (item == null) {
            return;
          }
          if (item instanceof RecordBatch batch) {
            for (int i = 0; i < batch.size(); i++) {
              values.add(batch.value(i));
              timestamps.add(batch.timestamp(i));
            }
          } else {
            events.add((ChannelEvent) item);
            if (item == ChannelEvent.EndOfPartition.INSTANCE) {
              ended.complete(null);
            }
          }
        }
      } catch (RuntimeException e) {
        ended.completeExceptionally(e);
      }
    }

    void assertReceived(String prefix, int batches) {
      assertEquals(batches * BATCH, values.size());
      for (int i = 0; i < values.size(); i++) {
        assertEquals(prefix + i, values.get(i));
        assertEquals(i, timestamps.get(i));
      }
      assertEquals(
          List.of(
              new ChannelEvent.Watermark((batches / 2) * BATCH),
              new ChannelEvent.IdleStatus(true),
              new ChannelEvent.IdleStatus(false),
              ChannelEvent.EndOfPartition.INSTANCE),
          events);
    }
  }

  @Test
  void when_consumerOnOtherTaskManager_then_batchesAndEventsArriveExactlyOverTcp(Vertx vertxA) throws Exception {
    // Given: one producer on A, two consumers on B (a REBALANCE edge: two channels, one connection)
    placeOnBoth(graph(2, Partitioning.REBALANCE), placements(2, a.address(), b.address()));
    var c0 = new Consumer(vertxB, b.input(new ChannelId(JOB, 0, 0, 0)), true);
    var c1 = new Consumer(vertxB, b.input(new ChannelId(JOB, 0, 0, 1)), true);

    // When
    var p0 = new Producer(vertxA, a.output(new ChannelId(JOB, 0, 0, 0)), 2_000, "zero-");
    var p1 = new Producer(vertxA, a.output(new ChannelId(JOB, 0, 0, 1)), 500, "one-");

    // Then
    c0.ended.get(30, TimeUnit.SECONDS);
    c1.ended.get(30, TimeUnit.SECONDS);
    p0.done.get(1, TimeUnit.SECONDS);
    p1.done.get(1, TimeUnit.SECONDS);
    c0.assertReceived("zero-", 2_000);
    c1.assertReceived("one-", 500);
  }

  @Test
  void when_edgeTypedByTheJobGraph_then_recordsArriveExactlyWithTheEdgesSerializer(Vertx vertxA) throws Exception {
    // Given: the edge carries Strings, as the job graph says
    placeOnBoth(graph(1, Partitioning.FORWARD, "java.lang.String"), placements(1, a.address(), b.address()));
    var consumer = new Consumer(vertxB, b.input(new ChannelId(JOB, 0, 0, 0)), true);

    // When
    var producer = new Producer(vertxA, a.output(new ChannelId(JOB, 0, 0, 0)), 300, "typed-");

    // Then
    consumer.ended.get(30, TimeUnit.SECONDS);
    producer.done.get(1, TimeUnit.SECONDS);
    consumer.assertReceived("typed-", 300);
  }

  @Test
  void when_producerSendsRecordsNotOfTheEdgesType_then_itFailsNamingBothClasses(Vertx vertxA) throws Exception {
    // Given: the edge says Integer (a lying returns()), the producer sends Strings
    placeOnBoth(graph(1, Partitioning.FORWARD, "java.lang.Integer"), placements(1, a.address(), b.address()));
    new Consumer(vertxB, b.input(new ChannelId(JOB, 0, 0, 0)), true);

    // When
    var producer = new Producer(vertxA, a.output(new ChannelId(JOB, 0, 0, 0)), 3, "lie-");

    // Then
    var e = assertThrows(ExecutionException.class, () -> producer.done.get(20, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof RecordTypeException, e.getCause().toString());
    assertTrue(e.getCause().getMessage().contains("'src'") && e.getCause().getMessage().contains("java.lang.String")
        && e.getCause().getMessage().contains("java.lang.Integer"), e.getCause().getMessage());
  }

  @Test
  void when_bothEndsOnOneTaskManager_then_localChannelPassesObjects() {
    // Given
    placeOnBoth(graph(1, Partitioning.FORWARD), placements(1, a.address(), a.address()));
    var id = new ChannelId(JOB, 0, 0, 0);

    // When
    OutputChannel out = a.output(id);
    InputChannel in = a.input(id);

    // Then
    assertInstanceOf(LocalChannel.class, out);
    var batch = new RecordBatch(1);
    batch.add(new Object(), 1);
    out.send(batch);
    assertTrue(in.poll() == batch);
  }

  @Test
  void when_oneConsumerStalls_then_producerMemoryBoundedNothingLostAndOtherChannelFlows(Vertx vertxA) throws Exception {
    // Given: two channels on the one A-B connection; the consumer of channel 0 does not read
    placeOnBoth(graph(2, Partitioning.FORWARD), placements(2, a.address(), b.address()));
    var slow = new Consumer(vertxB, b.input(new ChannelId(JOB, 0, 0, 0)), false);
    var fast = new Consumer(vertxB, b.input(new ChannelId(JOB, 0, 1, 1)), true);
    var slowOut = (RemoteOutputChannel) a.output(new ChannelId(JOB, 0, 0, 0));
    var stalled = new Producer(vertxA, slowOut, 1_000, "s");
    var flowing = new Producer(vertxA, a.output(new ChannelId(JOB, 0, 1, 1)), 1_000, "f");

    // When: the fast channel completes while the slow one is stalled
    fast.ended.get(30, TimeUnit.SECONDS);
    awaitTrue(() -> !slowOut.hasCapacity(), "the stalled producer to run out of capacity");

    // Then: the stalled producer holds at most its queue bound (plus one step's overshoot), and
    // the receiving side at most its exclusive buffers and the floating ones for that backlog
    NetworkConfig config = NetworkConfig.defaults("127.0.0.1", 0);
    assertTrue(slowOut.unsent() <= config.outputQueueBuffers() + 1, "unsent " + slowOut.unsent());
    assertTrue(stalled.sent < 1_000, "the producer was stopped, sent " + stalled.sent);
    int held = config.totalBuffers() - await(b.freeBuffers());
    assertTrue(held <= 2 * config.exclusiveBuffers() + config.maxFloatingBuffers(), "receive buffers held " + held);
    fast.assertReceived("f", 1_000);
    flowing.done.get(1, TimeUnit.SECONDS);

    // And when it resumes, everything arrives, in order
    slow.resume();
    slow.ended.get(30, TimeUnit.SECONDS);
    slow.assertReceived("s", 1_000);
  }

  @Test
  void when_consumerTaskFails_then_remoteProducerStopsAtOnce(Vertx vertxA) throws Exception {
    // Given
    placeOnBoth(graph(1, Partitioning.FORWARD), placements(1, a.address(), b.address()));
    var consumer = new Consumer(vertxB, b.input(new ChannelId(JOB, 0, 0, 0)), false);
    var producer = new Producer(vertxA, a.output(new ChannelId(JOB, 0, 0, 0)), Integer.MAX_VALUE, "x");

    // When
    b.failTask(JOB, 1, 0, "boom");

    // Then
    var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> producer.done.get(20, TimeUnit.SECONDS));
    assertInstanceOf(ChannelFailedException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("boom"), e.getCause().getMessage());
    assertThrows(ChannelFailedException.class, () -> consumer.channel.poll());
  }

  @Test
  void when_producerTaskFails_then_remoteConsumerFailsAtOnce(Vertx vertxA) throws Exception {
    // Given
    placeOnBoth(graph(1, Partitioning.FORWARD), placements(1, a.address(), b.address()));
    var consumer = new Consumer(vertxB, b.input(new ChannelId(JOB, 0, 0, 0)), true);
    a.output(new ChannelId(JOB, 0, 0, 0));

    // When
    a.failTask(JOB, 0, 0, "source broke");

    // Then
    var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> consumer.ended.get(20, TimeUnit.SECONDS));
    assertTrue(e.getCause().getMessage().contains("source broke"), e.getCause().getMessage());
  }

  @Test
  void when_peerSendsMalformedFrame_then_itsConnectionClosedAndOtherConnectionsUnaffected(Vertx vertxA) throws Exception {
    // Given: on B, job "bad" reads from a fake TaskManager "tm-0" (a raw socket), job-1 from A
    var fake = new DataAddress("tm-0", "127.0.0.1", 1);
    var badGraph = new JobGraph("bad", "bad", graph(1, Partitioning.FORWARD).vertices(), graph(1, Partitioning.FORWARD).edges(), graph(1, Partitioning.FORWARD).config());
    b.placeJob(badGraph, placements(1, fake, b.address()), getClass().getClassLoader());
    var victim = new Consumer(vertxB, b.input(new ChannelId("bad", 0, 0, 0)), true);
    NetSocket raw = await(vertxA.createNetClient().connect(b.address().port(), "127.0.0.1"));
    var credited = new CompletableFuture<Void>();
    raw.handler(chunk -> credited.complete(null));
    raw.write(FrameCodec.encode(new Frame.Hello("tm-0")));
    credited.get(20, TimeUnit.SECONDS);
    var closed = new CompletableFuture<Void>();
    raw.closeHandler(v -> closed.complete(null));
    placeOnBoth(graph(1, Partitioning.FORWARD), placements(1, a.address(), b.address()));
    var healthy = new Consumer(vertxB, b.input(new ChannelId(JOB, 0, 0, 0)), true);

    // When
    raw.write(Buffer.buffer().appendInt(1).appendByte((byte) 99));

    // Then
    closed.get(20, TimeUnit.SECONDS);
    var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> victim.ended.get(20, TimeUnit.SECONDS));
    assertTrue(e.getCause().getMessage().contains("unknown frame type 99"), e.getCause().getMessage());
    new Producer(vertxA, a.output(new ChannelId(JOB, 0, 0, 0)), 100, "h");
    healthy.ended.get(20, TimeUnit.SECONDS);
    healthy.assertReceived("h", 100);
  }

  /** A DATA frame of {@code values} (timestamps 0, 1, ...), as a producer's BatchCodec writes it. */
  private static Buffer dataFrame(ChannelId id, String... values) {
    var batch = new RecordBatch(values.length);
    for (int i = 0; i < values.length; i++) {
      batch.add(values[i], i);
    }
    var records = new io.vortex.api.internal.serialization.DataOut(256);
    new BatchCodec(NetworkChannelTransportTest.class.getClassLoader()).write(batch, 0, values.length, records, 1 << 20);
    return FrameCodec.encode(new Frame.Data(id, 0, records.toByteArray()));
  }

  @Test
  void when_dataFramePayloadCannotBeDecoded_then_onlyThatChannelFailsAndAnotherJobOnTheConnectionFinishesExactly(Vertx vertxA)
      throws Exception {
    // Given: on B, job "bad" and job-1 both read from a fake TaskManager "tm-0" (a raw socket): one connection
    var fake = new DataAddress("tm-0", "127.0.0.1", 1);
    var shape = graph(1, Partitioning.FORWARD);
    b.placeJob(new JobGraph("bad", "bad", shape.vertices(), shape.edges(), shape.config()), placements(1, fake, b.address()),
        getClass().getClassLoader());
    b.placeJob(shape, placements(1, fake, b.address()), getClass().getClassLoader());
    var badId = new ChannelId("bad", 0, 0, 0);
    var goodId = new ChannelId(JOB, 0, 0, 0);
    var victim = new Consumer(vertxB, b.input(badId), true);
    var healthy = new Consumer(vertxB, b.input(goodId), true);
    NetSocket raw = await(vertxA.createNetClient().connect(b.address().port(), "127.0.0.1"));
    var received = new java.util.concurrent.ConcurrentLinkedQueue<Frame>();
    var decoder = new FrameDecoder(NetworkConfig.MAX_FRAME_LENGTH, received::add);
    raw.handler(decoder::feed);
    var closed = new CompletableFuture<Void>();
    raw.closeHandler(v -> closed.complete(null));
    raw.write(FrameCodec.encode(new Frame.Hello("tm-0")));
    awaitTrue(() -> received.stream().filter(f -> f instanceof Frame.Credit).count() >= 2, "credits for both channels");

    // When: a well-framed data frame whose records are garbage on job "bad"'s channel, then job-1's records
    raw.write(FrameCodec.encode(new Frame.Data(badId, 0, new byte[] {0, 0, 0, 1, 42, 7, 7})));
    raw.write(dataFrame(goodId, "ok-1", "ok-2"));
    raw.write(FrameCodec.encode(new Frame.Event(goodId, ChannelEvent.EndOfPartition.INSTANCE)));

    // Then: job "bad"'s channel fails with the decoding error, its producer is told, job-1 gets all its records
    var e = assertThrows(ExecutionException.class, () -> victim.ended.get(20, TimeUnit.SECONDS));
    assertTrue(e.getCause().getMessage().contains("malformed records on") && e.getCause().getMessage().contains("batch mode 42"),
        e.getCause().getMessage());
    healthy.ended.get(20, TimeUnit.SECONDS);
    assertEquals(List.of("ok-1", "ok-2"), healthy.values);
    awaitTrue(() -> received.stream().anyMatch(f -> f instanceof Frame.Fail fail && fail.channel().equals(badId)),
        "the producer of the bad channel to be told");
    assertTrue(!closed.isDone(), "the connection stays open");
    raw.close();
  }

  @Test
  void when_framesOfAnEarlierAttemptArrive_then_theyAreDroppedAndTheCurrentAttemptsChannelGetsOnlyItsOwn(Vertx vertxA)
      throws Exception {
    // Given: on B, attempt 1 of the job reads from a fake TaskManager "tm-0" (a raw socket)
    var fake = new DataAddress("tm-0", "127.0.0.1", 1);
    b.placeJob(graph(1, Partitioning.FORWARD), 1, placements(1, fake, b.address()), getClass().getClassLoader());
    var current = new ChannelId(JOB, 1, 0, 0, 0);
    var consumer = new Consumer(vertxB, b.input(current), true);
    NetSocket raw = await(vertxA.createNetClient().connect(b.address().port(), "127.0.0.1"));
    var credited = new CompletableFuture<Void>();
    raw.handler(chunk -> credited.complete(null));
    raw.write(FrameCodec.encode(new Frame.Hello("tm-0")));
    credited.get(20, TimeUnit.SECONDS);

    // When: a producer of attempt 0, still running somewhere, sends its records and its end; then attempt 1's producer
    var late = new ChannelId(JOB, 0, 0, 0, 0);
    raw.write(dataFrame(late, "stale-1", "stale-2"));
    raw.write(FrameCodec.encode(new Frame.Event(late, ChannelEvent.EndOfPartition.INSTANCE)));
    raw.write(dataFrame(current, "fresh-1", "fresh-2"));
    raw.write(FrameCodec.encode(new Frame.Event(current, ChannelEvent.EndOfPartition.INSTANCE)));

    // Then
    consumer.ended.get(20, TimeUnit.SECONDS);
    assertEquals(List.of("fresh-1", "fresh-2"), consumer.values);
  }

  @Test
  void when_jobNeedsMoreNetworkMemoryThanConfigured_then_clearErrorAtPlacement(Vertx vertxA) throws Exception {
    // Given: room for 4 buffers, a job with 8 remote input channels of 2 exclusive buffers each
    var small = new NetworkChannelTransport(
        vertxA, "tm-c", NetworkConfig.defaults("127.0.0.1", 0).withMemory(4L * NetworkConfig.DEFAULT_BUFFER_SIZE), new LocalChannelTransport());
    var elsewhere = new DataAddress("tm-z", "127.0.0.1", 1);
    var self = new DataAddress("tm-c", "127.0.0.1", 2);

    // When
    var e = assertThrows(NetworkMemoryException.class,
        () -> small.placeJob(graph(4, Partitioning.REBALANCE), placements(4, elsewhere, self), getClass().getClassLoader()));

    // Then
    assertTrue(e.getMessage().contains("32 network buffers") && e.getMessage().contains("only 4"), e.getMessage());
    await(small.close());
  }

  @Test
  void when_jobReleased_then_everyReceiveBufferReturnsToThePool(Vertx vertxA) throws Exception {
    // Given
    placeOnBoth(graph(2, Partitioning.REBALANCE), placements(2, a.address(), b.address()));
    new Consumer(vertxB, b.input(new ChannelId(JOB, 0, 0, 0)), false);
    b.input(new ChannelId(JOB, 0, 1, 1));
    var producer = new Producer(vertxA, a.output(new ChannelId(JOB, 0, 0, 0)), 100, "r");
    int total = NetworkConfig.defaults("127.0.0.1", 0).totalBuffers();
    awaitTrue(() -> !producer.channel.hasCapacity(), "backpressure");
    assertTrue(b.freeBuffers().toCompletionStage().toCompletableFuture().get() < total);

    // When
    b.release(JOB);

    // Then
    awaitTrue(() -> { try { return await(b.freeBuffers()) == total; } catch (Exception x) { return false; } }, "buffers back");
  }
}
