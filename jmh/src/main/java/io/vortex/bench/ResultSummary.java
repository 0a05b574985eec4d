package io.vortex.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Summarises {@code RESULT} lines (as {@link BenchMain} prints them, possibly with fields
 * appended by {@code run-benchmarks.sh}) into one table row per (workload, variant): runs,
 * min / median / max of {@code rec_per_s}, median {@code proc_s} and {@code wall_s}, the ratio
 * of the variant's median rec/s to the baseline's median rec/s of the same workload in the same
 * input, distinct checksums, for W4 the medians of the latency percentiles, and the CPU the
 * process used: median {@code cpu_s / records} (µs per record) and median {@code cpu_s /
 * proc_s} (cores busy on average).
 *
 * <pre>java -cp benchmarks.jar io.vortex.bench.ResultSummary results.txt...</pre>
 *
 * <p>A variant is the engine, plus {@code -<variant>} when the line has a {@code variant}
 * field (e.g. {@code vortex-batch}, {@code vortex-streaming}), plus {@code @<cluster>} when it
 * has a {@code cluster} field ({@code vortex-batch@processes}: across processes).
 */
public final class ResultSummary {

  private ResultSummary() {
  }

  public static void main(String[] args) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String file : args) {
      lines.addAll(Files.readAllLines(Path.of(file), StandardCharsets.UTF_8));
    }
    print(lines, System.out);
  }

  /** The {@code key=value} fields of a RESULT line, in order; null if it is not one. */
  static Map<String, String> fields(String line) {
    String s = line.strip();
    int at = s.indexOf("RESULT ");
    if (at < 0) {
      return null;
    }
    Map<String, String> f = new LinkedHashMap<>();
    for (String token : s.substring(at + "RESULT ".length()).split("\\s+")) {
      int eq = token.indexOf('=');
      if (eq > 0) {
        f.put(token.substring(0, eq), token.substring(eq + 1));
      }
    }
    return f.containsKey("workload") && f.containsKey("engine") ? f : null;
  }

  /** Groups the lines by workload and variant and prints the table (Markdown). */
  static void print(List<String> lines, PrintStream out) {
    Map<String, Map<String, List<Map<String, String>>>> groups = new LinkedHashMap<>();
    for (String line : lines) {
      Map<String, String> f = fields(line);
      if (f == null) {
        continue;
      }
      String variant = f.get("engine") + (f.containsKey("variant") ? "-" + f.get("variant") : "")
          + (f.containsKey("cluster") ? "@" + f.get("cluster") : "");
      groups.computeIfAbsent(f.get("workload"), k -> new LinkedHashMap<>())
          .computeIfAbsent(variant, k -> new ArrayList<>())
          .add(f);
    }
    out.println("| workload | variant | runs | rec/s min | rec/s median | rec/s max | proc_s median"
        + " | wall_s median | ÷ baseline (median) | checksums | p50 / p99 / p99.9 / max ms (median)"
        + " | CPU µs/record (median) | cores (median) |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (var byWorkload : groups.entrySet()) {
      Double baseline = null;
      var base = byWorkload.getValue().get("baseline");
      if (base != null) {
        baseline = median(base, f -> number(f, "rec_per_s"));
      }
      for (var byVariant : byWorkload.getValue().entrySet()) {
        List<Map<String, String>> runs = byVariant.getValue();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Map<String, String> f : runs) {
          min = Math.min(min, number(f, "rec_per_s"));
          max = Math.max(max, number(f, "rec_per_s"));
        }
        double med = median(runs, f -> number(f, "rec_per_s"));
        String ratio = baseline == null || baseline == 0 || byVariant.getKey().equals("baseline")
            ? "" : String.format(Locale.ROOT, "%.2f", med / baseline);
        List<String> sums = new ArrayList<>();
        for (Map<String, String> f : runs) {
          String c = f.getOrDefault("checksum", "?")
              + ("MISMATCH".equals(f.get("check")) ? " MISMATCH" : "");
          if (!sums.contains(c)) {
            sums.add(c);
          }
        }
        String latency = "";
        if (runs.stream().allMatch(f -> f.containsKey("p99_ms"))) {
          latency = String.format(Locale.ROOT, "%.3f / %.3f / %.3f / %.2f",
              median(runs, f -> number(f, "p50_ms")), median(runs, f -> number(f, "p99_ms")),
              median(runs, f -> number(f, "p999_ms")), median(runs, f -> number(f, "max_ms")));
        }
        String cpuPerRecord = "–";
        String cores = "–";
        if (runs.stream().allMatch(f -> f.containsKey("cpu_s"))) {
          cpuPerRecord = String.format(Locale.ROOT, "%.3f",
              median(runs, f -> number(f, "cpu_s") / number(f, "records") * 1e6));
          cores = String.format(Locale.ROOT, "%.2f",
              median(runs, f -> number(f, "cpu_s") / number(f, "proc_s")));
        }
        out.printf(Locale.ROOT,
            "| %s | %s | %d | %s | %s | %s | %.3f | %.3f | %s | %s | %s | %s | %s |%n",
            byWorkload.getKey(), byVariant.getKey(), runs.size(), rate(min), rate(med), rate(max),
            median(runs, f -> number(f, "proc_s")), median(runs, f -> number(f, "wall_s")),
            ratio, String.join(", ", sums), latency, cpuPerRecord, cores);
      }
    }
  }

  private static double number(Map<String, String> f, String key) {
    String v = f.get(key);
    return v == null ? Double.NaN : Double.parseDouble(v);
  }

  /** The median (mean of the middle two for an even count). */
  static double median(List<Map<String, String>> runs, ToDoubleFunction<Map<String, String>> v) {
    List<Double> values = new ArrayList<>();
    runs.forEach(f -> values.add(v.applyAsDouble(f)));
    Collections.sort(values);
    int n = values.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
  }

  /** Records per second in millions, e.g. {@code 13.42 M}. */
  static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
  }
}
