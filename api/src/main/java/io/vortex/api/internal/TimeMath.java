package io.vortex.api.internal;

import java.time.Duration;

/**
 * Time arithmetic on epoch milliseconds that saturates at the ends of {@code long} instead of
 * wrapping around: a time beyond {@link Long#MAX_VALUE} is the end of time, one before {@link
 * Long#MIN_VALUE} the beginning, so no window, timer or lateness check jumps to the other end.
 */
public final class TimeMath {
  private TimeMath() {}

  /** {@code time + delta}, clamped to the range of {@code long}. */
  public static long add(long time, long delta) {
    long sum = time + delta;
    if (((time ^ sum) & (delta ^ sum)) < 0) { // overflow: both operands' sign differs from the sum's
      return delta > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    return sum;
  }

  /** {@code time - delta}, clamped to the range of {@code long}. */
  public static long subtract(long time, long delta) {
    long difference = time - delta;
    if (((time ^ delta) & (time ^ difference)) < 0) {
      return delta > 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return difference;
  }

  /** {@code duration} in milliseconds, {@link Long#MAX_VALUE} when it has more (non-negative). */
  public static long millis(Duration duration) {
    try {
      return duration.toMillis();
    } catch (ArithmeticException e) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
