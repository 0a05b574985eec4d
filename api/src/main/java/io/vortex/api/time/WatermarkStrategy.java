package io.vortex.api.time;

import io.vortex.api.internal.TimeMath;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How a stream gets event timestamps and watermarks: a timestamp assigner, a watermark
 * generator and, optionally, an idle timeout after which a source instance without records
 * stops holding the combined watermark back.
 */
public final class WatermarkStrategy<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The kinds of generator, serializable without user code. */
  private enum Kind {
    NONE,
    MONOTONOUS,
    BOUNDED_OUT_OF_ORDERNESS
  }

  private final Kind kind;
  private final long maxOutOfOrdernessMillis;
  private final TimestampAssigner<T> assigner;
  private final long idleTimeoutMillis;

  private WatermarkStrategy(
      Kind kind, long maxOutOfOrdernessMillis, TimestampAssigner<T> assigner, long idleTimeout) {
    this.kind = kind;
    this.maxOutOfOrdernessMillis = maxOutOfOrdernessMillis;
    this.assigner = assigner;
    this.idleTimeoutMillis = idleTimeout;
  }

  /** No event time: records keep their timestamps, watermarks only at the end of input. */
  public static <T> WatermarkStrategy<T> noWatermarks() {
    return new WatermarkStrategy<>(Kind.NONE, 0, null, 0);
  }

  /** Timestamps never decrease: watermark = max timestamp - 1. */
  public static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
    return new WatermarkStrategy<>(Kind.MONOTONOUS, 0, null, 0);
  }

  /**
   * Records are at most {@code maxOutOfOrderness} older than the newest seen: watermark = max
   * timestamp - maxOutOfOrderness - 1 (as in Flink).
   */
  public static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
    Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
    if (maxOutOfOrderness.isNegative()) {
      throw new IllegalArgumentException("maxOutOfOrderness must not be negative");
    }
    return new WatermarkStrategy<>(
        Kind.BOUNDED_OUT_OF_ORDERNESS, TimeMath.millis(maxOutOfOrderness), null, 0);
  }

  public WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
    Objects.requireNonNull(assigner, "assigner");
    return new WatermarkStrategy<>(kind, maxOutOfOrdernessMillis, assigner, idleTimeoutMillis);
  }

  /**
   * Marks a source instance idle after {@code timeout} without records, so it does not hold
   * back the watermark of the operators downstream until it sees records again.
   */
  public WatermarkStrategy<T> withIdleness(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the idle timeout must be positive");
    }
    return new WatermarkStrategy<>(kind, maxOutOfOrdernessMillis, assigner, TimeMath.millis(timeout));
  }

  /** The assigner, or {@code null} to keep the timestamps records already carry. */
  public TimestampAssigner<T> timestampAssigner() {
    return assigner;
  }

  /** 0 when idleness detection is off. */
  public long idleTimeoutMillis() {
    return idleTimeoutMillis;
  }

  public boolean generatesWatermarks() {
    return kind != Kind.NONE;
  }

  public WatermarkGenerator createGenerator() {
    return switch (kind) {
      case NONE -> new BoundedOutOfOrdernessGenerator(Long.MAX_VALUE);
      case MONOTONOUS -> new BoundedOutOfOrdernessGenerator(0);
      case BOUNDED_OUT_OF_ORDERNESS -> new BoundedOutOfOrdernessGenerator(maxOutOfOrdernessMillis);
    };
  }

  /** Threading: confined to the owning task's thread. */
  private static final class BoundedOutOfOrdernessGenerator implements WatermarkGenerator {
    private final long delay;
    private long maxTimestamp = Long.MIN_VALUE;

    BoundedOutOfOrdernessGenerator(long delay) {
      this.delay = delay;
    }

    @Override
    public long onEvent(long timestamp) {
      if (timestamp > maxTimestamp) {
        maxTimestamp = timestamp;
      }
      return currentWatermark();
    }

    @Override
    public long currentWatermark() {
      if (delay == Long.MAX_VALUE || maxTimestamp == Long.MIN_VALUE) {
        return Long.MIN_VALUE;
      }
      return TimeMath.subtract(TimeMath.subtract(maxTimestamp, delay), 1); // saturates at MIN_VALUE
    }
  }
}
