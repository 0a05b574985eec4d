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
import io.vortex.cluster.TaskPlacement;
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
  private final Map<String, JobMaster> jobs = new LinkedHashMap<>();
  private final EndedJobs ended = new EndedJobs(ENDED_JOBS_KEPT);

  @Override
  public Future<?> start() {
    JsonMessageCodec.registerAll(vertx.eventBus());
    return vertx.eventBus().<ControlMessage>consumer(Addresses.JOB_MANAGER, this::onMessage).completion();
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
    } else if (body instanceof ControlMessage.MemberLeft left) {
      slotPool.removeNode(left.nodeId()).forEach((taskManagerId, jobIds) -> jobIds.forEach(jobId -> {
        JobMaster job = jobs.get(jobId);
        if (job != null) {
          job.taskManagerLost(taskManagerId);
        }
      }));
      message.reply(new ControlMessage.Ack("member " + left.nodeId() + " removed"));
    } else {
      message.fail(INVALID_JOB, "unexpected message " + body.getClass().getSimpleName());
    }
  }

  private void submit(SubmitJob submit, Message<ControlMessage> message) {
    var graph = submit.graph();
    try {
      JobValidator.validate(graph, slotPool.totalSlots());
    } catch (InvalidJobException e) {
      message.fail(INVALID_JOB, e.getMessage());
      return;
    }
    if (jobs.containsKey(graph.jobId())) {
      message.fail(INVALID_JOB, "a job with id " + graph.jobId() + " is already running");
      return;
    }
    final java.util.List<SlotPool.SlotRef> slots;
    try {
      slots = slotPool.allocate(graph.jobId(), graph.slotsNeeded());
    } catch (IllegalStateException e) {
      message.fail(NO_RESOURCES, "job '" + graph.name() + "' cannot start: " + e.getMessage());
      return;
    }
    final List<TaskPlacement> placements;
    try {
      placements = placements(graph, slots);
    } catch (IllegalStateException e) {
      slotPool.release(graph.jobId());
      message.fail(NO_RESOURCES, "job '" + graph.name() + "' cannot start: " + e.getMessage());
      return;
    }
    JobMaster job = new JobMaster(vertx, graph, slots, placements, this::terminated);
    jobs.put(graph.jobId(), job);
    message.reply(new ControlMessage.Ack(graph.jobId()));
    job.deploy().onFailure(job::failDeployment);
  }

  /**
   * Where each subtask runs, by the data addresses of its slots' TaskManagers (subtask i of every
   * vertex in slot i). Empty when the job stays on one TaskManager without a data server (the
   * mini-cluster: all channels are in-memory); a job spread over TaskManagers of which some have
   * no data server cannot run.
   */
  private List<TaskPlacement> placements(JobGraph graph, List<SlotPool.SlotRef> slots) {
    List<String> withoutAddress = slots.stream().map(SlotPool.SlotRef::taskManagerId).distinct()
        .filter(tm -> slotPool.dataAddress(tm) == null).toList();
    if (withoutAddress.size() == slots.stream().map(SlotPool.SlotRef::taskManagerId).distinct().count()) {
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
    ended.add(job.info());
    slotPool.release(job.jobId());
  }
}
