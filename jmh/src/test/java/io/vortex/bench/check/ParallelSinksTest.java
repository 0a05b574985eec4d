package io.vortex.bench.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.bench.Workload;
import io.vortex.bench.gen.Gen;
import io.vortex.bench.gen.W1Vocabulary;
import io.vortex.bench.gen.W3Records;
import io.vortex.bench.gen.W4Events;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-sink accumulators combined by wrapping addition give the single-thread reference. */
class ParallelSinksTest {

  @Test
  void when_w1_is_split_over_strided_sources_and_keyed_sinks_then_totals_match_reference() {
    int p = 2;
    long n = 1_000_000;
    W1Vocabulary vocab = W1Vocabulary.get();
    List<Map<Integer, long[]>> state = List.of(new HashMap<>(), new HashMap<>());
    for (int s = 0; s < p; s++) {
      for (long m = 0; m < Gen.stridedCount(n, p, s); m++) {
        int k = vocab.wordIndex(Gen.stridedIndex(p, s, m));
        state.get(Math.floorMod(vocab.word(k).hashCode(), p))
            .computeIfAbsent(k, x -> new long[1])[0]++;
      }
    }
    List<Totals> parts = new ArrayList<>();
    for (Map<Integer, long[]> sink : state) {
      W1Checksum acc = new W1Checksum();
      sink.forEach((k, c) -> acc.addHashed(vocab.wordHash(k), c[0]));
      parts.add(acc.totals());
    }
    assertTrue(References.expected(Workload.W1, n).orElseThrow().matches(Totals.sum(parts)));
  }

  @Test
  void when_w3_is_split_over_three_sinks_then_totals_match_reference() {
    int p = 3;
    long n = 2_000_000;
    W3Checksum[] sinks = {new W3Checksum(), new W3Checksum(), new W3Checksum()};
    for (int s = 0; s < p; s++) {
      for (long m = 0; m < Gen.stridedCount(n, p, s); m++) {
        long i = Gen.stridedIndex(p, s, m);
        long key = W3Records.key(i);
        long mapped = W3Records.map(key, W3Records.value(i));
        if (W3Records.keep(mapped)) {
          sinks[(int) Long.remainderUnsigned(key, p)].add(mapped);
        }
      }
    }
    Totals t = sinks[0].totals().plus(sinks[1].totals()).plus(sinks[2].totals());
    assertEquals(0xccd17852ab41e23cL, t.checksum());
    assertEquals(1_000_362, t.results());
    assertEquals(1_000_362, t.total());
  }

  @Test
  void when_w4_counts_are_keyed_over_two_sinks_then_checksum_is_the_closed_form() {
    long n = 400_000;
    long[] counts = new long[(int) W4Events.KEYS];
    W4Checksum[] sinks = {new W4Checksum(), new W4Checksum()};
    for (long i = 0; i < n; i++) {
      int key = (int) W4Events.key(i);
      sinks[key % 2].add(++counts[key]);
    }
    long closed = 0;
    for (long c : counts) {
      closed += c * (c + 1) / 2;
    }
    Totals t = Totals.sum(List.of(sinks[0].totals(), sinks[1].totals()));
    assertEquals(closed, t.checksum());
    assertEquals(0x801ee2L, t.checksum());
    assertEquals(n, t.results());
  }

  @Test
  void when_w2_results_are_added_then_checksum_results_and_total_follow_the_formula() {
    W2Checksum a = new W2Checksum();
    a.add(1_700_000_000_000L, 42, 1234);
    a.add(1_700_000_001_000L, 0, 1);
    long expected = Gen.mix64(Gen.mix64(1_700_000_000_000L * 1_000_003L + 42) + 1234)
        + Gen.mix64(Gen.mix64(1_700_000_001_000L * 1_000_003L) + 1);
    assertEquals(new Totals(expected, 2, 1235), a.totals());
  }

  @Test
  void when_latency_recorders_merge_then_warmup_events_are_excluded() {
    LatencyRecorder a = new LatencyRecorder(1_000);
    LatencyRecorder b = new LatencyRecorder(1_000);
    a.record(999, 5_000_000);
    a.record(1_000, 1_000 + 2_000_000);
    b.record(2_000, 2_000 + 4_000_000);
    a.merge(b);
    Latency l = a.latency();
    assertEquals(2, l.count());
    assertEquals(4.0, l.maxMs(), 0.01);
    assertEquals(2.0, l.p50Ms(), 0.01);
  }

  @Test
  void when_a_checksum_is_printed_then_it_has_16_hex_digits() {
    assertEquals("0000000000801ee2", new Totals(0x801ee2L, 0, 0).checksumHex());
    assertEquals("a8f738028c3b989a", Totals.hex(0xa8f738028c3b989aL));
  }
}
