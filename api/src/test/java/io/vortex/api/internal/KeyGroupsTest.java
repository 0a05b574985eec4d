package io.vortex.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyGroupsTest {
  private static final List<Integer> MAX_PARALLELISMS = List.of(1, 2, 3, 7, 16, 100, 128, 129, 1000, 1 << 15);

  @Test
  void when_rangesOfAllSubtasks_then_everyKeyGroupCoveredExactlyOnce() {
    for (int maxP : MAX_PARALLELISMS) {
      for (int p = 1; p <= Math.min(maxP, 130); p++) {
        // Given
        int[] owner = new int[maxP];
        java.util.Arrays.fill(owner, -1);

        // When
        int expectedStart = 0;
        for (int i = 0; i < p; i++) {
          int start = KeyGroups.rangeStart(i, maxP, p);
          int end = KeyGroups.rangeEnd(i, maxP, p);

          // Then: contiguous, non-empty, in order
          assertEquals(expectedStart, start, "start of subtask " + i + " for maxP=" + maxP + ", p=" + p);
          assertTrue(end >= start, "subtask " + i + " owns no key group for maxP=" + maxP + ", p=" + p);
          for (int kg = start; kg <= end; kg++) {
            assertEquals(-1, owner[kg], "key group " + kg + " owned twice");
            owner[kg] = i;
          }
          expectedStart = end + 1;
        }
        assertEquals(maxP, expectedStart, "ranges end at the last key group for maxP=" + maxP + ", p=" + p);
        for (int kg = 0; kg < maxP; kg++) {
          assertEquals(owner[kg], KeyGroups.operatorIndex(kg, maxP, p),
              "operatorIndex agrees with the ranges for key group " + kg + ", maxP=" + maxP + ", p=" + p);
        }
      }
    }
  }

  @Test
  void when_rangesOfFewSubtasks_then_sizesDifferByAtMostOne() {
    // Given
    int maxP = 128;
    int p = 3;

    // When
    int[] sizes = new int[p];
    for (int i = 0; i < p; i++) {
      sizes[i] = KeyGroups.rangeEnd(i, maxP, p) - KeyGroups.rangeStart(i, maxP, p) + 1;
    }

    // Then
    assertEquals(List.of(43, 43, 42), List.of(sizes[0], sizes[1], sizes[2]));
  }

  @Test
  void when_assigningKeys_then_stableAndInRange() {
    for (int maxP : MAX_PARALLELISMS) {
      for (int k = -500; k < 500; k++) {
        // Given
        Object[] keys = {k, "key-" + k, (long) k * 1_000_003L, List.of("a", k)};
        for (Object key : keys) {
          // When
          int kg = KeyGroups.assign(key, maxP);

          // Then
          assertTrue(kg >= 0 && kg < maxP, key + " -> " + kg + " outside [0, " + maxP + ")");
          assertEquals(kg, KeyGroups.assign(key, maxP), "stable for " + key);
          assertEquals(kg, KeyGroups.assign(copyOf(key), maxP), "equal keys, equal groups: " + key);
        }
      }
    }
  }

  @Test
  void when_manySmallIntKeys_then_spreadOverKeyGroups() {
    // Given
    int maxP = 128;
    int[] counts = new int[maxP];

    // When
    for (int k = 0; k < 128_000; k++) {
      counts[KeyGroups.assign(k, maxP)]++;
    }

    // Then: the mixer spreads consecutive ints; each group gets 1000 +- 20 %
    for (int kg = 0; kg < maxP; kg++) {
      assertTrue(counts[kg] > 800 && counts[kg] < 1200, "key group " + kg + " got " + counts[kg]);
    }
  }

  @Test
  void when_nullKey_then_npeNamesTheKeySelector() {
    // When
    var e = assertThrows(NullPointerException.class, () -> KeyGroups.assign(null, 128));

    // Then
    assertEquals("a key selector returned null; keys must not be null", e.getMessage());
  }

  private static Object copyOf(Object key) {
    if (key instanceof String s) {
      return new String(s.toCharArray());
    }
    if (key instanceof List<?> l) {
      return new java.util.ArrayList<>(l);
    }
    return key;
  }
}
