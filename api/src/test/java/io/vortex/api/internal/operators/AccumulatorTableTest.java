package io.vortex.api.internal.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AccumulatorTableTest {

  /** Folds {@code key} into the table as a combiner does: a running sum and the record count. */
  private static void add(AccumulatorTable table, Object key, long value) {
    int slot = table.slotOf(key);
    Long sum = (Long) table.accumulator(slot);
    table.setAccumulator(slot, sum == null ? value : sum + value);
  }

  /** Every occupied slot's (key -> "sum/count"). */
  private static Map<Object, String> contents(AccumulatorTable table) {
    Map<Object, String> out = new HashMap<>();
    for (int s = table.nextSlot(0); s >= 0; s = table.nextSlot(s + 1)) {
      Object previous = out.put(table.keyAt(s), table.accumulator(s) + "/" + table.count(s));
      assertEquals(null, previous, "key seen twice: " + table.keyAt(s));
    }
    assertEquals(table.size(), out.size());
    return out;
  }

  @Test
  void when_many_long_keys_are_added_then_the_table_grows_and_keeps_every_sum_and_count() {
    // Given a table sized for 4 keys
    AccumulatorTable table = new AccumulatorTable(4);
    Map<Object, Long> sums = new HashMap<>();
    Map<Object, Long> counts = new HashMap<>();
    Random random = new Random(42);
    // When 100,000 records of 20,000 keys (negative, huge and zero included) are added
    for (int i = 0; i < 100_000; i++) {
      long key = switch (i % 4) {
        case 0 -> random.nextInt(5_000);
        case 1 -> -random.nextInt(5_000);
        case 2 -> Long.MAX_VALUE - random.nextInt(5_000);
        default -> Long.MIN_VALUE + random.nextInt(5_000);
      };
      add(table, key, i);
      sums.merge(key, (long) i, Long::sum);
      counts.merge(key, 1L, Long::sum);
    }
    // Then it grew, still holds the keys unboxed, and every key has its exact sum and count
    assertTrue(table.capacity() >= 2 * sums.size(), table.toString());
    assertTrue(table.holdsLongKeys());
    Map<Object, String> expected = new HashMap<>();
    sums.forEach((k, v) -> expected.put(k, v + "/" + counts.get(k)));
    assertEquals(expected, contents(table));
  }

  @Test
  void when_keys_collide_in_one_probe_run_then_each_keeps_its_own_slot() {
    // Given long keys that are multiples of the capacity (same low bits) and string keys that all
    // share one hash code ("Aa" and "BB" hash alike)
    AccumulatorTable longs = new AccumulatorTable(8);
    AccumulatorTable strings = new AccumulatorTable(8);
    String[] sameHash = {"AaAa", "AaBB", "BBAa", "BBBB"};
    // When each is added twice
    for (int round = 0; round < 2; round++) {
      for (long k = 0; k < 8; k++) {
        add(longs, k << 32, 1);
      }
      for (String s : sameHash) {
        add(strings, s, 1);
      }
    }
    // Then no key took another's slot
    assertEquals(8, contents(longs).size());
    contents(longs).values().forEach(v -> assertEquals("2/2", v));
    assertEquals(
        Map.of("AaAa", "2/2", "AaBB", "2/2", "BBAa", "2/2", "BBBB", "2/2"), contents(strings));
  }

  @Test
  void when_a_key_of_another_type_or_null_arrives_then_long_keys_move_to_object_keys_intact() {
    // Given a table of long keys
    AccumulatorTable table = new AccumulatorTable(2);
    for (long k = 0; k < 50; k++) {
      add(table, k, k);
    }
    // When an Integer equal in value to a Long key, a null key and a string key arrive
    add(table, 7, 100);
    add(table, null, 5);
    add(table, null, 6);
    add(table, "7", 1);
    add(table, 7L, 1);
    // Then the table holds object keys, the Long and the Integer 7 stay distinct (as in a
    // HashMap), null is a key like any other, and the earlier sums are kept
    assertFalse(table.holdsLongKeys());
    Map<Object, String> contents = contents(table);
    assertEquals(53, contents.size());
    assertEquals("8/2", contents.get(7L));
    assertEquals("100/1", contents.get(7));
    assertEquals("11/2", contents.get(null));
    assertEquals("1/1", contents.get("7"));
    assertEquals("49/1", contents.get(49L));
  }

  @Test
  void when_object_keys_grow_past_the_initial_capacity_then_all_are_kept() {
    // Given a table of record keys (hash codes computed by the record)
    record Key(String name, int part) {}
    AccumulatorTable table = new AccumulatorTable(1);
    // When 10,000 distinct keys are added, each three times
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 10_000; i++) {
        add(table, new Key("k" + (i % 100), i), 1);
      }
    }
    // Then each appears once with count 3
    Map<Object, String> contents = contents(table);
    assertEquals(10_000, contents.size());
    contents.values().forEach(v -> assertEquals("3/3", v));
    assertEquals("3/3", contents.get(new Key("k42", 9942)));
  }

  @Test
  void when_a_prepared_batch_is_looked_up_then_its_slots_stay_valid_through_growth_and_key_types() {
    // Given a full-ish small table and batches that would make it grow, or hold a non-Long key
    AccumulatorTable table = new AccumulatorTable(4);
    Map<Object, Long> sums = new HashMap<>();
    Object[][] batches = {
      {1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L},
      {18L, 1L, "x", 19L, null, 2L, 20L, 21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L, 30L},
    };
    for (Object[] batch : batches) {
      // When the batch is prepared, all its slots found, and only then the records added
      table.prepare(batch, batch.length);
      int capacity = table.capacity();
      int[] slots = new int[batch.length];
      for (int i = 0; i < batch.length; i++) {
        slots[i] = table.slotOf(batch[i]);
      }
      assertEquals(capacity, table.capacity(), "grew within a prepared batch");
      for (int i = 0; i < batch.length; i++) {
        Long sum = (Long) table.accumulator(slots[i]);
        table.setAccumulator(slots[i], (sum == null ? 0 : sum) + i);
        sums.merge(batch[i] == null ? "null" : batch[i], (long) i, Long::sum);
      }
    }
    // Then every record reached its own key's accumulator
    Map<Object, Long> actual = new HashMap<>();
    for (int s = table.nextSlot(0); s >= 0; s = table.nextSlot(s + 1)) {
      Object key = table.keyAt(s);
      actual.put(key == null ? "null" : key, (Long) table.accumulator(s));
    }
    assertEquals(sums, actual);
  }

  @Test
  void when_the_table_is_empty_then_no_slot_is_occupied() {
    AccumulatorTable table = new AccumulatorTable(0);
    assertEquals(-1, table.nextSlot(0));
    assertEquals(0, table.size());
  }

  @Test
  void when_long_keys_come_in_batches_without_boxes_then_the_slots_are_those_of_boxed_lookups() {
    // Given two tables sized for 2 keys: one fed unboxed batches, one boxed keys one by one
    AccumulatorTable unboxed = new AccumulatorTable(2);
    AccumulatorTable boxed = new AccumulatorTable(2);
    Random random = new Random(5);
    long[] batch = new long[32];
    int[] slots = new int[32];
    // When 2,000 batches of 32 keys (some repeated within a batch) are looked up
    for (int b = 0; b < 2_000; b++) {
      for (int i = 0; i < batch.length; i++) {
        batch[i] = i % 5 == 0 ? batch[0] : random.nextInt(30_000) - 15_000L;
      }
      unboxed.prepareLongs(batch, batch.length);
      for (int i = 0; i < batch.length; i++) {
        slots[i] = unboxed.slotOfLong(batch[i]);
      }
      for (int i = 0; i < batch.length; i++) { // slots stay valid across the batch
        Long sum = (Long) unboxed.accumulator(slots[i]);
        unboxed.setAccumulator(slots[i], sum == null ? batch[i] : sum + batch[i]);
        add(boxed, batch[i], batch[i]);
      }
    }
    // Then both hold the same sums and counts, the first still unboxed after growing
    assertTrue(unboxed.holdsLongKeys());
    assertTrue(unboxed.capacity() >= 2 * unboxed.size(), unboxed.toString());
    assertEquals(contents(boxed), contents(unboxed));
  }

  @Test
  void when_a_table_holds_object_keys_then_long_lookups_find_the_boxed_key() {
    // Given a table moved to object keys by a string, holding the boxed key 7
    AccumulatorTable table = new AccumulatorTable(4);
    add(table, 7L, 1);
    add(table, "x", 1);
    assertFalse(table.holdsLongKeys());
    // When 7 and 8 are looked up unboxed
    long[] batch = {7, 8};
    table.prepareLongs(batch, 2);
    int seven = table.slotOfLong(7);
    int eight = table.slotOfLong(8);
    // Then 7 is the same key (counted twice), 8 a new one
    assertEquals(2, table.count(seven));
    assertEquals(7L, table.keyAt(seven));
    assertEquals(1, table.count(eight));
    assertEquals(3, table.size());
  }

  @Test
  void when_a_table_is_cleared_then_it_is_empty_unboxed_and_takes_keys_as_a_new_one() {
    // Given a table of long keys and one moved to object keys, both grown past their start
    AccumulatorTable longs = new AccumulatorTable(2);
    AccumulatorTable objects = new AccumulatorTable(2);
    for (long k = 0; k < 1_000; k++) {
      add(longs, k, k);
      add(objects, k, k);
    }
    add(objects, "x", 1);
    int longsCapacity = longs.capacity();
    int objectsCapacity = objects.capacity();
    // When both are cleared
    longs.clear();
    objects.clear();
    // Then each is empty with its capacity, holds long keys again, and no old slot is occupied
    for (AccumulatorTable table : new AccumulatorTable[] {longs, objects}) {
      assertEquals(0, table.size());
      assertEquals(-1, table.nextSlot(0));
      assertTrue(table.holdsLongKeys(), table.toString());
    }
    assertEquals(longsCapacity, longs.capacity());
    assertEquals(objectsCapacity, objects.capacity());
    // And new keys fold as in a fresh table: no old accumulator or count comes back
    AccumulatorTable fresh = new AccumulatorTable(2);
    for (AccumulatorTable table : new AccumulatorTable[] {longs, objects, fresh}) {
      for (long k = 500; k < 1_500; k++) {
        add(table, k, 1);
        add(table, k % 7, 2);
      }
      add(table, "y", 3);
    }
    assertEquals(contents(fresh), contents(longs));
    assertEquals(contents(fresh), contents(objects));
  }

  @Test
  void when_a_cleared_table_is_the_right_size_then_the_pool_gives_it_back_and_otherwise_a_new_one() {
    // Given a pool given a table of 1,000 keys that held an accumulator
    AccumulatorTablePool pool = new AccumulatorTablePool();
    AccumulatorTable used = new AccumulatorTable(1_000);
    add(used, 1L, 5);
    pool.give(used);
    // When tables are taken for a similar, a much smaller and a larger window
    AccumulatorTable similar = pool.take(900);
    pool.give(similar);
    AccumulatorTable small = pool.take(10);
    AccumulatorTable large = pool.take(5_000);
    // Then the similar one is the kept table, emptied; the others are new and fit their sizes
    assertTrue(similar == used);
    assertEquals(0, similar.size());
    assertEquals(null, similar.accumulator(similar.slotOf(1L)));
    assertTrue(small != used && small.capacity() < used.capacity(), small.toString());
    assertTrue(large != used && large.capacity() >= 10_000, large.toString());
    assertEquals(1, pool.kept());
  }

  @Test
  void when_more_tables_are_given_than_kept_then_the_pool_keeps_the_most_recent() {
    AccumulatorTablePool pool = new AccumulatorTablePool();
    AccumulatorTable[] given = new AccumulatorTable[AccumulatorTablePool.KEPT + 1];
    for (int i = 0; i < given.length; i++) {
      given[i] = new AccumulatorTable(100);
      pool.give(given[i]);
    }
    assertEquals(AccumulatorTablePool.KEPT, pool.kept());
    for (int i = 0; i < AccumulatorTablePool.KEPT; i++) {
      AccumulatorTable taken = pool.take(100);
      assertTrue(taken != given[0], "the oldest table was dropped");
    }
    assertEquals(0, pool.kept());
  }
}
