package io.vortex.taskmanager.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EndedJobIdsTest {
  @Test
  void when_moreJobsEndThanItKeeps_then_theOldestAreForgottenAndTheNewestKept() {
    // Given
    var ended = new EndedJobIds(3);

    // When
    for (int i = 0; i < 10; i++) {
      ended.add("job-" + i);
    }
    ended.add("job-8"); // again: no growth

    // Then
    assertEquals(3, ended.size());
    assertFalse(ended.contains("job-6"));
    assertTrue(ended.contains("job-7") && ended.contains("job-8") && ended.contains("job-9"));
  }
}
