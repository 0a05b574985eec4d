package io.vortex.state.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
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
