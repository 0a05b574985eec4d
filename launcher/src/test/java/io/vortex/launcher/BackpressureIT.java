package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.JobCancelledException;
import io.vortex.api.source.GeneratorSource;
import io.vortex.taskmanager.network.LocalChannelTransport;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A fast source cannot run ahead of a slow sink by more than the bounded channels hold. */
@Timeout(60)
class BackpressureIT {
  /** Records a task takes per step (SlotRunner.STEP_RECORDS): a step may overshoot capacity by this. */
  private static final int STEP_RECORDS = 1024;
  private static final int BATCH_SIZE = 64;
  private static final Duration OBSERVE = Duration.ofSeconds(1);

  static MiniCluster cluster;

  @BeforeAll
  static void start() {
    cluster = MiniCluster.startBlocking(2, 2);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }

  @Test
  void when_sinkSlowerThanSource_then_sourceHeldWithinChannelCapacity() {
    // Given: an endless generator at parallelism 2 (its instances on two slots, so two event
    // loops) feeding one sink that spins 20 µs per record, across two rebalanced channels
    String name = "backpressure-" + UUID.randomUUID();
    AtomicLong emitted = TestSinks.counter(name + "-emitted");
    AtomicLong received = TestSinks.counter(name + "-received");
    var env = StreamEnvironment.create(cluster).setParallelism(2).setRuntimeMode(RuntimeMode.STREAMING).setBatchSize(BATCH_SIZE);
    String emittedName = name + "-emitted";
    env.fromSource(GeneratorSource.unbounded(i -> {
          TestSinks.counter(emittedName).incrementAndGet();
          return i;
        }), "fast")
        .rebalance()
        .sinkTo(new TestSinks.Slow<Long>(name + "-received", 20_000))
        .setParallelism(1)
        .name("slow");
    int channels = 2;
    // Per channel: capacity - 1 queued batches before the producer stops, one step's records it
    // may still emit, its open batch and the batch the consumer is working through.
    long bound = channels * ((LocalChannelTransport.DEFAULT_CAPACITY_IN_BATCHES + 1L) * BATCH_SIZE + STEP_RECORDS);

    // When
    var job = env.executeAsync("backpressure");
    Await.until("records flowing", Duration.ofSeconds(10), () -> received.get() > 2_000);
    long heapBefore = usedHeapAfterGc();
    long receivedBefore = received.get();
    long maxAhead = 0;
    long end = System.nanoTime() + OBSERVE.toNanos();
    while (System.nanoTime() < end) {
      long e = emitted.get();
      long r = received.get(); // read after: never overstates how far ahead the source is
      maxAhead = Math.max(maxAhead, e - r);
      LockSupport.parkNanos(1_000_000);
    }
    long heapGrowth = usedHeapAfterGc() - heapBefore;
    long receivedDuring = received.get() - receivedBefore;
    job.cancel().await();

    // Then
    assertTrue(maxAhead <= bound, "the source ran " + maxAhead + " records ahead of the sink; bound " + bound);
    assertTrue(receivedDuring > 1_000, "the sink made progress: " + receivedDuring);
    assertTrue(heapGrowth < 64L << 20, "heap grew by " + (heapGrowth >> 20) + " MiB");
    assertThrows(JobCancelledException.class, () -> job.result().await());
    long settled = Await.stable("the source after cancel", Duration.ofMillis(100), Duration.ofSeconds(10), emitted::get);
    assertTrue(settled - received.get() <= bound, "after cancel: emitted " + settled + ", received " + received.get());
  }

  @Test
  void when_keyedExchangeIntoSlowOperator_then_allSourcesHeld() {
    // Given: four generator instances hash-partitioned into a reduce and slow sink at
    // parallelism 2 (8 channels); generators 2 and 3 have slots, so event loops, of their own
    String name = "keyed-backpressure-" + UUID.randomUUID();
    String emittedName = name + "-emitted";
    AtomicLong emitted = TestSinks.counter(emittedName);
    AtomicLong received = TestSinks.counter(name + "-received");
    var env = StreamEnvironment.create(cluster).setParallelism(4).setRuntimeMode(RuntimeMode.STREAMING).setBatchSize(BATCH_SIZE);
    env.fromSource(GeneratorSource.unbounded(i -> {
          TestSinks.counter(emittedName).incrementAndGet();
          return i;
        }), "fast")
        .keyBy(i -> i % 1000)
        .reduce(Long::sum)
        .setParallelism(2)
        .sinkTo(new TestSinks.Slow<Long>(name + "-received", 20_000))
        .setParallelism(2);
    long bound = 8 * ((LocalChannelTransport.DEFAULT_CAPACITY_IN_BATCHES + 1L) * BATCH_SIZE + STEP_RECORDS);

    // When
    var job = env.executeAsync("keyed backpressure");
    Await.until("records flowing", Duration.ofSeconds(10), () -> received.get() > 2_000);
    long maxAhead = 0;
    long end = System.nanoTime() + OBSERVE.toNanos() / 2;
    while (System.nanoTime() < end) {
      long e = emitted.get();
      long r = received.get();
      maxAhead = Math.max(maxAhead, e - r);
      LockSupport.parkNanos(1_000_000);
    }
    job.cancel().await();

    // Then
    assertTrue(maxAhead <= bound, "the sources ran " + maxAhead + " records ahead of the sinks; bound " + bound);
    assertThrows(JobCancelledException.class, () -> job.result().await());
  }
}
