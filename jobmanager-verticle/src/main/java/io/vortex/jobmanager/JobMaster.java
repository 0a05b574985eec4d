package io.vortex.jobmanager;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobResult;
import io.vortex.api.client.JobStatus;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.graph.JobVertex;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.ControlMessage.TaskAssignment;
import io.vortex.cluster.ControlMessage.TaskStateChanged;
import io.vortex.cluster.TaskPlacement;
import io.vortex.jobmanager.scheduler.ExecutionGraph;
import io.vortex.jobmanager.scheduler.SlotPool;
import io.vortex.jobmanager.scheduler.SlotPool.SlotRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Runs one job: deploys its subtasks to the slots it was given, follows their states, and
 * tells the client how the job went. A failed subtask fails the job and cancels the rest.
 *
 * <p>Threading: confined to the JobManager's event loop.
 */
final class JobMaster {
  private final Vertx vertx;
  private final ExecutionGraph execution;
  /** The slots the job runs in: empty while it waits for them. */
  private List<SlotRef> slots = List.of();
  /** Where every subtask runs, for the data plane; empty in the mini-cluster. */
  private List<TaskPlacement> placements = List.of();
  /**
   * The execution attempt running now: deploys carry it, reports of other attempts are late and
   * ignored. Always 0 until jobs restart (fault tolerance, the next issue).
   */
  private final int attempt = 0;
  /** What the job waits for, while it waits for slots (null otherwise). */
  private String waitingFor;
  private final Consumer<JobMaster> onTerminated;
  private final long startMillis = System.currentTimeMillis();
  /** Why the job ended (null while it runs, or when it finished). */
  private String endMessage;

  JobMaster(Vertx vertx, JobGraph graph, Consumer<JobMaster> onTerminated) {
    this.vertx = vertx;
    this.execution = new ExecutionGraph(graph);
    this.onTerminated = onTerminated;
  }

  String jobId() {
    return execution.graph().jobId();
  }

  JobGraph graph() {
    return execution.graph();
  }

  /** The slots the job was deployed to (empty before). */
  List<SlotRef> slots() {
    return slots;
  }

  int slotsNeeded() {
    return execution.graph().slotsNeeded();
  }

  JobStatus status() {
    return execution.status();
  }

  /** What a client sees of the job now. */
  ControlMessage.JobInfo info() {
    String message = endMessage != null ? endMessage : waitingFor;
    return new ControlMessage.JobInfo(jobId(), execution.graph().name(), execution.status(), message,
        execution.subtaskCount(), startMillis, execution.durationMillis(), execution.counters());
  }

  /** The job waits for slots: the client sees why in a status event, and in {@link #info()}. */
  void waitForSlots(String why) {
    waitingFor = why;
    publish(new JobEvent.StatusChanged(jobId(), JobStatus.SUBMITTED, why));
  }

  /** The job waited for slots in vain: it fails with {@code cause}. */
  void failScheduling(String cause) {
    if (execution.status().isTerminal()) {
      return;
    }
    publish(new JobEvent.TaskFailed(jobId(), "scheduler", 0, "io.vortex.cluster.NotEnoughSlots", cause, null));
    terminate(JobStatus.FAILED, cause);
  }

  /**
   * Sends every TaskManager its subtasks in the job's {@code slots}; subtask i of every vertex
   * goes to slot i; {@code placements} (empty in the mini-cluster) tell the data plane where each runs.
   */
  Future<Void> deploy(List<SlotRef> slots, List<TaskPlacement> placements) {
    this.slots = List.copyOf(slots);
    this.placements = List.copyOf(placements);
    this.waitingFor = null;
    JobGraph graph = execution.graph();
    Map<String, List<TaskAssignment>> byTaskManager = new LinkedHashMap<>();
    for (JobVertex v : graph.vertices()) {
      for (int i = 0; i < v.parallelism(); i++) {
        SlotRef slot = slots.get(i);
        byTaskManager
            .computeIfAbsent(slot.taskManagerId(), k -> new ArrayList<>())
            .add(new TaskAssignment(v.id(), i, slot.slot()));
      }
    }
    publish(new JobEvent.StatusChanged(jobId(), JobStatus.SUBMITTED, "deploying " + execution.subtaskCount() + " subtasks"));
    List<Future<?>> sent = new ArrayList<>();
    byTaskManager.forEach(
        (tm, tasks) ->
            sent.add(vertx.eventBus().request(Addresses.taskManager(tm), new ControlMessage.DeployTasks(graph, attempt, tasks, placements))));
    return Future.all(sent).mapEmpty();
  }

  void onTaskState(TaskStateChanged change) {
    if (change.attempt() != attempt) {
      return; // a late report from another attempt of the job
    }
    JobStatus before = execution.status();
    JobStatus after = execution.update(change.vertexId(), change.subtask(), change.state(), change.counters());
    if (before == after) {
      return;
    }
    switch (after) {
      case RUNNING -> publish(new JobEvent.StatusChanged(jobId(), JobStatus.RUNNING, null));
      case FINISHED -> commit();
      case FAILED -> {
        var f = change.failure() != null ? change.failure() : withoutCause(change);
        publish(new JobEvent.TaskFailed(jobId(), f.operator(), change.subtask(), f.causeClass(), f.causeMessage(), f.stackTrace()));
        cancelTasks();
        terminate(JobStatus.FAILED, "operator '" + f.operator() + "' failed: " + f.causeClass()
            + (f.causeMessage() == null ? "" : ": " + f.causeMessage()));
      }
      default -> {}
    }
  }

  /** A subtask that ended without a failure of its own (cancelled by its TaskManager). */
  private ControlMessage.Failure withoutCause(TaskStateChanged change) {
    String vertex = execution.graph().vertex(change.vertexId()).name();
    return new ControlMessage.Failure(vertex, CancellationException.class.getName(),
        "subtask " + change.subtask() + " was " + change.state() + " by its TaskManager, not by the job", null);
  }

  /** Every subtask finished: asks every TaskManager to commit, then the job is FINISHED. */
  private void commit() {
    List<Future<?>> commits = new ArrayList<>();
    for (String tm : taskManagers()) {
      commits.add(vertx.eventBus().request(Addresses.taskManager(tm), new ControlMessage.CommitJob(jobId())));
    }
    Future.all(commits)
        .onSuccess(v -> terminate(JobStatus.FINISHED, null))
        .onFailure(e -> {
          publish(new JobEvent.TaskFailed(jobId(), "commit", 0, e.getClass().getName(), e.getMessage(), null));
          terminate(JobStatus.FAILED, "commit failed: " + e.getMessage());
        });
  }

  /** Cancels the job (no-op once it is over). */
  void cancel() {
    if (execution.status().isTerminal()) {
      return;
    }
    cancelTasks();
    terminate(JobStatus.CANCELED, "cancelled by the client");
  }

  /** Fails the job before or during deployment. */
  void failDeployment(Throwable cause) {
    if (execution.status().isTerminal()) {
      return;
    }
    cancelTasks();
    publish(new JobEvent.TaskFailed(jobId(), "deployment", 0, cause.getClass().getName(), cause.getMessage(), null));
    terminate(JobStatus.FAILED, "deployment failed: " + cause.getMessage());
  }

  /** A TaskManager running some of the job's subtasks left the cluster: the job fails, naming it. */
  void taskManagerLost(String taskManagerId) {
    if (execution.status().isTerminal()) {
      return;
    }
    String cause = "TaskManager " + taskManagerId + " left the cluster (its process ended or stopped answering)";
    cancelTasks();
    publish(new JobEvent.TaskFailed(jobId(), "taskmanager " + taskManagerId, 0,
        "io.vortex.cluster.TaskManagerLost", cause, null));
    terminate(JobStatus.FAILED, cause);
  }

  private void cancelTasks() {
    for (String tm : taskManagers()) {
      vertx.eventBus().send(Addresses.taskManager(tm), new ControlMessage.CancelTasks(jobId()));
    }
  }

  private void terminate(JobStatus status, String message) {
    execution.setStatus(status);
    endMessage = message;
    if (status == JobStatus.FINISHED) {
      var result = new JobResult(jobId(), execution.graph().name(), execution.durationMillis(), execution.counters());
      publish(new JobEvent.Completed(jobId(), result));
    }
    publish(new JobEvent.StatusChanged(jobId(), status, message));
    for (String tm : taskManagers()) {
      vertx.eventBus().send(Addresses.taskManager(tm), new ControlMessage.JobTerminated(jobId()));
    }
    onTerminated.accept(this);
  }

  private List<String> taskManagers() {
    return slots.stream().map(SlotRef::taskManagerId).distinct().toList();
  }

  private void publish(JobEvent event) {
    vertx.eventBus().publish(Addresses.jobEvents(jobId()), event);
  }
}
