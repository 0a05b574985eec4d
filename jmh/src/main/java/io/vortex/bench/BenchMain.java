package io.vortex.bench;

import io.vortex.bench.baseline.BaselineEngine;
import io.vortex.bench.check.References;
import io.vortex.bench.check.Totals;
import io.vortex.bench.gen.W4Events;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Runs one workload on one engine and prints its {@code RESULT} line, then a {@code CHECK} line
 * comparing against WORKLOADS.md's reference checksum when one exists for that size.
 *
 * <pre>
 * java -cp benchmarks.jar io.vortex.bench.BenchMain --workload W1|W2|W3|W4|W5
 *     [--engine baseline|vortex|...] [--par P] [--records N]
 *     [--seconds S] [--rate R] [--warmup S] [--unpaced]   (W4)
 *     [--opt key=value]...                                (engine-specific)
 * java -jar benchmarks.jar jmh [JMH options] [regex]     (JMH micro-benchmarks)
 * java -jar benchmarks.jar regex [JMH options]           (same, without "jmh")
 * </pre>
 *
 * <p>Sizes: command line, else env ({@code W1_N}, {@code W2_N} (W2 and W5), {@code W3_N},
 * {@code W4_SECONDS}), else WORKLOADS.md's defaults. Exit code 0 on success, 1 on a usage or
 * run error, 2 if the checksum disagrees with a listed reference.
 */
public final class BenchMain {

  /** Parallelism when {@code --par} is absent: the baseline is one thread, engines use 2. */
  static final int DEFAULT_ENGINE_PAR = 2;

  private BenchMain() {
  }

  public static void main(String[] args) throws Exception {
    if (isJmh(args)) {
      // JMH micro-benchmarks live in the same jar: hand the command line to JMH's own main.
      org.openjdk.jmh.Main.main(jmhArgs(args));
      return;
    }
    int code;
    try {
      code = run(args, System.getenv()::get, System.out);
    } catch (UsageException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println(usage());
      code = 1;
    } catch (Exception e) {
      e.printStackTrace();
      code = 1;
    }
    System.exit(code);
  }

  /**
   * True when the command line is for JMH: it starts with {@code jmh}, or with a benchmark
   * regex (any first argument that is not an option), as {@code java -jar benchmarks.jar
   * SerializationBenchmark} would be for a plain JMH jar.
   */
  static boolean isJmh(String[] args) {
    return args.length > 0 && (args[0].equals("jmh") || !args[0].startsWith("-"));
  }

  /** The arguments for {@code org.openjdk.jmh.Main}: without the leading {@code jmh}. */
  static String[] jmhArgs(String[] args) {
    return args.length > 0 && args[0].equals("jmh")
        ? java.util.Arrays.copyOfRange(args, 1, args.length)
        : args;
  }

  /** Parses, runs and prints; returns the exit code. */
  static int run(String[] args, Function<String, String> env, PrintStream out) throws Exception {
    Params p = parse(args, env);
    WorkloadRunner runner = runnerFor(p.engine(), p.workload());
    RunResult r = runner.run(p);
    out.println(r.toLine());
    return check(p, r.totals(), out);
  }

  /** Prints a {@code CHECK} line; returns 2 on mismatch, else 0. */
  static int check(Params p, Totals t, PrintStream out) {
    var expected = References.expected(p.workload(), p.records());
    if (expected.isEmpty()) {
      out.printf(Locale.ROOT, "CHECK workload=%s records=%d status=unlisted%n",
          p.workload(), p.records());
      return 0;
    }
    boolean ok = expected.get().matches(t);
    out.printf(Locale.ROOT, "CHECK workload=%s records=%d status=%s expected=%s/%d%n",
        p.workload(), p.records(), ok ? "ok" : "MISMATCH",
        Totals.hex(expected.get().checksum()), expected.get().results());
    return ok ? 0 : 2;
  }

  /** The runner of {@code workload} on the engine named {@code engine}. */
  public static WorkloadRunner runnerFor(String engine, Workload workload) {
    for (Engine e : engines()) {
      if (e.name().equals(engine)) {
        WorkloadRunner r = e.runner(workload);
        if (r == null) {
          throw new UsageException("engine " + engine + " does not implement " + workload);
        }
        return r;
      }
    }
    List<String> names = new ArrayList<>();
    engines().forEach(e -> names.add(e.name()));
    throw new UsageException("unknown engine '" + engine + "', known: " + names);
  }

  /** The built-in baseline plus every {@link Engine} registered with the ServiceLoader. */
  public static List<Engine> engines() {
    List<Engine> all = new ArrayList<>();
    all.add(new BaselineEngine());
    ServiceLoader.load(Engine.class).forEach(all::add);
    return all;
  }

  /** Resolves the parameters from {@code args}, then {@code env}, then defaults. */
  static Params parse(String[] args, Function<String, String> env) {
    Map<String, String> flags = new LinkedHashMap<>();
    Map<String, String> options = new LinkedHashMap<>();
    boolean unpaced = false;
    for (int j = 0; j < args.length; j++) {
      String a = args[j];
      if (a.equals("--help") || a.equals("-h")) {
        throw new UsageException("help requested");
      }
      if (a.equals("--unpaced")) {
        unpaced = true;
        continue;
      }
      if (!a.startsWith("--")) {
        throw new UsageException("unexpected argument '" + a + "'");
      }
      String name;
      String value;
      int eq = a.indexOf('=');
      if (eq > 0) {
        name = a.substring(2, eq);
        value = a.substring(eq + 1);
      } else {
        if (j + 1 >= args.length) {
          throw new UsageException("missing value for " + a);
        }
        name = a.substring(2);
        value = args[++j];
      }
      if (name.equals("opt")) {
        int e = value.indexOf('=');
        if (e <= 0) {
          throw new UsageException("--opt needs key=value, got '" + value + "'");
        }
        options.put(value.substring(0, e), value.substring(e + 1));
      } else if (List.of("workload", "engine", "par", "records", "seconds", "rate", "warmup")
          .contains(name)) {
        flags.put(name, value);
      } else {
        throw new UsageException("unknown option --" + name);
      }
    }
    String wl = flags.get("workload");
    if (wl == null) {
      throw new UsageException("--workload is required");
    }
    Workload w;
    try {
      w = Workload.parse(wl);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    String engine = flags.getOrDefault("engine", BaselineEngine.NAME);
    int par = (int) number(flags, "par",
        engine.equals(BaselineEngine.NAME) ? 1 : DEFAULT_ENGINE_PAR);
    long rate = number(flags, "rate", W4Events.DEFAULT_RATE);
    long warmup = number(flags, "warmup", W4Events.DEFAULT_WARMUP_SECONDS);
    long seconds = W4Events.DEFAULT_SECONDS;
    long records;
    if (w == Workload.W4) {
      seconds = number(flags, "seconds", envNumber(env, w.sizeEnv(), seconds));
      records = flags.containsKey("records") ? number(flags, "records", 0) : rate * seconds;
    } else {
      if (flags.containsKey("seconds")) {
        throw new UsageException("--seconds applies to W4 only");
      }
      records = number(flags, "records", envNumber(env, w.sizeEnv(), w.defaultRecords()));
    }
    try {
      return new Params(w, engine, par, records, rate, seconds, warmup, !unpaced, options);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static long number(Map<String, String> flags, String name, long fallback) {
    String v = flags.get(name);
    return v == null ? fallback : parseLong("--" + name, v);
  }

  private static long envNumber(Function<String, String> env, String name, long fallback) {
    String v = env.apply(name);
    return v == null || v.isBlank() ? fallback : parseLong("env " + name, v);
  }

  /** Accepts {@code 20000000}, {@code 20_000_000} and {@code 20,000,000}. */
  private static long parseLong(String what, String v) {
    try {
      return Long.parseLong(v.trim().replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new UsageException(what + ": not a number: '" + v + "'");
    }
  }

  static String usage() {
    return "usage: BenchMain --workload W1|W2|W3|W4|W5 [--engine NAME] [--par P] [--records N]"
        + " [--seconds S] [--rate R] [--warmup S] [--unpaced] [--opt key=value]...\n"
        + "  sizes also from env W1_N, W2_N (W2, W5), W3_N, W4_SECONDS\n"
        + "       BenchMain jmh [JMH options] [regex]   (JMH micro-benchmarks, e.g. jmh -l)";
  }

  /** A command-line mistake: printed with the usage, exit code 1. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
