package io.vortex.bench.vortex;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code proc_s} and the TaskManagers' CPU time of a run across processes, from its sink reports:
 * from the earliest source start to the latest sink end over all processes, and per process its
 * CPU time from its first source start to its last sink end, summed. Immutable.
 */
record ProcessTimes(long firstStartNanos, long lastEndNanos, double cpuSeconds) {

  static ProcessTimes of(List<ProcessReports.SinkReport> reports) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    Map<Long, long[]> cpuByPid = new HashMap<>(); // pid -> {min at start, max at end}
    for (ProcessReports.SinkReport r : reports) {
      first = Math.min(first, r.firstStartNanos());
      last = Math.max(last, r.endNanos());
      long[] cpu = cpuByPid.computeIfAbsent(r.pid(), k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
      cpu[0] = Math.min(cpu[0], r.cpuAtStartNanos());
      cpu[1] = Math.max(cpu[1], r.cpuAtEndNanos());
    }
    if (first == Long.MAX_VALUE || last == Long.MIN_VALUE) {
      throw new IllegalStateException("no source started or no sink ended: " + reports);
    }
    double cpu = 0;
    for (long[] c : cpuByPid.values()) {
      if (c[0] < 0 || c[0] == Long.MAX_VALUE) {
        return new ProcessTimes(first, last, Double.NaN); // a process started no source or cannot tell
      }
      cpu += (c[1] - c[0]) / 1e9;
    }
    return new ProcessTimes(first, last, cpu);
  }

  double procSeconds() {
    return (lastEndNanos - firstStartNanos) / 1e9;
  }
}
