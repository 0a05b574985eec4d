package io.vortex.jmh.micro;

import io.vortex.api.internal.serialization.BasicSerializers;
import io.vortex.api.internal.serialization.DataIn;
import io.vortex.api.internal.serialization.DataOut;
import io.vortex.api.internal.serialization.Serializers;
import io.vortex.api.internal.serialization.Tuple2Serializer;
import io.vortex.api.internal.serialization.TypeSerializer;
import io.vortex.api.tuple.Tuple2;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Threading: confined to one JMH thread. Serialize + deserialize round trips on the data path's
 * common shapes: a record {@code (long key, long value)}, a {@code Tuple2<String, Long>} (dynamic
 * tagged fields, as Serializers.forClass gives, and typed fields) and a String. Each op writes one
 * value into a reused DataOut and reads it back; the batch variants write 1024 values into one
 * buffer and then read them all, as a network buffer or a spill file does.
 *
 * <p>Run: {@code java -jar jmh/target/benchmarks.jar SerializationBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SerializationBenchmark {

  private static final int BATCH = 1024;

  /** The record of the keyed-shuffle workloads. */
  public record KeyValue(long key, long value) {
  }

  private TypeSerializer<KeyValue> recordSerializer = Serializers.forClass(KeyValue.class);
  @SuppressWarnings({"unchecked", "rawtypes"})
  private TypeSerializer<Tuple2<String, Long>> dynamicTupleSerializer =
      (TypeSerializer) Serializers.forClass(Tuple2.class);
  private TypeSerializer<Tuple2<String, Long>> typedTupleSerializer =
      new Tuple2Serializer<>(BasicSerializers.STRING, BasicSerializers.LONG);
  private TypeSerializer<String> stringSerializer = Serializers.forClass(String.class);

  private final DataOut out = new DataOut(64 * 1024);
  private final DataIn in = new DataIn();

  private KeyValue record = new KeyValue(123_456_789L, 987_654_321L);
  private Tuple2<String, Long> tuple = Tuple2.of("user-000042", 123_456_789L);
  private String string = "the quick brown fox jumps over the lazy dog";

  @Benchmark
  public KeyValue record() {
    return roundTrip(recordSerializer, record);
  }

  @Benchmark
  public Tuple2<String, Long> tuple2Dynamic() {
    return roundTrip(dynamicTupleSerializer, tuple);
  }

  @Benchmark
  public Tuple2<String, Long> tuple2Typed() {
    return roundTrip(typedTupleSerializer, tuple);
  }

  @Benchmark
  public String string() {
    return roundTrip(stringSerializer, string);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void recordBatch(Blackhole bh) {
    batch(recordSerializer, record, bh);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void tuple2DynamicBatch(Blackhole bh) {
    batch(dynamicTupleSerializer, tuple, bh);
  }

  private <T> T roundTrip(TypeSerializer<T> serializer, T value) {
    out.reset();
    serializer.serialize(value, out);
    in.reset(out.array(), 0, out.position());
    return serializer.deserialize(in);
  }

  private <T> void batch(TypeSerializer<T> serializer, T value, Blackhole bh) {
    out.reset();
    for (int i = 0; i < BATCH; i++) {
      serializer.serialize(value, out);
    }
    in.reset(out.array(), 0, out.position());
    for (int i = 0; i < BATCH; i++) {
      bh.consume(serializer.deserialize(in));
    }
  }
}
