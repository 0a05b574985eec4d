package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.DataStream;
import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.function.Collector;
import io.vortex.api.sink.Sink;
import io.vortex.api.sink.SinkContext;
import io.vortex.api.sink.SinkWriter;
import io.vortex.taskmanager.network.LocalChannelTransport;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One input record fanned out to a million through small channels: the exact records arrive, and
 * at no time are more of them between the flatMap and the sink than the channel bound allows
 * (the flatMap's open batch, the channel's batches, the batch the sink works on), for the
 * pull-style {@code flatMapIterable} and for the {@code Collector} flatMap, whose overflow waits
 * in its outbox.
 */
@Timeout(120)
class FlatMapBurstIT {
  private static final int BATCH_SIZE = 64;
  private static final long FAN_OUT = 1_000_000;
  /**
   * Records that may be past the counting map but not yet written: per channel its capacity, the
   * partial batch a blocked step flushes, the producer's open batch and the consumer's batch.
   */
  private static final long BOUND_PER_CHANNEL = (LocalChannelTransport.DEFAULT_CAPACITY_IN_BATCHES + 3L) * BATCH_SIZE;

  static MiniCluster cluster;

  @BeforeAll
  static void start() {
    cluster = MiniCluster.startBlocking(2, 2);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  /** Counts, sums and measures how far the producer ran ahead of it. Threading: the sink's task. */
  record Checking(String name) implements Sink<Long> {
    @Override
    public SinkWriter<Long> createWriter(SinkContext context) {
      AtomicLong produced = TestSinks.counter(name + "-produced");
      AtomicLong received = TestSinks.counter(name + "-received");
      AtomicLong sum = TestSinks.counter(name + "-sum");
      AtomicLong maxAhead = TestSinks.counter(name + "-maxAhead");
      return (value, timestamp) -> {
        long r = received.incrementAndGet();
        sum.addAndGet(value);
        long ahead = produced.get() - r; // read after: never understates it
        maxAhead.accumulateAndGet(ahead, Math::max);
      };
    }
  }

  /** A million records from one, pulled. */
  private static DataStream<Long> pulled(DataStream<Long> in) {
    return in.flatMapIterable((Long n) -> () -> LongStream.range(0, n).iterator()).returns(Long.class);
  }

  /** A million records from one, collected in one call. */
  private static DataStream<Long> collected(DataStream<Long> in) {
    return in.flatMap((Long n, Collector<Long> out) -> {
          for (long i = 0; i < n; i++) {
            out.collect(i);
          }
        })
        .returns(Long.class);
  }

  enum Variant {
    PULLED_STREAMING(RuntimeMode.STREAMING, false, FlatMapBurstIT::pulled),
    PULLED_BATCH(RuntimeMode.BATCH, false, FlatMapBurstIT::pulled),
    PULLED_KEYED(RuntimeMode.STREAMING, true, FlatMapBurstIT::pulled),
    COLLECTED_STREAMING(RuntimeMode.STREAMING, false, FlatMapBurstIT::collected),
    COLLECTED_BATCH(RuntimeMode.BATCH, true, FlatMapBurstIT::collected);

    final RuntimeMode mode;
    final boolean keyed;
    final Function<DataStream<Long>, DataStream<Long>> flatMap;

    Variant(RuntimeMode mode, boolean keyed, Function<DataStream<Long>, DataStream<Long>> flatMap) {
      this.mode = mode;
      this.keyed = keyed;
      this.flatMap = flatMap;
    }
  }

  @ParameterizedTest
  @EnumSource(Variant.class)
  void when_oneRecordFansOutToAMillion_then_exactOutputAndTheProducerNeverRunsPastTheChannelBound(Variant variant) {
    // Given: one record (two when keyed: one per flatMap instance) fanned out to a million each,
    // counted by a map chained to the flatMap, rebalanced over small channels into one sink
    String name = "flatmap-burst-" + UUID.randomUUID();
    String producedName = name + "-produced";
    int instances = variant.keyed ? 2 : 1;
    var env = StreamEnvironment.create(cluster).setRuntimeMode(variant.mode).setParallelism(instances)
        .setBatchSize(BATCH_SIZE);
    DataStream<Long> input = variant.keyed
        ? env.fromCollection(List.of(FAN_OUT, FAN_OUT + 1)).keyBy(n -> n)
        : env.fromElements(FAN_OUT);
    variant.flatMap.apply(input)
        .map(x -> {
          TestSinks.counter(producedName).incrementAndGet();
          return x;
        })
        .rebalance()
        .sinkTo(new Checking(name))
        .setParallelism(1)
        .name("check");

    // When
    env.executeAsync("flatMap burst " + variant).result().await();

    // Then: count and checksum exact; the producers stayed within the channels' bound
    long expectedCount = variant.keyed ? 2 * FAN_OUT + 1 : FAN_OUT;
    long expectedSum = variant.keyed ? sumBelow(FAN_OUT) + sumBelow(FAN_OUT + 1) : sumBelow(FAN_OUT);
    assertEquals(expectedCount, TestSinks.counter(name + "-received").get());
    assertEquals(expectedSum, TestSinks.counter(name + "-sum").get());
    long bound = instances * BOUND_PER_CHANNEL;
    long maxAhead = TestSinks.counter(name + "-maxAhead").get();
    assertTrue(maxAhead <= bound, "the flatMap ran " + maxAhead + " records ahead of the sink; bound " + bound);
  }

  private static long sumBelow(long n) {
    return n * (n - 1) / 2;
  }
}
