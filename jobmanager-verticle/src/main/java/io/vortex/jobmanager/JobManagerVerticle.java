package io.vortex.jobmanager;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vortex.api.client.InvalidJobException;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.ControlMessage.CancelJob;
import io.vortex.cluster.ControlMessage.RegisterTaskManager;
import io.vortex.cluster.ControlMessage.SubmitJob;
import io.vortex.cluster.ControlMessage.TaskStateChanged;
import io.vortex.cluster.JsonMessageCodec;
import io.vortex.cluster.TaskManagerDirectory;
import io.vortex.cluster.node.ClusterMembership;
import io.vortex.cluster.TaskPlacement;
import io.vortex.jobmanager.scheduler.SlotLeases;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.graph.JobVertex;
import io.vortex.jobmanager.scheduler.SlotPool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JobManager: accepts TaskManagers and jobs, validates and schedules jobs onto slots, and
 * hands each running job to its {@link JobMaster}. Wiring only.
 */
public final class JobManagerVerticle extends VerticleBase {
  /** Failure code of a refused job (the message says why). */
  public static final int INVALID_JOB = 400;
  /** Failure code of a job the cluster cannot run now. */
  public static final int NO_RESOURCES = 503;

  /** Failure code of a request about a job the JobManager does not know. */
  public static final int UNKNOWN_JOB = 404;
  /** Ended jobs a client can still list and describe. */
  private static final int ENDED_JOBS_KEPT = 100;

  private final SlotPool slotPool = new SlotPool();
  /** This JobManager's claim to be its cluster's only one. */
  private JobManagerClaim claim;
  private SlotLeases leases;
  private final Map<String, JobMaster> jobs = new LinkedHashMap<>();
  private final EndedJobs ended = new EndedJobs(ENDED_JOBS_KEPT);
  /** Accepted jobs waiting for free slots, oldest first. */
  private final java.util.ArrayDeque<JobMaster> waiting = new java.util.ArrayDeque<>();
  /** How long a job waits for slots; 0: a job that does not fit now is refused at once. */
  private long slotTimeoutMillis;
  /** Constructed without settings: they come from the deployment's config (the Vert.x launcher's {@code -conf}). */
  private final boolean configured;

  /**
   * A JobManager set up by its deployment's config (as the Vert.x launcher deploys it: {@code
   * -conf '{"slotTimeoutSeconds": 300}'}); without one, it refuses a job the registered slots
   * cannot run now, as the mini-cluster's does.
   */
  public JobManagerVerticle() {
    this.configured = false;
  }

  /**
   * A JobManager whose jobs wait up to {@code slotTimeout} for enough free slots (TaskManagers
   * joining, other jobs ending) before they fail; zero refuses them at once.
   */
  public JobManagerVerticle(java.time.Duration slotTimeout) {
    if (slotTimeout.isNegative()) {
      throw new IllegalArgumentException("the slot timeout must not be negative: " + slotTimeout);
    }
    this.slotTimeoutMillis = slotTimeout.toMillis();
    this.configured = true;
  }

  @Override
  public Future<?> start() {
    JsonMessageCodec.registerAll(vertx.eventBus());
    if (!configured) {
      long seconds = config().getLong("slotTimeoutSeconds", 0L);
      if (seconds < 0) {
        return Future.failedFuture(new IllegalArgumentException("slotTimeoutSeconds must not be negative: " + seconds));
      }
      slotTimeoutMillis = seconds * 1000;
    }
    leases = new SlotLeases(vertx);
    claim = new JobManagerClaim(vertx);
    return claim.acquire() // before listening: a second JobManager must not take the first's messages
        .compose(v -> {
          ClusterMembership.onMemberLeft(vertx, this::memberLeft); // a clustered JobManager: TaskManagers may vanish
          return vertx.eventBus().<ControlMessage>consumer(Addresses.JOB_MANAGER, this::onMessage).completion();
        })
        .compose(v -> TaskManagerDirectory.all(vertx))
        .onSuccess(known -> {
          // TaskManagers that registered before this JobManager started (or before it restarted)
          known.forEach(r -> slotPool.register(r.taskManagerId(), r.slots(), r.nodeId(), r.dataAddress()));
          scheduleWaiting();
        });
  }

  /** Gives the claim back, so another JobManager can start in the cluster. */
  @Override
  public Future<?> stop() {
    return claim == null ? Future.succeededFuture() : claim.release();
  }

  private void onMessage(Message<ControlMessage> message) {
    ControlMessage body = message.body();
    if (body instanceof TaskStateChanged change) {
      JobMaster job = jobs.get(change.jobId());
      if (job != null) {
        job.onTaskState(change);
      }
    } else if (body instanceof SubmitJob submit) {
      submit(submit, message);
    } else if (body instanceof CancelJob cancel) {
      JobMaster job = jobs.get(cancel.jobId());
      if (job != null) {
        job.cancel();
      }
      if (job == null && ended.get(cancel.jobId()) == null) {
        message.fail(UNKNOWN_JOB, "no job with id '" + cancel.jobId() + "'");
      } else {
        message.reply(new ControlMessage.Ack(job == null ? "already ended" : "cancelled"));
      }
    } else if (body instanceof ControlMessage.ListJobs) {
      List<ControlMessage.JobInfo> infos = new ArrayList<>();
      jobs.values().forEach(job -> infos.add(job.info()));
      infos.addAll(ended.newestFirst());
      message.reply(new ControlMessage.JobInfos(infos));
    } else if (body instanceof ControlMessage.DescribeJob describe) {
      JobMaster job = jobs.get(describe.jobId());
      var info = job != null ? job.info() : ended.get(describe.jobId());
      if (info == null) {
        message.fail(UNKNOWN_JOB, "no job with id '" + describe.jobId() + "' (running or among the last "
            + ENDED_JOBS_KEPT + " ended)");
      } else {
        message.reply(new ControlMessage.JobInfos(List.of(info)));
      }
    } else if (body instanceof RegisterTaskManager register) {
      slotPool.register(register.taskManagerId(), register.slots(), register.nodeId(), register.dataAddress());
      message.reply(new ControlMessage.Ack("registered " + register.slots() + " slots"));
      scheduleWaiting();
    } else if (body instanceof ControlMessage.TaskManagerHeartbeat beat) {
      if (slotPool.isRegistered(beat.taskManagerId())) {
        message.reply(new ControlMessage.Ack("known"));
      } else {
        message.fail(ControlMessage.UNKNOWN_TASK_MANAGER, "TaskManager " + beat.taskManagerId()
            + " is not registered here (dropped when its member was seen to leave, or this JobManager restarted): register again");
      }
    } else if (body instanceof ControlMessage.MemberLeft left) {
      memberLeft(left.nodeId());
      message.reply(new ControlMessage.Ack("member " + left.nodeId() + " removed"));
    } else {
      message.fail(INVALID_JOB, "unexpected message " + body.getClass().getSimpleName());
    }
  }

  /** Cluster member {@code nodeId} left: its TaskManagers' slots go, and the jobs that used them fail. */
  private void memberLeft(String nodeId) {
    slotPool.removeNode(nodeId).forEach((taskManagerId, jobIds) -> {
      TaskManagerDirectory.remove(vertx, taskManagerId); // it cannot take itself out any more
      jobIds.forEach(jobId -> {
        JobMaster job = jobs.get(jobId);
        if (job != null) {
          job.taskManagerLost(taskManagerId);
        }
      });
    });
  }

  private void submit(SubmitJob submit, Message<ControlMessage> message) {
    var graph = submit.graph();
    try {
      JobValidator.validate(graph);
      if (slotTimeoutMillis == 0) {
        JobValidator.checkSlots(graph, slotPool.totalSlots());
      }
    } catch (InvalidJobException e) {
      message.fail(INVALID_JOB, e.getMessage());
      return;
    }
    if (jobs.containsKey(graph.jobId())) {
      message.fail(INVALID_JOB, "a job with id " + graph.jobId() + " is already running");
      return;
    }
    if (slotTimeoutMillis == 0 && (!waiting.isEmpty() || slotPool.freeSlots() < graph.slotsNeeded())) {
      message.fail(NO_RESOURCES, "job '" + graph.name() + "' cannot start: the job needs " + graph.slotsNeeded()
          + " slots but only " + slotPool.freeSlots() + " of " + slotPool.totalSlots() + " are free now (other jobs hold the rest)");
      return;
    }
    JobMaster job = new JobMaster(vertx, graph, this::terminated);
    jobs.put(graph.jobId(), job);
    message.reply(new ControlMessage.Ack(graph.jobId()));
    waiting.add(job);
    scheduleWaiting();
    if (waiting.contains(job)) {
      job.waitForSlots("waiting for slots: " + waitingMessage(graph) + "; waiting up to " + duration(slotTimeoutMillis)
          + " for TaskManagers to join");
      vertx.setTimer(slotTimeoutMillis, t -> {
        if (waiting.remove(job)) {
          job.failScheduling("job '" + graph.name() + "' could not start within " + duration(slotTimeoutMillis) + ": "
              + waitingMessage(graph) + " (start more TaskManagers, or lower the parallelism)");
          scheduleWaiting(); // jobs queued behind it may fit
        }
      });
    }
  }

  private static String duration(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private String waitingMessage(JobGraph graph) {
    return "it needs " + graph.slotsNeeded() + " slots; " + slotPool.freeSlots() + " of the " + slotPool.totalSlots()
        + " registered are free";
  }

  /**
   * Deploys waiting jobs, first come first served, while the first fits in the free slots (a
   * wide job is not overtaken, so it cannot starve).
   */
  private void scheduleWaiting() {
    while (!waiting.isEmpty() && slotPool.freeSlots() >= waiting.peek().slotsNeeded()) {
      JobMaster job = waiting.poll();
      JobGraph graph = job.graph();
      List<SlotPool.SlotRef> slots = slotPool.allocate(graph.jobId(), graph.slotsNeeded());
      final List<TaskPlacement> placements;
      try {
        placements = placements(graph, slots);
      } catch (IllegalStateException e) {
        job.failDeployment(e);
        continue;
      }
      leases.acquire(graph.jobId(), slots)
          .compose(v -> job.status().isTerminal()
              ? leases.release(graph.jobId(), slots) // cancelled while its slots were being leased
              : job.deploy(slots, placements))
          .onFailure(job::failDeployment);
    }
  }

  /**
   * Where each subtask runs, by the data addresses of its slots' TaskManagers (subtask i of every
   * vertex in slot i). Empty when the job stays on one TaskManager without a data server (the
   * mini-cluster: all channels are in-memory); a job spread over TaskManagers of which some have
   * no data server cannot run.
   */
  private List<TaskPlacement> placements(JobGraph graph, List<SlotPool.SlotRef> slots) {
    List<String> taskManagers = slots.stream().map(SlotPool.SlotRef::taskManagerId).distinct().toList();
    List<String> withoutAddress = taskManagers.stream().filter(tm -> slotPool.dataAddress(tm) == null).toList();
    if (withoutAddress.size() == taskManagers.size()) {
      return List.of();
    }
    if (!withoutAddress.isEmpty()) {
      throw new IllegalStateException("TaskManagers " + withoutAddress + " have no data server, so their subtasks cannot "
          + "exchange records with those on other TaskManagers");
    }
    List<TaskPlacement> placements = new ArrayList<>();
    for (JobVertex v : graph.vertices()) {
      for (int i = 0; i < v.parallelism(); i++) {
        placements.add(new TaskPlacement(v.id(), i, slotPool.dataAddress(slots.get(i).taskManagerId())));
      }
    }
    return placements;
  }

  private void terminated(JobMaster job) {
    jobs.remove(job.jobId());
    waiting.remove(job);
    ended.add(job.info());
    slotPool.release(job.jobId());
    leases.release(job.jobId(), job.slots());
    scheduleWaiting();
  }
}
