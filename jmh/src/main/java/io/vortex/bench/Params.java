package io.vortex.bench;

import java.util.Map;

/**
 * One run's parameters, resolved from defaults, env vars and the command line.
 *
 * @param workload which workload
 * @param engine engine name as given on the command line ("baseline", "vortex", ...)
 * @param parallelism P, the number of parallel source/operator/sink instances (1 for baseline)
 * @param records N, the number of source records (for W4: {@code rate * seconds})
 * @param rate W4 only: total input rate R in events/s
 * @param seconds W4 only: duration D in s
 * @param warmupSeconds W4 only: warm-up W in s excluded from the latency histogram
 * @param paced W4 only: false runs the events as fast as possible (checksum only, no latency)
 * @param options free-form engine-specific options ({@code --opt key=value})
 */
public record Params(
    Workload workload,
    String engine,
    int parallelism,
    long records,
    long rate,
    long seconds,
    long warmupSeconds,
    boolean paced,
    Map<String, String> options) {

  public Params {
    options = Map.copyOf(options);
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
    }
    if (records < 0) {
      throw new IllegalArgumentException("records must be >= 0, got " + records);
    }
    if (rate < 1) {
      throw new IllegalArgumentException("rate must be >= 1, got " + rate);
    }
  }

  /** Default parameters of a workload for an engine (no env vars consulted). */
  public static Params defaults(Workload workload, String engine, int parallelism) {
    return new Params(workload, engine, parallelism, workload.defaultRecords(),
        io.vortex.bench.gen.W4Events.DEFAULT_RATE, io.vortex.bench.gen.W4Events.DEFAULT_SECONDS,
        io.vortex.bench.gen.W4Events.DEFAULT_WARMUP_SECONDS, true, Map.of());
  }

  /** Same parameters with another record count. */
  public Params withRecords(long n) {
    return new Params(workload, engine, parallelism, n, rate, seconds, warmupSeconds, paced,
        options);
  }

  /** Same parameters with pacing switched on or off. */
  public Params withPaced(boolean p) {
    return new Params(workload, engine, parallelism, records, rate, seconds, warmupSeconds, p,
        options);
  }

  /** An engine-specific option, or {@code fallback}. */
  public String option(String key, String fallback) {
    return options.getOrDefault(key, fallback);
  }
}
