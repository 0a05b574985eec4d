package io.vortex.bench.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.bench.check.Totals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every line of WORKLOADS.md's "Generator test vectors". */
class GeneratorVectorsTest {

  private final W1Vocabulary vocab = W1Vocabulary.get();

  private static long hex(String h) {
    return Long.parseUnsignedLong(h, 16);
  }

  @Test
  void when_mix64_and_rand_are_evaluated_then_they_match_the_vectors() {
    assertEquals(hex("0000000000000000"), Gen.mix64(0));
    assertEquals(hex("5692161d100b05e5"), Gen.mix64(1));
    assertEquals(hex("698b16be306ca7d7"), Gen.rand(Gen.SEED_W1_WORD, 0));
    assertEquals(hex("698b16be306ca7d7") >>> 1, Gen.u63(Gen.SEED_W1_WORD, 0));
  }

  @Test
  void when_fnv1a64_hashes_strings_then_it_matches_the_vectors() {
    assertEquals(hex("cbf29ce484222325"), Gen.fnv1a64(""));
    assertEquals(hex("af63dc4c8601ec8c"), Gen.fnv1a64("a"));
    assertEquals(hex("af63dc4c8601ec8c"), Gen.fnv1a64(new byte[] {'a'}));
  }

  @Test
  void when_a_string_is_not_ascii_then_fnv1a64_hashes_its_utf8_bytes() {
    String s = "a\u00e9\u20ac";
    assertEquals(Gen.fnv1a64(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        Gen.fnv1a64(s));
  }

  @Test
  void when_the_zipf_table_is_built_then_T_and_cum0_match() {
    assertEquals(9_787_606_031_255L, vocab.total());
    assertEquals(9_787_606_031_255L, vocab.cum(W1Vocabulary.V - 1));
    assertEquals(1_000_000_000_000L, vocab.cum(0));
    assertEquals(10_000, vocab.size());
  }

  @ParameterizedTest
  @CsvSource({
      "0, aaaqcze, 62d192e05161fc4b",
      "1, baao, 9a3ffb9baa214088",
      "2, caaiku, 75ac03b13e048f37",
      "25, zaaekf, 3b1e8350aa172c3b",
      "26, abalyuk, a03314004f4d2882",
      "9999, puo, 77f357195699a373"})
  void when_word_k_is_built_then_text_and_hash_match(int k, String word, String hash) {
    assertEquals(word, vocab.word(k));
    assertEquals(hex(hash), vocab.wordHash(k));
    assertEquals(hex(hash), Gen.fnv1a64(vocab.word(k)));
  }

  @ParameterizedTest
  @CsvSource({"0, 248, oja", "1, 10, kaang", "2, 83, fdas", "3, 6, gaawkx", "4, 134, efalvc"})
  void when_w1_record_i_is_generated_then_word_index_and_word_match(long i, int k, String w) {
    assertEquals(k, vocab.wordIndex(i));
    assertEquals(w, vocab.wordOf(i));
  }

  @ParameterizedTest
  @CsvSource({
      "0, 20444, 813, 1699999999913",
      "1, 6970, 761, 1699999999945",
      "2, 76421, 660, 1699999999950",
      "999, 90894, 55, 1699999999912",
      "1000, 39266, 53, 1699999999925",
      "19999999, 46317, 199, 1700000019959"})
  void when_w2_event_i_is_generated_then_key_value_ts_match(long i, long key, long value,
      long ts) {
    assertEquals(key, W2Events.key(i));
    assertEquals(value, W2Events.value(i));
    assertEquals(ts, W2Events.ts(i));
  }

  @ParameterizedTest
  @CsvSource({
      "0, -7262947050722794841, -7262947050722794841, false",
      "1, 3999848463882963913, -3046180790503389218, true",
      "2, 1034582362921199240, 5389267927858044594, true"})
  void when_w3_record_i_is_mapped_then_key_value_and_keep_match(long i, long key, long mapped,
      boolean keep) {
    assertEquals(key, W3Records.key(i));
    assertEquals(i, W3Records.value(i));
    assertEquals(mapped, W3Records.map(W3Records.key(i), W3Records.value(i)));
    assertEquals(keep, W3Records.keep(mapped));
  }

  @Test
  void when_w3_records_are_filtered_then_kept_counts_match_at_10_30_50_60_million() {
    long kept = 0;
    for (long i = 0; i < 60_000_000L; i++) {
      if (W3Records.keep(W3Records.map(W3Records.key(i), W3Records.value(i)))) {
        kept++;
      }
      if (i + 1 == 10_000_000L) {
        assertEquals(5_002_812L, kept);
      } else if (i + 1 == 30_000_000L) {
        assertEquals(15_000_393L, kept);
      } else if (i + 1 == 50_000_000L) {
        assertEquals(24_999_999L, kept);
      }
    }
    assertEquals(30_000_924L, kept);
  }

  @ParameterizedTest
  @CsvSource({"0, 785", "1, 541", "2, 4368"})
  void when_w4_event_i_is_generated_then_key_matches(long i, long key) {
    assertEquals(key, W4Events.key(i));
  }

  @Test
  void when_a_word_is_drawn_then_it_is_the_specs_binary_search_over_the_whole_table() {
    // Given the spec's search, written out as WORKLOADS.md states it
    // When every boundary of the table and 200,000 records are looked up
    // Then the vocabulary finds the same word, reading 13 or 14 entries of cum each time
    // (a faster lookup, such as a guide table, would make W1 cheaper than the peers' runs)
    long[] probes = new long[1];
    for (int k = 0; k < W1Vocabulary.V; k++) {
      long c = vocab.cum(k);
      for (long u : new long[] {c - 1, c, c + 1}) {
        if (u >= 0 && u < vocab.total()) {
          probes[0] = 0;
          assertEquals(specSearch(u), vocab.indexOfCounting(u, probes), "u=" + u);
          assertTrue(probes[0] == 13 || probes[0] == 14, "u=" + u + " read " + probes[0]);
        }
      }
    }
    for (long i = 0; i < 200_000; i++) {
      long u = Gen.u63(Gen.SEED_W1_WORD, i) % vocab.total();
      probes[0] = 0;
      assertEquals(specSearch(u), vocab.indexOfCounting(u, probes));
      assertTrue(probes[0] >= 13, "record " + i + " read " + probes[0]);
      assertEquals(vocab.indexOf(u), vocab.wordIndex(i));
    }
  }

  private int specSearch(long u) {
    int lo = 0;
    int hi = W1Vocabulary.V - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (vocab.cum(mid) > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  @Test
  void when_indices_are_split_strided_then_counts_cover_every_index_once() {
    assertEquals(5, Gen.stridedCount(10, 2, 0));
    assertEquals(5, Gen.stridedCount(10, 2, 1));
    assertEquals(4, Gen.stridedCount(10, 3, 0));
    assertEquals(3, Gen.stridedCount(10, 3, 1));
    assertEquals(3, Gen.stridedCount(10, 3, 2));
    assertEquals(0, Gen.stridedCount(1, 2, 1));
    assertEquals(7, Gen.stridedIndex(3, 1, 2));
  }

  @Test
  void when_w4_due_times_are_computed_then_instance_and_baseline_forms_agree() {
    assertEquals(W4Events.baselineDueNanos(1_000, 7, 100_000),
        W4Events.dueNanos(1_000, 7, 1, 100_000));
    assertEquals(1_000 + 3 * 20_000L, W4Events.dueNanos(1_000, 3, 2, 100_000));
    assertEquals("0000000000801ee2", Totals.hex(0x801ee2L));
  }
}
