package io.vortex.jobmanager.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vortex.api.client.JobStatus;
import io.vortex.cluster.TaskState;
import io.vortex.jobmanager.Graphs;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionGraphTest {
  /** Vertex 1 and 2, two subtasks each. */
  private final ExecutionGraph execution = new ExecutionGraph(Graphs.pipeline(2));

  private JobStatus report(int vertex, int subtask, TaskState state) {
    return execution.update(vertex, subtask, state, Map.of());
  }

  @Test
  void when_created_then_oneExecutionPerSubtaskAndSubmitted() {
    assertEquals(4, execution.subtaskCount());
    assertEquals(JobStatus.SUBMITTED, execution.status());
  }

  @Test
  void when_firstSubtaskRuns_then_jobRunning() {
    assertEquals(JobStatus.RUNNING, report(1, 0, TaskState.RUNNING));
    assertEquals(JobStatus.RUNNING, report(2, 1, TaskState.RUNNING));
  }

  @Test
  void when_everySubtaskFinished_then_jobFinishedWithCountersSummed() {
    // Given
    for (int v = 1; v <= 2; v++) {
      for (int s = 0; s < 2; s++) {
        report(v, s, TaskState.RUNNING);
      }
    }

    // When
    execution.update(1, 0, TaskState.FINISHED, Map.of("lines", 3L));
    execution.update(1, 1, TaskState.FINISHED, Map.of("lines", 4L, "late", 1L));
    execution.update(2, 0, TaskState.FINISHED, Map.of());
    JobStatus beforeLast = execution.status();
    JobStatus last = execution.update(2, 1, TaskState.FINISHED, Map.of("late", 2L));

    // Then
    assertEquals(JobStatus.RUNNING, beforeLast);
    assertEquals(JobStatus.FINISHED, last);
    assertEquals(Map.of("lines", 7L, "late", 3L), execution.counters());
  }

  @Test
  void when_finishedReportedTwice_then_countedOnce() {
    // Given
    report(1, 0, TaskState.RUNNING);
    execution.update(1, 0, TaskState.FINISHED, Map.of("lines", 3L));

    // When: a duplicate report (at-least-once delivery)
    execution.update(1, 0, TaskState.FINISHED, Map.of("lines", 3L));
    report(1, 1, TaskState.FINISHED);
    report(2, 0, TaskState.FINISHED);

    // Then: one subtask still runs, the counter is not doubled
    assertEquals(JobStatus.RUNNING, execution.status());
    assertEquals(Map.of("lines", 3L), execution.counters());
  }

  @Test
  void when_subtaskFails_then_jobFailedAndLaterReportsIgnored() {
    // Given
    report(1, 0, TaskState.RUNNING);

    // When
    JobStatus failed = report(2, 1, TaskState.FAILED);
    for (int v = 1; v <= 2; v++) {
      for (int s = 0; s < 2; s++) {
        report(v, s, TaskState.FINISHED);
      }
    }

    // Then
    assertEquals(JobStatus.FAILED, failed);
    assertEquals(JobStatus.FAILED, execution.status());
    assertEquals(Map.of(), execution.counters());
  }

  @Test
  void when_subtaskCancelledWhileTheJobRuns_then_jobFailed() {
    // Given: the job was not cancelled, but a TaskManager stopped and cancelled its tasks
    report(1, 0, TaskState.RUNNING);

    // When
    JobStatus status = report(1, 1, TaskState.CANCELED);

    // Then: the job cannot finish any more; it must not wait forever
    assertEquals(JobStatus.FAILED, status);
  }

  @Test
  void when_unknownSubtaskReports_then_ignored() {
    assertEquals(JobStatus.SUBMITTED, report(7, 0, TaskState.FAILED));
    assertEquals(JobStatus.SUBMITTED, report(1, 5, TaskState.FINISHED));
  }

  @Test
  void when_jobMadeTerminal_then_reportsNoLongerChangeIt() {
    // Given
    execution.setStatus(JobStatus.CANCELED);

    // When
    JobStatus status = report(1, 0, TaskState.FAILED);

    // Then
    assertEquals(JobStatus.CANCELED, status);
  }
}
