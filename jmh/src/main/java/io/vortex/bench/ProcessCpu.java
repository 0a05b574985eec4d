package io.vortex.bench;

import java.lang.management.ManagementFactory;

/**
 * The CPU time this JVM process has used, all threads together (user + system), from the
 * platform's {@code com.sun.management.OperatingSystemMXBean}. Stateless; any thread.
 */
public final class ProcessCpu {
  private static final com.sun.management.OperatingSystemMXBean OS = bean();

  private ProcessCpu() {
  }

  private static com.sun.management.OperatingSystemMXBean bean() {
    return ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os : null;
  }

  /** Process CPU nanoseconds so far, or -1 where the JVM cannot tell. */
  public static long nanos() {
    return OS == null ? -1 : OS.getProcessCpuTime();
  }

  /** CPU seconds between two {@link #nanos()} readings; NaN if either is unknown. */
  public static double seconds(long fromNanos, long toNanos) {
    return fromNanos < 0 || toNanos < 0 ? Double.NaN : (toNanos - fromNanos) / 1e9;
  }
}
