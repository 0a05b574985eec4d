package io.vortex.cluster;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.vortex.api.graph.JobGraph;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The messages JobManager, TaskManagers and clients exchange on the event bus. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface ControlMessage {
  /** Failure code of the JobManager's reply to a {@link TaskManagerHeartbeat} from a TaskManager it does not know. */
  int UNKNOWN_TASK_MANAGER = 410;

  /**
   * A TaskManager offers {@code slots} slots; the reply is an {@link Ack}. {@code nodeId} is the
   * cluster member it runs on (null in the mini-cluster): when that member leaves, so do its slots.
   * {@code dataAddress} is where its data server listens (null in the mini-cluster, whose channels
   * are all in one JVM): channels to its subtasks from other TaskManagers go there over TCP.
   */
  record RegisterTaskManager(String taskManagerId, int slots, String nodeId, DataAddress dataAddress)
      implements ControlMessage {
    public RegisterTaskManager(String taskManagerId, int slots) {
      this(taskManagerId, slots, null, null);
    }

    public RegisterTaskManager(String taskManagerId, int slots, String nodeId) {
      this(taskManagerId, slots, nodeId, null);
    }

    public RegisterTaskManager {
      Objects.requireNonNull(taskManagerId, "taskManagerId");
      if (slots < 1) {
        throw new IllegalArgumentException("a TaskManager needs at least one slot, has " + slots);
      }
      if (dataAddress != null && !dataAddress.taskManagerId().equals(taskManagerId)) {
        throw new IllegalArgumentException(
            "TaskManager " + taskManagerId + " announces the data address of " + dataAddress.taskManagerId());
      }
    }
  }

  /** A client submits a job; the reply is an {@link Ack} once it is deployed, or a failure. */
  record SubmitJob(JobGraph graph) implements ControlMessage {
    public SubmitJob {
      Objects.requireNonNull(graph, "graph");
    }
  }

  /** A client asks to cancel a job; the reply is an {@link Ack}. */
  record CancelJob(String jobId) implements ControlMessage {}

  /**
   * The JobManager deploys subtasks of execution {@code attempt} of a job (0 first; a restart
   * deploys the next) to one TaskManager. {@code placements} say where every subtask of the job
   * runs, so channels to subtasks on other TaskManagers go over TCP; it is empty when the job runs
   * on TaskManagers without a data server (the mini-cluster).
   */
  record DeployTasks(JobGraph graph, int attempt, List<TaskAssignment> tasks, List<TaskPlacement> placements)
      implements ControlMessage {
    public DeployTasks(JobGraph graph, List<TaskAssignment> tasks) {
      this(graph, 0, tasks, List.of());
    }

    public DeployTasks(JobGraph graph, List<TaskAssignment> tasks, List<TaskPlacement> placements) {
      this(graph, 0, tasks, placements);
    }

    public DeployTasks {
      if (attempt < 0) {
        throw new IllegalArgumentException("negative attempt " + attempt);
      }
      tasks = List.copyOf(tasks);
      placements = placements == null ? List.of() : List.copyOf(placements);
    }
  }

  /** Subtask {@code subtask} of vertex {@code vertexId} runs in slot {@code slot}. */
  record TaskAssignment(int vertexId, int subtask, int slot) {}

  /**
   * A TaskManager reports a subtask's new state in execution {@code attempt} of its job, with the
   * failure or its final counters. A report of another attempt than the job's current one is late
   * and ignored.
   */
  record TaskStateChanged(
      String jobId,
      int attempt,
      int vertexId,
      int subtask,
      TaskState state,
      Failure failure,
      Map<String, Long> counters)
      implements ControlMessage {
    /** A report of the job's first attempt. */
    public TaskStateChanged(String jobId, int vertexId, int subtask, TaskState state, Failure failure,
        Map<String, Long> counters) {
      this(jobId, 0, vertexId, subtask, state, failure, counters);
    }

    public TaskStateChanged {
      counters = counters == null ? Map.of() : Map.copyOf(counters);
    }
  }

  /** Why a subtask failed: the operator, and the cause as text. */
  record Failure(String operator, String causeClass, String causeMessage, String stackTrace) {}

  /**
   * Every subtask of the job finished: TaskManagers commit what their finished tasks hold
   * (sinks make their output visible) and reply with an {@link Ack}.
   */
  record CommitJob(String jobId) implements ControlMessage {}

  /** The JobManager cancels a job's subtasks on a TaskManager. */
  record CancelTasks(String jobId) implements ControlMessage {}

  /**
   * The job is over: TaskManagers release what they still hold for it (channels, and finished
   * tasks that were not committed, whose output is discarded).
   */
  record JobTerminated(String jobId) implements ControlMessage {}

  /** A client asks for the jobs the JobManager knows (running, then recently ended); the reply is {@link JobInfos}. */
  record ListJobs() implements ControlMessage {}

  /** A client asks about one job; the reply is {@link JobInfos} with it, or a failure 404. */
  record DescribeJob(String jobId) implements ControlMessage {
    public DescribeJob {
      Objects.requireNonNull(jobId, "jobId");
    }
  }

  /** What the JobManager knows of a job: its status (and why it ended), size and times. */
  record JobInfo(
      String jobId,
      String name,
      io.vortex.api.client.JobStatus status,
      String message,
      int subtasks,
      long startMillis,
      long durationMillis,
      Map<String, Long> counters) {
    public JobInfo {
      Objects.requireNonNull(jobId, "jobId");
      counters = counters == null ? Map.of() : Map.copyOf(counters);
    }
  }

  /** The reply to {@link ListJobs} and {@link DescribeJob}. */
  record JobInfos(List<JobInfo> jobs) implements ControlMessage {
    public JobInfos {
      jobs = List.copyOf(jobs);
    }
  }

  /**
   * A TaskManager fetches the jar of a job from the JobManager, from {@code offset} on; the reply
   * is a {@link JobJarChunk}, or a failure 404 when the job has no jar.
   */
  record FetchJobJar(String jobId, long offset) implements ControlMessage {
    public FetchJobJar {
      Objects.requireNonNull(jobId, "jobId");
    }
  }

  /** Bytes of a job's jar from {@code offset}; the jar has {@code size} bytes in all. */
  record JobJarChunk(String jobId, long offset, long size, byte[] bytes) implements ControlMessage {
    public JobJarChunk {
      Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof JobJarChunk c && jobId.equals(c.jobId) && offset == c.offset && size == c.size
          && java.util.Arrays.equals(bytes, c.bytes);
    }

    @Override
    public int hashCode() {
      return Objects.hash(jobId, offset, size, java.util.Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
      return "JobJarChunk[jobId=" + jobId + ", offset=" + offset + ", size=" + size + ", bytes=" + bytes.length + "]";
    }
  }

  /**
   * Cluster member {@code nodeId} left (or stopped answering heartbeats): sent on this process's
   * bus to its JobManager, which drops the member's slots and fails the jobs that used them.
   */
  record MemberLeft(String nodeId) implements ControlMessage {
    public MemberLeft {
      Objects.requireNonNull(nodeId, "nodeId");
    }
  }

  /**
   * A registered TaskManager asks the JobManager, now and then, whether it still knows it: the
   * reply is an {@link Ack}, or a failure with code {@code UNKNOWN_TASK_MANAGER} when the
   * JobManager dropped it (its member was suspected to have left) or restarted without its
   * entry, and the TaskManager then registers again.
   */
  record TaskManagerHeartbeat(String taskManagerId) implements ControlMessage {
    public TaskManagerHeartbeat {
      Objects.requireNonNull(taskManagerId, "taskManagerId");
    }
  }

  /** A positive reply. */
  record Ack(String detail) implements ControlMessage {}
}
