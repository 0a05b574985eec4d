package io.vortex.launcher;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for conditions by polling (no fixed sleeps); fails with a description on timeout. */
final class Await {
  private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

  private Await() {}

  /** Polls {@code condition} until it holds; fails after {@code timeout}. */
  static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  /** Polls {@code condition} until it holds, describing the last state seen on timeout. */
  static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<Object> state) {
    try {
      until(what, timeout, condition);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last seen: " + state.get(), e);
    }
  }

  /**
   * Waits until {@code value} stays the same for {@code quiet} (e.g. a counter of a cancelled
   * job); returns that value.
   */
  static long stable(String what, Duration quiet, Duration timeout, Supplier<Long> value) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long last = value.get();
    long since = System.nanoTime();
    while (System.nanoTime() - since < quiet.toNanos()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what + " to settle");
      }
      LockSupport.parkNanos(POLL_NANOS);
      long now = value.get();
      if (now != last) {
        last = now;
        since = System.nanoTime();
      }
    }
    return last;
  }
}
