package io.vortex.state.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StateTableTest {
  /** A key whose hash collides a lot, to exercise probing and backward-shift deletion. */
  record Colliding(int id) {
    @Override
    public int hashCode() {
      return id % 7;
    }
  }

  @Test
  void when_randomPutsGetsAndRemoves_then_behavesLikeHashMap() {
    for (long seed = 0; seed < 20; seed++) {
      // Given
      Random random = new Random(seed);
      StateTable table = new StateTable();
      Map<Object, Object> reference = new HashMap<>();
      // When
      for (int op = 0; op < 20_000; op++) {
        Object key = random.nextBoolean() ? new Colliding(random.nextInt(300)) : (Object) random.nextInt(300);
        switch (random.nextInt(4)) {
          case 0, 1 -> {
            table.put(key, op);
            reference.put(key, op);
          }
          case 2 -> {
            table.remove(key);
            reference.remove(key);
          }
          default -> assertEquals(reference.get(key), table.get(key), "seed " + seed + " op " + op);
        }
      }
      // Then
      assertEquals(reference.size(), table.size());
      Map<Object, Object> contents = new HashMap<>();
      table.forEach(contents::put);
      assertEquals(reference, contents);
    }
  }

  /** A key that counts how often it is compared, hashing as a {@code Long} does. */
  static final class Counted {
    static long comparisons;
    final long id;

    Counted(long id) {
      this.id = id;
    }

    @Override
    public boolean equals(Object other) {
      comparisons++;
      return other instanceof Counted c && c.id == id;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(id);
    }
  }

  @Test
  void when_keys_come_in_the_slot_order_of_a_fibonacci_hashed_table_then_probes_stay_short() {
    // Given 100,000 keys in the order a combiner's multiplicative-hash table holds them (its
    // partials arrive at the window in that order)
    List<Counted> keys = new ArrayList<>();
    for (long id = 0; id < 100_000; id++) {
      keys.add(new Counted(id));
    }
    keys.sort(Comparator.comparingLong(k -> (k.id * 0x9E3779B97F4A7C15L) >>> (64 - 18)));
    StateTable table = new StateTable();
    // When they are inserted, then looked up again
    Counted.comparisons = 0;
    for (Counted key : keys) {
      table.put(key, key.id);
    }
    for (Counted key : keys) {
      assertEquals(key.id, table.get(new Counted(key.id)));
    }
    // Then a lookup compares with about one or two keys, not with a long cluster
    double perKey = Counted.comparisons / (double) keys.size();
    assertTrue(perKey < 4, "comparisons per key: " + perKey);
  }

  @Test
  void when_readModifyWriteOnSameKey_then_valueIsUpdatedInPlace() {
    // Given
    StateTable table = new StateTable();
    String key = "word";
    // When
    for (int i = 0; i < 100; i++) {
      Object v = table.get(key);
      table.put(key, v == null ? 1 : (Integer) v + 1);
    }
    // Then
    assertEquals(100, table.get("word"));
    assertEquals(1, table.size());
  }
}
