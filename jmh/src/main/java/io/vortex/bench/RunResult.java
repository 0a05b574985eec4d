package io.vortex.bench;

import io.vortex.bench.check.Latency;
import io.vortex.bench.check.Totals;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The measured quantities of one (workload, engine) run, printed as one {@code RESULT} line.
 *
 * @param cpuSeconds the process's CPU seconds (all threads) over the measured interval of
 *     {@code procSeconds}, NaN where the JVM cannot tell
 * @param latency W4 only, else {@code null}
 * @param extras further {@code key=value} fields appended in order (e.g. {@code sinks},
 *     {@code checkpoints} for W5, {@code late})
 */
public record RunResult(
    String workload,
    String engine,
    int par,
    long records,
    double procSeconds,
    double wallSeconds,
    double cpuSeconds,
    long checksum,
    long results,
    long total,
    Latency latency,
    Map<String, String> extras) {

  public RunResult {
    extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }

  /** A result without latency or extras. */
  public static RunResult of(
      Params p, double procSeconds, double wallSeconds, double cpuSeconds, Totals t) {
    return new RunResult(p.workload().name(), p.engine(), p.parallelism(), p.records(),
        procSeconds, wallSeconds, cpuSeconds, t.checksum(), t.results(), t.total(), null,
        Map.of());
  }

  public Totals totals() {
    return new Totals(checksum, results, total);
  }

  /** {@code records / proc_s}, rounded. */
  public long recPerSecond() {
    return procSeconds > 0 ? Math.round(records / procSeconds) : 0;
  }

  public RunResult withLatency(Latency l) {
    return new RunResult(workload, engine, par, records, procSeconds, wallSeconds, cpuSeconds,
        checksum, results, total, l, extras);
  }

  /** Appends (or replaces) an extra field. */
  public RunResult withExtra(String key, Object value) {
    Map<String, String> m = new LinkedHashMap<>(extras);
    m.put(key, String.valueOf(value));
    return new RunResult(workload, engine, par, records, procSeconds, wallSeconds, cpuSeconds,
        checksum, results, total, latency, m);
  }

  /** The {@code RESULT workload=... engine=... ...} line of WORKLOADS.md. */
  public String toLine() {
    StringBuilder sb = new StringBuilder(256);
    sb.append(String.format(Locale.ROOT,
        "RESULT workload=%s engine=%s par=%d records=%d proc_s=%.3f rec_per_s=%d wall_s=%.3f"
            + " cpu_s=%.3f checksum=%016x results=%d total=%d",
        workload, engine, par, records, procSeconds, recPerSecond(), wallSeconds, cpuSeconds,
        checksum, results, total));
    if (latency != null) {
      sb.append(String.format(Locale.ROOT,
          " lat_count=%d p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f",
          latency.count(), latency.p50Ms(), latency.p99Ms(), latency.p999Ms(),
          latency.maxMs()));
    }
    extras.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    return sb.toString();
  }
}
