package io.vortex.taskmanager;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vortex.api.client.JobEvent;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.ControlMessage.CancelTasks;
import io.vortex.cluster.ControlMessage.DeployTasks;
import io.vortex.cluster.ControlMessage.JobTerminated;
import io.vortex.cluster.ControlMessage.TaskAssignment;
import io.vortex.cluster.ControlMessage.TaskStateChanged;
import io.vortex.cluster.JsonMessageCodec;
import io.vortex.cluster.TaskState;
import io.vortex.taskmanager.network.ChannelTransport;
import io.vortex.taskmanager.task.SlotRunner;
import io.vortex.taskmanager.task.Task;
import io.vortex.taskmanager.task.TaskFactory;
import io.vortex.taskmanager.task.TaskFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A TaskManager: offers slots to the JobManager, runs the subtasks deployed to it (each slot on
 * its own event loop) and reports their states. Wiring only: tasks run in {@link SlotRunner}s.
 */
public final class TaskManagerVerticle extends VerticleBase {
  private static final long REGISTER_RETRY_MILLIS = 100;

  private final TaskManagerConfig config;
  private final ChannelTransport transport;
  private final List<SlotRunner> slots = new ArrayList<>();

  public TaskManagerVerticle(TaskManagerConfig config, ChannelTransport transport) {
    this.config = config;
    this.transport = transport;
  }

  @Override
  public Future<?> start() {
    JsonMessageCodec.registerAll(vertx.eventBus());
    List<Future<String>> deployed = new ArrayList<>();
    List<SlotVerticle> verticles = new ArrayList<>();
    for (int i = 0; i < config.slots(); i++) {
      SlotVerticle slot = new SlotVerticle();
      verticles.add(slot);
      deployed.add(vertx.deployVerticle(slot));
    }
    vertx.eventBus().<ControlMessage>consumer(Addresses.taskManager(config.id()), this::onMessage);
    return Future.all(deployed)
        .map(v -> {
          verticles.forEach(s -> slots.add(s.runner()));
          return v;
        })
        .compose(v -> register());
  }

  /** Cancels the tasks still running, each on its slot's event loop, before the slots go. */
  @Override
  public Future<?> stop() {
    List<Future<Void>> cancelled = new ArrayList<>();
    for (SlotRunner slot : slots) {
      Promise<Void> done = Promise.promise();
      slot.context().runOnContext(v -> {
        slot.cancelAll();
        done.complete();
      });
      cancelled.add(done.future());
    }
    return Future.all(cancelled);
  }

  /** Registers with the JobManager, retrying until it answers (it may start later). */
  private Future<Void> register() {
    Promise<Void> registered = Promise.promise();
    tryRegister(registered);
    return registered.future();
  }

  private void tryRegister(Promise<Void> registered) {
    var message = new ControlMessage.RegisterTaskManager(config.id(), config.slots());
    vertx.eventBus()
        .request(Addresses.JOB_MANAGER, message, new DeliveryOptions().setSendTimeout(2_000))
        .onSuccess(reply -> registered.complete())
        .onFailure(e -> vertx.setTimer(REGISTER_RETRY_MILLIS, t -> tryRegister(registered)));
  }

  private void onMessage(Message<ControlMessage> message) {
    ControlMessage body = message.body();
    if (body instanceof DeployTasks deploy) {
      deploy(deploy);
      message.reply(new ControlMessage.Ack("deployed " + deploy.tasks().size()));
    } else if (body instanceof CancelTasks cancel) {
      for (SlotRunner slot : slots) {
        slot.context().runOnContext(v -> slot.cancel(cancel.jobId()));
      }
      message.reply(new ControlMessage.Ack("cancelling"));
    } else if (body instanceof JobTerminated terminated) {
      transport.release(terminated.jobId());
      message.reply(new ControlMessage.Ack("released"));
    } else {
      message.fail(400, "unexpected message " + body.getClass().getSimpleName());
    }
  }

  private void deploy(DeployTasks deploy) {
    String jobId = deploy.graph().jobId();
    var jobFactory =
        new TaskFactory(
            vertx,
            transport,
            (sink, subtask, records) ->
                vertx.eventBus()
                    .send(Addresses.jobEvents(jobId), new JobEvent.Collected(jobId, sink, subtask, records)),
            Thread.currentThread().getContextClassLoader());
    for (TaskAssignment assignment : deploy.tasks()) {
      SlotRunner slot = slots.get(assignment.slot());
      slot.context().runOnContext(v -> startTask(jobFactory, deploy, assignment, slot));
    }
  }

  private void startTask(TaskFactory jobFactory, DeployTasks deploy, TaskAssignment a, SlotRunner slot) {
    String jobId = deploy.graph().jobId();
    Task.Listener listener =
        (task, state, failure, counters) ->
            vertx.eventBus()
                .send(
                    Addresses.JOB_MANAGER,
                    new TaskStateChanged(jobId, a.vertexId(), a.subtask(), state, failure, counters));
    try {
      Task task = jobFactory.create(deploy.graph(), a.vertexId(), a.subtask(), slot, listener);
      vertx.eventBus()
          .send(Addresses.JOB_MANAGER, new TaskStateChanged(jobId, a.vertexId(), a.subtask(), TaskState.RUNNING, null, Map.of()));
      slot.add(task);
    } catch (Throwable e) {
      var failure = TaskFailures.of(deploy.graph(), a.vertexId(), e);
      vertx.eventBus()
          .send(Addresses.JOB_MANAGER, new TaskStateChanged(jobId, a.vertexId(), a.subtask(), TaskState.FAILED, failure, Map.of()));
    }
  }
}
