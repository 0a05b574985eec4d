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
import io.vortex.jobmanager.scheduler.SlotPool;
import java.util.HashMap;
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

  private final SlotPool slotPool = new SlotPool();
  private final Map<String, JobMaster> jobs = new HashMap<>();

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
      message.reply(new ControlMessage.Ack(job == null ? "no such running job" : "cancelled"));
    } else if (body instanceof RegisterTaskManager register) {
      slotPool.register(register.taskManagerId(), register.slots());
      message.reply(new ControlMessage.Ack("registered " + register.slots() + " slots"));
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
    JobMaster job = new JobMaster(vertx, graph, slots, this::terminated);
    jobs.put(graph.jobId(), job);
    message.reply(new ControlMessage.Ack(graph.jobId()));
    job.deploy().onFailure(job::failDeployment);
  }

  private void terminated(JobMaster job) {
    jobs.remove(job.jobId());
    slotPool.release(job.jobId());
  }
}
