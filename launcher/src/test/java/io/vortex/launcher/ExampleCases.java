package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Generated inputs for the three examples (with disorder, late data, ties, blank lines) and
 * their expected lines from straightforward reference implementations of the specs: the same
 * cases run on the mini-cluster ({@link ExamplesIT}) and on separate processes.
 */
final class ExampleCases {
  /** An example's input and expected sorted output lines; {@code expectedStdout} is a line the command prints, or null. */
  record ExampleCase(String example, Path input, List<String> expected, String expectedStdout) {}

  private ExampleCases() {}

  static ExampleCase wordcount(Path dir) throws IOException {
    Random random = new Random(1);
    List<String> lines = new ArrayList<>();
    String[] vocabulary = {"Alpha", "beta", "GAMMA", "straße", "Über", "x42", "42", "é"};
    for (int i = 0; i < 3000; i++) {
      StringBuilder line = new StringBuilder();
      int words = random.nextInt(8);
      for (int w = 0; w < words; w++) {
        line.append(vocabulary[random.nextInt(vocabulary.length)]).append(" ,.;-!\t".charAt(random.nextInt(7)));
      }
      lines.add(line.toString());
    }
    Path input = write(dir, "words.txt", lines);
    Map<String, Long> expected = new TreeMap<>();
    for (String line : lines) {
      for (String w : line.split("[^\\p{L}\\p{Nd}]+")) {
        if (!w.isEmpty()) {
          expected.merge(w.toLowerCase(Locale.ROOT), 1L, Long::sum);
        }
      }
    }
    List<String> expectedLines = expected.entrySet().stream().map(e -> e.getKey() + "," + e.getValue()).sorted().toList();
    return new ExampleCase("wordcount", input, expectedLines, null);
  }

  static ExampleCase fraudDetection(Path dir) throws IOException {
    Random random = new Random(2);
    List<String> lines = new ArrayList<>();
    lines.add("timestampMillis,accountId,amount");
    List<Tx> txs = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      long ts = 1_700_000_000_000L + random.nextInt(3_000_000);
      String account = "acc" + random.nextInt(40);
      String amount = switch (random.nextInt(4)) {
        case 0 -> "0." + String.format("%02d", random.nextInt(100));
        case 1 -> (501 + random.nextInt(500)) + "." + random.nextInt(10);
        case 2 -> "500.00";
        default -> String.valueOf(1 + random.nextInt(400));
      };
      if (random.nextInt(50) == 0) {
        lines.add("");
      }
      lines.add(ts + "," + account + "," + amount);
      txs.add(new Tx(ts, account, new BigDecimal(amount), amount, i));
    }
    Path input = write(dir, "tx.csv", lines);
    List<String> expected = fraudAlerts(txs);
    expected.sort(null);
    assertTrue(expected.size() > 10, "the data should raise alerts");
    return new ExampleCase("fraud-detection", input, expected, null);
  }

  static ExampleCase monitoring(Path dir) throws IOException {
    // Given: readings mostly in order, some up to 8 s late (the watermark allows 5 s)
    Random random = new Random(3);
    List<String> lines = new ArrayList<>();
    lines.add("timestampMillis,rackId,hostId,temperature");
    record Reading(long ts, String rack, BigDecimal temperature) {}
    List<Reading> readings = new ArrayList<>();
    long clock = 1_700_000_000_000L;
    for (int i = 0; i < 5000; i++) {
      clock += random.nextInt(40);
      long ts = clock - (random.nextInt(10) == 0 ? random.nextInt(8000) : random.nextInt(200));
      String rack = "rack-" + random.nextInt(6);
      BigDecimal temperature = BigDecimal.valueOf(60_000 + random.nextInt(40_000), 3);
      lines.add(ts + "," + rack + ",host-" + random.nextInt(20) + "," + temperature.toPlainString());
      readings.add(new Reading(ts, rack, temperature));
    }
    Path input = write(dir, "temps.csv", lines);
    long maxTs = Long.MIN_VALUE;
    long late = 0;
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, BigDecimal> sums = new HashMap<>();
    for (Reading r : readings) {
      long watermark = maxTs == Long.MIN_VALUE ? Long.MIN_VALUE : maxTs - 5000 - 1;
      long start = r.ts() - Math.floorMod(r.ts(), 10_000);
      if (start + 10_000 - 1 <= watermark) {
        late++;
      } else {
        String key = start + "," + r.rack();
        counts.computeIfAbsent(key, k -> new long[1])[0]++;
        sums.merge(key, r.temperature(), BigDecimal::add);
      }
      maxTs = Math.max(maxTs, r.ts());
    }
    List<String> expected = new ArrayList<>();
    counts.forEach((key, count) -> {
      BigDecimal sum = sums.get(key);
      BigDecimal avg = sum.divide(BigDecimal.valueOf(count[0]), 3, RoundingMode.HALF_UP);
      expected.add(key + "," + count[0] + "," + avg.toPlainString());
      if (sum.compareTo(new BigDecimal("90.0").multiply(BigDecimal.valueOf(count[0]))) > 0) {
        String[] parts = key.split(",");
        expected.add("ALERT," + parts[0] + "," + parts[1] + "," + avg.toPlainString());
      }
    });
    expected.sort(null);
    assertTrue(late > 10, "the data should have late readings");
    return new ExampleCase("monitoring", input, expected, "late readings dropped: " + late);
  }

  /** A transaction of the reference implementation; {@code order} is its place in the input. */
  record Tx(long ts, String account, BigDecimal amount, String text, int order) {}

  /** The fraud-detection spec, straightforwardly: per account by time, ties in input order. */
  static List<String> fraudAlerts(List<Tx> txs) {
    List<String> expected = new ArrayList<>();
    Map<String, List<Tx>> byAccount = new HashMap<>();
    txs.forEach(t -> byAccount.computeIfAbsent(t.account(), k -> new ArrayList<>()).add(t));
    for (List<Tx> list : byAccount.values()) {
      list.sort(Comparator.comparingLong(Tx::ts).thenComparingInt(Tx::order));
      for (int i = 1; i < list.size(); i++) {
        Tx small = list.get(i - 1);
        Tx large = list.get(i);
        if (small.amount().compareTo(new BigDecimal("1.00")) < 0
            && large.amount().compareTo(new BigDecimal("500.00")) > 0
            && large.ts() - small.ts() <= 60_000) {
          expected.add(large.account() + "," + large.ts() + "," + large.text());
        }
      }
    }
    expected.sort(null);
    return expected;
  }

  private static Path write(Path dir, String name, List<String> lines) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  /** The lines of an output file, or of every part file of an output directory, sorted. */
  static List<String> readLines(Path output) throws IOException {
    List<String> lines = new ArrayList<>();
    if (Files.isDirectory(output)) {
      try (Stream<Path> parts = Files.list(output)) {
        for (Path part : parts.sorted().toList()) {
          assertTrue(part.getFileName().toString().startsWith("part-"), "unexpected file " + part);
          lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
        }
      }
    } else {
      lines.addAll(Files.readAllLines(output, StandardCharsets.UTF_8));
    }
    lines.sort(null);
    return lines;
  }
}
