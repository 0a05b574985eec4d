package io.vortex.bench.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LongLongSumMapTest {

  @Test
  void when_keys_are_added_beyond_capacity_then_sums_match_a_hashmap() {
    LongLongSumMap m = new LongLongSumMap(4);
    Map<Long, Long> ref = new HashMap<>();
    for (long i = 0; i < 100_000; i++) {
      long key = io.vortex.bench.gen.Gen.rand(7, i % 30_000) >> 3;
      m.add(key, i);
      ref.merge(key, i, Long::sum);
    }
    assertEquals(ref.size(), m.size());
    ref.forEach((k, v) -> assertEquals((long) v, m.get(k)));
    Map<Long, Long> seen = new HashMap<>();
    m.forEach((k, v) -> seen.put(k, v));
    assertEquals(ref, seen);
  }

  @Test
  void when_the_marker_key_is_used_then_it_is_summed_like_any_key() {
    LongLongSumMap m = new LongLongSumMap(16);
    m.add(Long.MIN_VALUE, 5);
    m.add(Long.MIN_VALUE, 6);
    m.add(0, 1);
    assertEquals(11, m.get(Long.MIN_VALUE));
    assertEquals(2, m.size());
    for (long k = 1; k < 100; k++) {
      m.add(k, k);
    }
    assertEquals(11, m.get(Long.MIN_VALUE));
    assertEquals(101, m.size());
  }

  @Test
  void when_cleared_then_it_is_empty_and_reusable() {
    LongLongSumMap m = new LongLongSumMap(16);
    m.add(3, 4);
    m.add(Long.MIN_VALUE, 1);
    m.clear();
    assertEquals(0, m.size());
    assertEquals(0, m.get(3));
    assertEquals(0, m.get(Long.MIN_VALUE));
    m.add(3, 2);
    assertEquals(2, m.get(3));
  }
}
