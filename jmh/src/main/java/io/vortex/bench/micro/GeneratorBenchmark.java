package io.vortex.bench.micro;

import io.vortex.bench.gen.W1Vocabulary;
import io.vortex.bench.gen.W2Events;
import io.vortex.bench.gen.W3Records;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Threading: each JMH thread has its own instance (Scope.Thread).
 *
 * <p>Cost of generating one record of each workload, the floor under every engine's figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GeneratorBenchmark {

  private final W1Vocabulary vocab = W1Vocabulary.get();
  private long i;

  @Benchmark
  public String w1Word() {
    return vocab.wordOf(i++);
  }

  @Benchmark
  public long w2Event() {
    long j = i++;
    return W2Events.key(j) ^ W2Events.value(j) ^ W2Events.ts(j);
  }

  @Benchmark
  public long w3Record() {
    long j = i++;
    return W3Records.map(W3Records.key(j), W3Records.value(j));
  }
}
