package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vortex.api.StreamEnvironment;
import io.vortex.api.tuple.Tuple2;
import io.vortex.api.tuple.Tuple3;
import io.vortex.api.tuple.Tuple4;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tuples, records and the usual JDK types through every source and sink (fromElements,
 * fromCollection, collect, print, writeAsText, writeAsCsv), across the keyed exchange.
 */
@Timeout(60)
class TypesIT {
  static MiniCluster cluster;

  @TempDir Path dir;

  enum Side { BUY, SELL { @Override public String toString() { return "sell"; } } }

  /** A record that is not Serializable, as users write them. */
  record Trade(String symbol, BigDecimal price, Side side, LocalDate day) {}

  @BeforeAll
  static void start() {
    cluster = MiniCluster.startBlocking(2, 2);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  /** One value of every type; none of the tuples or records is Java-serializable as a whole. */
  static List<Object> values() {
    return List.of("text, with a comma", 42L, 7, 1.5, 2.5f, (short) 3, (byte) 4, 'c', true,
        new BigDecimal("1.50"), new BigInteger("123456789012345678901234567890"), LocalDate.of(2026, 12, 1),
        LocalTime.of(19, 0), LocalDateTime.of(2026, 12, 1, 19, 0), Instant.parse("2026-12-01T19:00:00Z"),
        Duration.ofMillis(1500), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
        new ArrayList<>(List.of(1, 2)), new TreeSet<>(Set.of("b", "a")), new TreeMap<>(Map.of("k", 1L)),
        new LinkedHashMap<>(Map.of("m", List.of(LocalDate.EPOCH))), Optional.of("present"), Optional.empty(),
        Side.BUY, Side.SELL, new byte[] {1, 2, 3}, new Trade("ACME", new BigDecimal("9.99"), Side.SELL, LocalDate.EPOCH),
        Tuple2.of("nested", new Trade("X", BigDecimal.ONE, Side.BUY, null)), Tuple3.of(1, null, Optional.of(2)),
        Tuple4.of('a', 'b', 'c', new int[] {4}));
  }

  @Test
  void when_fromElementsOfTuplesHoldingEveryType_then_collectPrintTextAndCsvSinksGetThemAll() throws IOException {
    // Given: (index, value) tuples, keyed by index across two subtasks
    List<Object> values = values();
    List<Tuple2<Integer, Object>> tuples = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      tuples.add(Tuple2.of(i, values.get(i)));
    }
    PrintStream original = System.out;
    var printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    List<Tuple2<Integer, Object>> collected;
    try {
      var env = StreamEnvironment.create(cluster).setParallelism(2);
      var stream = env.fromElements(tuples.toArray(new Tuple2[0]))
          .map(t -> (Tuple2<Integer, Object>) t)
          .keyBy(Tuple2::f0)
          .map(t -> t);
      stream.collect("tuples");
      stream.print();
      stream.writeAsText(dir.resolve("text").toString());
      stream.writeAsCsv(dir.resolve("csv").toString());

      // When
      var job = env.executeAsync("types");
      job.result().await();
      collected = job.collected("tuples");
    } finally {
      System.setOut(original);
    }

    // Then: equal values (arrays by content), and Flink's text forms
    List<String> expected = tuples.stream().map(TypesIT::text).sorted().toList();
    assertEquals(expected, collected.stream().map(TypesIT::text).sorted().toList());
    for (Tuple2<Integer, Object> t : collected) {
      Object original2 = values.get(t.f0());
      assertEquals(text(original2), text(t.f1()));
      assertEquals(original2.getClass(), t.f1().getClass(), "class of value " + t.f0());
    }
    List<String> text = tuples.stream().map(t -> "(" + t.f0() + "," + text(t.f1()) + ")").sorted().toList();
    assertEquals(text, ExamplesIT.readLines(dir.resolve("text")));
    assertEquals(text, printed.toString(StandardCharsets.UTF_8).lines().map(l -> l.substring(l.indexOf("> ") + 2))
        .sorted().toList());
    List<String> csv = ExamplesIT.readLines(dir.resolve("csv"));
    assertEquals(values.size(), csv.size());
    assertEquals(true, csv.contains("0,\"text, with a comma\""), csv.toString());
    assertEquals(true, csv.contains("25,\"[1, 2, 3]\""), csv.toString());
    assertEquals(true, csv.contains("11,2026-12-01"), csv.toString());
    assertEquals(true, csv.contains("22,Optional.empty"), csv.toString());
  }

  @Test
  void when_everyHashableTypeIsTheKey_then_oneGroupPerDistinctKey() {
    // Given: every value but the array twice, keyed by the value itself
    List<Object> keys = values().stream().filter(v -> !v.getClass().isArray() && !(v instanceof Tuple4<?, ?, ?, ?>))
        .toList();
    List<Object> twice = new ArrayList<>(keys);
    twice.addAll(keys);
    var env = StreamEnvironment.create(cluster).setParallelism(2);
    env.fromCollection(twice)
        .map(v -> Tuple2.of(v, 1))
        .keyBy(Tuple2::f0)
        .reduce((a, b) -> Tuple2.of(a.f0(), a.f1() + b.f1()))
        .collect("counts");

    // When
    var job = env.executeAsync("keys");
    job.result().await();
    List<Tuple2<Object, Integer>> counts = job.collected("counts");

    // Then: in BATCH one final count per key, each 2
    assertEquals(keys.stream().map(TypesIT::text).sorted().toList(),
        counts.stream().map(t -> text(t.f0())).sorted().toList());
    assertEquals(List.of(2), counts.stream().map(Tuple2::f1).distinct().toList());
  }

  @Test
  void when_fromCollectionOfRecords_then_elementsArriveInOrderAtParallelismOne() {
    // Given
    List<Trade> trades = IntStream.range(0, 100)
        .mapToObj(i -> new Trade("S" + i, BigDecimal.valueOf(i, 2), i % 2 == 0 ? Side.BUY : Side.SELL,
            LocalDate.EPOCH.plusDays(i)))
        .toList();
    var env = StreamEnvironment.create(cluster).setParallelism(1);
    env.fromCollection(trades).collect("trades");

    // When
    var job = env.executeAsync("records");
    job.result().await();

    // Then
    assertEquals(trades, job.collected("trades"));
  }

  /** What the text sinks write for a value: arrays element by element, tuples as in Flink. */
  private static String text(Object value) {
    if (value instanceof byte[] a) {
      return Arrays.toString(a);
    } else if (value instanceof int[] a) {
      return Arrays.toString(a);
    } else if (value instanceof Tuple2<?, ?> t) {
      return "(" + text(t.f0()) + "," + text(t.f1()) + ")";
    } else if (value instanceof Tuple3<?, ?, ?> t) {
      return "(" + text(t.f0()) + "," + text(t.f1()) + "," + text(t.f2()) + ")";
    } else if (value instanceof Tuple4<?, ?, ?, ?> t) {
      return "(" + text(t.f0()) + "," + text(t.f1()) + "," + text(t.f2()) + "," + text(t.f3()) + ")";
    }
    return String.valueOf(value);
  }

}
