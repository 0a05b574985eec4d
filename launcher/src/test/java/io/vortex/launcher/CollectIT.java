package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.streams.ReadStream;
import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.JobCancelledException;
import io.vortex.api.client.JobClient;
import io.vortex.api.client.TaskFailureException;
import io.vortex.api.sink.CollectSink;
import io.vortex.api.source.GeneratorSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Collected results reach the client with bounded buffering and backpressure. */
@Timeout(60)
class CollectIT {
  /** Records a task takes per step (SlotRunner.STEP_RECORDS): a step may overshoot by this. */
  private static final int STEP_RECORDS = 1024;
  /**
   * Records of one sink instance that may be on their way: its open batch (a full one plus a
   * step), its unacknowledged batches held by the client, and what the client acknowledged but
   * the reader has not taken yet (shared by the instances).
   */
  private static final long PER_INSTANCE = CollectSink.BATCH + STEP_RECORDS + (long) CollectSink.WINDOW * CollectSink.BATCH;
  private static final long SHARED = 1024;

  static MiniCluster cluster;

  @BeforeAll
  static void start() {
    cluster = MiniCluster.startBlocking(1, 2);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  /** An endless generator at parallelism 2 into collect; counts what the generators emitted. */
  private static JobClient endless(AtomicLong emitted, String counterName) {
    var env = StreamEnvironment.create(cluster).setParallelism(2).setRuntimeMode(RuntimeMode.STREAMING);
    env.fromSource(GeneratorSource.unbounded(i -> {
          TestSinks.counter(counterName).incrementAndGet();
          return i;
        }), "numbers")
        .collect("numbers");
    return env.executeAsync("endless collect");
  }

  /** Generator instance s of 2 emits s, s+2, s+4, ...: each instance's records in order, none missing. */
  private static void assertInOrderWithoutGaps(List<Long> records) {
    for (int instance = 0; instance < 2; instance++) {
      int s = instance;
      List<Long> mine = records.stream().filter(v -> v % 2 == s).toList();
      List<Long> expected = LongStream.range(0, mine.size()).map(k -> 2 * k + s).boxed().toList();
      assertEquals(expected, mine, "instance " + s + " in order, without gaps");
    }
  }

  @Test
  void when_unboundedJobReadSlowly_then_bufferedRecordsBoundedAndEveryRecordArrivesInOrder() {
    // Given: an endless job whose client reads 1000 records at a time, when it gets round to it
    String counterName = "collect-slow-" + UUID.randomUUID();
    AtomicLong emitted = TestSinks.counter(counterName);
    JobClient job = endless(emitted, counterName);
    ReadStream<Long> stream = job.collectedStream("numbers");
    List<Long> received = Collections.synchronizedList(new ArrayList<>());
    stream.pause().handler(received::add);
    long bound = 2 * PER_INSTANCE + SHARED;

    // When
    long maxAhead = 0;
    for (int round = 1; round <= 40; round++) {
      stream.fetch(1_000);
      int expected = round * 1_000;
      Await.until("record " + expected, Duration.ofSeconds(20), () -> received.size() >= expected, received::size);
      maxAhead = Math.max(maxAhead, emitted.get() - received.size());
    }
    long settled = Await.stable("the held-back generators", Duration.ofMillis(200), Duration.ofSeconds(10), emitted::get);
    job.cancel().await();

    // Then: the generators were held back, and nothing was lost, duplicated or reordered
    assertTrue(maxAhead <= bound, "the generators ran " + maxAhead + " records ahead of the reader; bound " + bound);
    assertTrue(settled - received.size() <= bound,
        "while the reader waits: emitted " + settled + ", read " + received.size() + "; bound " + bound);
    List<Long> copy;
    synchronized (received) {
      copy = List.copyOf(received);
    }
    assertEquals(40_000, copy.size(), "exactly what was fetched");
    assertInOrderWithoutGaps(copy);
    assertThrows(JobCancelledException.class, () -> job.result().await());
  }

  @Test
  void when_unboundedJobNotRead_then_itsSourcesAreHeldBack() {
    // Given
    String counterName = "collect-unread-" + UUID.randomUUID();
    AtomicLong emitted = TestSinks.counter(counterName);

    // When: nobody reads the results
    JobClient job = endless(emitted, counterName);
    Await.until("records emitted", Duration.ofSeconds(10), () -> emitted.get() > 0);
    long settled = Await.stable("the held-back generators", Duration.ofMillis(200), Duration.ofSeconds(10), emitted::get);

    // Then: the job waits for its reader instead of filling the client's memory
    long bound = 2 * PER_INSTANCE + SHARED;
    assertTrue(settled <= bound, "emitted " + settled + " unread records; bound " + bound);
    List<Long> all = job.collected("numbers"); // opting in now loses nothing that waited
    Await.until("the kept records to grow", Duration.ofSeconds(10), () -> job.collected("numbers").size() > settled);
    List<Long> later = job.collected("numbers");
    job.cancel().await();
    assertInOrderWithoutGaps(all);
    assertEquals(all, later.subList(0, all.size()), "kept records stay, new ones follow");
  }

  @Test
  void when_theClientNeverReadsPastTheCreditTimeout_then_theJobFailsNamingIt() {
    // Given: an endless job whose collect sink waits at most 300 ms for the client's credit
    var env = StreamEnvironment.create(cluster).setParallelism(1).setRuntimeMode(RuntimeMode.STREAMING);
    env.fromSource(GeneratorSource.unbounded(i -> i), "numbers").collect("numbers", Duration.ofMillis(300));

    // When: nobody reads the results
    JobClient job = env.executeAsync("unread collect");

    // Then: the job fails, instead of waiting forever, with a cause that names the timeout
    var e = assertThrows(TaskFailureException.class, () -> job.result().await());
    assertEquals("collect numbers", e.operator());
    assertTrue(e.causeMessage().startsWith("collect sink 'numbers': the job's client acknowledged no batch for 300 ms "
        + "(the collect credit timeout)"), e.causeMessage());
  }

  @Test
  void when_boundedJobNotReadWhileItRuns_then_everyRecordIsKeptInOrder() {
    // Given: far more records than the client buffers for unbounded jobs
    var env = StreamEnvironment.create(cluster).setParallelism(1).setRuntimeMode(RuntimeMode.STREAMING);
    env.generate(200_000, i -> i).collect("numbers");

    // When
    JobClient job = env.executeAsync("bounded collect");
    job.result().await();

    // Then
    assertEquals(LongStream.range(0, 200_000).boxed().toList(), job.collected("numbers"));
    List<Long> streamed = new ArrayList<>();
    var ended = new AtomicLong();
    job.<Long>collectedStream("numbers").endHandler(v -> ended.incrementAndGet()).handler(streamed::add);
    assertEquals(200_000, streamed.size(), "the stream reads the kept records from the first");
    assertEquals(1, ended.get());
  }
}
