package io.vortex.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.internal.KeyGroups;
import org.junit.jupiter.api.Test;

class KeyGroupRangeTest {

  @Test
  void when_rangesOfAllSubtasks_then_everyKeyGroupInExactlyOne() {
    for (int maxP : new int[] {1, 5, 128, 1000}) {
      for (int p = 1; p <= Math.min(maxP, 64); p++) {
        // Given
        KeyGroupRange[] ranges = new KeyGroupRange[p];
        int total = 0;
        for (int i = 0; i < p; i++) {
          ranges[i] = KeyGroupRange.of(i, maxP, p);
          total += ranges[i].size();
        }

        // When / Then
        assertEquals(maxP, total, "sizes add up for maxP=" + maxP + ", p=" + p);
        for (int kg = 0; kg < maxP; kg++) {
          int owners = 0;
          for (int i = 0; i < p; i++) {
            if (ranges[i].contains(kg)) {
              owners++;
              assertEquals(i, KeyGroups.operatorIndex(kg, maxP, p));
            }
          }
          assertEquals(1, owners, "key group " + kg + " for maxP=" + maxP + ", p=" + p);
        }
      }
    }
  }

  @Test
  void when_keyAssigned_then_ownedByTheSubtaskThatPartitionsTo() {
    // Given
    int maxP = 128;
    int p = 4;

    for (int k = 0; k < 10_000; k++) {
      // When
      int kg = KeyGroups.assign("k" + k, maxP);
      int subtask = KeyGroups.operatorIndex(kg, maxP, p);

      // Then
      assertTrue(KeyGroupRange.of(subtask, maxP, p).contains(kg));
    }
  }

  @Test
  void when_badArguments_then_rejected() {
    assertThrows(IllegalArgumentException.class, () -> KeyGroupRange.of(4, 128, 4));
    assertThrows(IllegalArgumentException.class, () -> KeyGroupRange.of(-1, 128, 4));
    assertThrows(IllegalArgumentException.class, () -> KeyGroupRange.of(0, 2, 3));
    assertThrows(IllegalArgumentException.class, () -> new KeyGroupRange(5, 3));
    assertFalse(new KeyGroupRange(0, -1).contains(0), "the empty range contains nothing");
  }
}
