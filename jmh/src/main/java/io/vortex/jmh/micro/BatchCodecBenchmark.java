package io.vortex.jmh.micro;

import io.vortex.api.internal.serialization.DataIn;
import io.vortex.api.internal.serialization.DataOut;
import io.vortex.api.tuple.Tuple2;
import io.vortex.taskmanager.network.RecordBatch;
import io.vortex.taskmanager.network.tcp.BatchCodec;
import io.vortex.taskmanager.network.tcp.NetworkConfig;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Threading: confined to one JMH thread. A batch of 1024 records through {@link BatchCodec} as a
 * remote channel sends it (frames of one 32 KiB network buffer) and its consumer reads it back:
 * on an edge typed by the job graph ({@code edge}: no class name in the frame) against an untyped
 * edge ({@code header}: the class named once per frame). The score is ns per record (write +
 * read); the setup prints bytes per record ({@code BYTES shape=... codec=... bytes_per_record=}).
 *
 * <p>Run: {@code java -jar jmh/target/benchmarks.jar BatchCodecBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BatchCodecBenchmark {
  private static final int RECORDS = 1024;

  /** The record of the keyed-shuffle workloads. */
  public record KeyValue(long key, long value) {}

  @Param({"long", "string", "tuple2", "record"})
  public String shape;

  @Param({"edge", "header"})
  public String codec;

  private BatchCodec producer;
  private BatchCodec consumer;
  private RecordBatch batch;
  private final DataOut out = new DataOut(NetworkConfig.DEFAULT_BUFFER_SIZE + 1024);
  private final DataIn in = new DataIn();

  @Setup(Level.Trial)
  public void setUp() {
    LongFunction<Object> make =
        switch (shape) {
          case "long" -> i -> i * 7_919L;
          case "string" -> i -> "user-" + (100_000 + i);
          case "tuple2" -> i -> Tuple2.of("user-" + (100_000 + i), i);
          case "record" -> i -> new KeyValue(i, i * 31);
          default -> throw new IllegalArgumentException(shape);
        };
    batch = new RecordBatch(RECORDS);
    for (int i = 0; i < RECORDS; i++) {
      batch.add(make.apply(i), 1_700_000_000_000L + i);
    }
    ClassLoader loader = getClass().getClassLoader();
    String type = batch.value(0).getClass().getName();
    producer = "edge".equals(codec) ? new BatchCodec(loader, type, "bench") : new BatchCodec(loader);
    consumer = "edge".equals(codec) ? new BatchCodec(loader, type, "bench") : new BatchCodec(loader);
    long bytes = 0;
    for (int i = 0; i < RECORDS; ) {
      out.reset();
      i = producer.write(batch, i, RECORDS, out, NetworkConfig.DEFAULT_BUFFER_SIZE);
      bytes += out.position();
    }
    System.out.printf("BYTES shape=%s codec=%s bytes_per_record=%.3f%n", shape, codec, (double) bytes / RECORDS);
  }

  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public void writeAndRead(Blackhole bh) {
    for (int i = 0; i < RECORDS; ) {
      out.reset();
      i = producer.write(batch, i, RECORDS, out, NetworkConfig.DEFAULT_BUFFER_SIZE);
      in.reset(out.array(), 0, out.position());
      bh.consume(consumer.read(in));
    }
  }
}
