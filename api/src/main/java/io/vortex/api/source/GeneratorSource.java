package io.vortex.api.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * Generates records {@code 0 .. count-1} (or forever) from a function of the index. With
 * parallelism P, instance {@code s} generates indices {@code s, s+P, s+2P, ...} in order, so all
 * instances advance together. An optional rate limit (records per second over all instances)
 * paces each instance: its m-th record is due {@code m * P / rate} seconds after its first poll.
 */
public final class GeneratorSource<T> implements Source<T> {
  private static final long serialVersionUID = 1L;
  /** Count of an unbounded generator. */
  public static final long UNBOUNDED = Long.MAX_VALUE;

  private final long count;
  private final double recordsPerSecond;
  private final Generator<T> generator;

  private GeneratorSource(long count, double recordsPerSecond, Generator<T> generator) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    if (!(recordsPerSecond > 0) && recordsPerSecond != 0) {
      throw new IllegalArgumentException("the rate must be positive: " + recordsPerSecond);
    }
    this.count = count;
    this.recordsPerSecond = recordsPerSecond;
    this.generator = Objects.requireNonNull(generator, "generator");
  }

  /** Records {@code 0 .. count-1}, as fast as they can be consumed. */
  public static <T> GeneratorSource<T> of(long count, SerializableLongFunction<T> function) {
    Objects.requireNonNull(function, "function");
    return new GeneratorSource<>(count, 0, new IndexGenerator<>(function));
  }

  /** Records {@code 0 .. count-1}; the function also sees each record's scheduled time. */
  public static <T> GeneratorSource<T> of(long count, Generator<T> generator) {
    return new GeneratorSource<>(count, 0, generator);
  }

  /** An endless generator. */
  public static <T> GeneratorSource<T> unbounded(SerializableLongFunction<T> function) {
    return of(UNBOUNDED, function);
  }

  /** The same records, paced at {@code recordsPerSecond} over all parallel instances. */
  public GeneratorSource<T> withRate(double recordsPerSecond) {
    if (!(recordsPerSecond > 0)) {
      throw new IllegalArgumentException("the rate must be positive: " + recordsPerSecond);
    }
    return new GeneratorSource<>(count, recordsPerSecond, generator);
  }

  /** A serializable {@link LongFunction}: lambdas passed to {@code of} become one. */
  public interface SerializableLongFunction<T> extends LongFunction<T>, java.io.Serializable {}

  /** Adapts an index-only function. */
  private record IndexGenerator<T>(SerializableLongFunction<T> function) implements Generator<T> {
    @Override
    public T generate(long index, long scheduledNanos) {
      return function.apply(index);
    }
  }

  @Override
  public boolean isBounded() {
    return count != UNBOUNDED;
  }

  @Override
  public List<SourceSplit> createSplits(int parallelism) {
    List<SourceSplit> splits = new ArrayList<>(parallelism);
    for (int s = 0; s < parallelism; s++) {
      splits.add(new StridedSplit(s, parallelism, s, 0));
    }
    return splits;
  }

  @Override
  public SourceReader<T> createReader(SourceReaderContext context) {
    return new GeneratorReader<>(generator, count, recordsPerSecond);
  }

  /**
   * Indices {@code next, next+stride, ...} below the source's count; {@code emitted} counts the
   * records already generated (it paces a rate-limited source).
   */
  public record StridedSplit(int id, int stride, long next, long emitted) implements SourceSplit {
    @Override
    public String splitId() {
      return "stride-" + id + "/" + stride;
    }
  }
}
