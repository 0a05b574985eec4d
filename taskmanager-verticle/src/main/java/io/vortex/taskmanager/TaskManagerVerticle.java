package io.vortex.taskmanager;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vortex.api.client.JobEvent;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.DataAddress;
import io.vortex.cluster.ControlMessage.CancelTasks;
import io.vortex.cluster.ControlMessage.DeployTasks;
import io.vortex.cluster.ControlMessage.JobTerminated;
import io.vortex.cluster.ControlMessage.TaskAssignment;
import io.vortex.cluster.ControlMessage.TaskStateChanged;
import io.vortex.cluster.JsonMessageCodec;
import io.vortex.cluster.TaskManagerDirectory;
import io.vortex.cluster.node.ClusterMembership;
import io.vortex.cluster.TaskState;
import io.vortex.taskmanager.network.ChannelTransport;
import io.vortex.taskmanager.network.EndedJobIds;
import io.vortex.taskmanager.network.LocalChannelTransport;
import io.vortex.taskmanager.network.tcp.NetworkChannelTransport;
import io.vortex.taskmanager.task.PendingCloses;
import io.vortex.taskmanager.task.SlotRunner;
import io.vortex.taskmanager.task.Task;
import io.vortex.taskmanager.task.TaskFactory;
import io.vortex.taskmanager.task.TaskFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Queue;

/**
 * A TaskManager: offers slots to the JobManager, runs the subtasks deployed to it (each slot on
 * its own event loop) and reports their states. Wiring only: tasks run in {@link SlotRunner}s.
 */
public final class TaskManagerVerticle extends VerticleBase {
  private static final long REGISTER_RETRY_MILLIS = 100;
  private static final long REGISTER_TIMEOUT_MILLIS = 30_000;
  /** Longest wait in stop for what closed tasks left running (file closes take microseconds). */
  private static final long CLOSE_WAIT_MILLIS = 10_000;
  /**
   * Collected records wait for the client's reply (its credit) as long as the client takes to
   * read: a job whose client does not read is held back, as a slow sink holds it.
   */
  private static final DeliveryOptions UNTIL_READ = new DeliveryOptions().setSendTimeout(Long.MAX_VALUE);

  /** Registers again when the JobManager forgot this TaskManager; runs once the first registration is through. */
  private Reregistration reregistration;
  /** Its settings: given, or (deployed by the Vert.x launcher) read from the deployment's config at start. */
  private TaskManagerConfig config;
  /** The given transport, or the network transport wrapping it once the data server is up. */
  private ChannelTransport transport;
  private volatile DataAddress dataAddress;
  private final List<SlotRunner> slots = new ArrayList<>();
  /** Work closed tasks left running (file closes, reads in flight): stop waits for it. */
  private final PendingCloses closing = new PendingCloses();
  private JobClassLoaders classLoaders;
  /** Finished tasks waiting for their job to commit, by job. Filled from slot threads. */
  private final Map<String, Queue<FinishedTask>> awaitingCommit =
      new ConcurrentHashMap<>();

  /**
   * Jobs cancelled here (the newest): a task of theirs whose start was still queued on its slot
   * when the cancel ran must not start, or it would run to its end and keep its in-progress files.
   */
  private final EndedJobIds cancelledJobs = new EndedJobIds();

  /** A finished task and the slot whose event loop owns it. */
  private record FinishedTask(SlotRunner slot, Task task) {}

  public TaskManagerVerticle(TaskManagerConfig config, ChannelTransport transport) {
    this.config = java.util.Objects.requireNonNull(config, "config");
    this.transport = java.util.Objects.requireNonNull(transport, "transport");
  }

  /**
   * A TaskManager set up by its deployment's config, as the Vert.x launcher deploys it ({@code
   * VertxApplication io.vortex.taskmanager.TaskManagerVerticle -cluster -conf '{"slots": 2}'}):
   * {@code id} (default {@code tm-} and a random suffix), {@code slots} (default: the cores),
   * {@code host} and {@code dataPort} of its data server (default 127.0.0.1 and 0, any free
   * port; clustered Vert.x only). It prints a ready line once registered.
   */
  public TaskManagerVerticle() {}

  @Override
  public Future<?> start() {
    if (config == null) {
      try {
        config = fromDeploymentConfig();
      } catch (RuntimeException e) {
        return Future.failedFuture(new IllegalArgumentException("bad TaskManager config " + config() + ": " + e.getMessage(), e));
      }
      transport = new LocalChannelTransport();
      return startConfigured().onSuccess(v -> System.out.println("taskmanager " + config.id() + " offers " + config.slots()
          + " slots" + (dataAddress == null ? "" : ", data plane at " + dataAddress.host() + ":" + dataAddress.port())));
    }
    return startConfigured();
  }

  private TaskManagerConfig fromDeploymentConfig() {
    var c = config();
    String id = c.getString("id", "tm-" + java.util.UUID.randomUUID().toString().substring(0, 8));
    int slots = c.getInteger("slots", Runtime.getRuntime().availableProcessors());
    var network = vertx.isClustered()
        ? io.vortex.taskmanager.network.tcp.NetworkConfig.defaults(c.getString("host", "127.0.0.1"), c.getInteger("dataPort", 0))
        : null;
    return new TaskManagerConfig(id, slots, ClusterMembership.nodeId(vertx), network);
  }

  private Future<Void> startConfigured() {
    classLoaders = new JobClassLoaders(vertx, Thread.currentThread().getContextClassLoader());
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
        .compose(v -> startDataPlane())
        .compose(v -> register());
  }

  /** With a network config: the data server, and channels to other TaskManagers over TCP. */
  private Future<Void> startDataPlane() {
    if (config.network() == null) {
      return Future.succeededFuture();
    }
    if (!(transport instanceof LocalChannelTransport local)) {
      return Future.failedFuture(new IllegalStateException("a TaskManager with a data server wraps a LocalChannelTransport"));
    }
    // The connections live on the first slot's event loop: a frame a task there sends, the
    // credit it returns and the frame it receives then need no hand-over to another thread
    // (each was a thread wakeup, several per frame, most of the CPU a record crossing TCP cost
    // at low rates), and the TaskManager's other loops stay free for the control plane.
    Context connections = slots.isEmpty() ? vertx.getOrCreateContext() : slots.get(0).context();
    var network = new NetworkChannelTransport(vertx, connections, config.id(), config.network(), local);
    transport = network;
    return network.start().onSuccess(address -> dataAddress = address).mapEmpty();
  }

  /** Where other TaskManagers reach this one's data server; null without one. */
  public DataAddress dataAddress() {
    return dataAddress;
  }

  /**
   * Cancels the tasks still running and closes those waiting to commit, each on its slot's event
   * loop, before the slots go: once stopped, no task holds an open file or an in-progress one, and
   * no file close or read they started is still to complete on a loop that Vert.x would close.
   */
  @Override
  public Future<?> stop() {
    if (reregistration != null) {
      reregistration.stop(); // before its directory entry goes: a beat must not put it back
    }
    List<Future<Void>> closed = new ArrayList<>();
    for (SlotRunner slot : slots) {
      Promise<Void> done = Promise.promise();
      slot.context().runOnContext(v -> {
        slot.cancelAll();
        done.complete();
      });
      closed.add(done.future());
    }
    for (String jobId : List.copyOf(awaitingCommit.keySet())) {
      closed.add(abort(jobId));
    }
    return Future.all(closed)
        .compose(v -> closing.drained(vertx, CLOSE_WAIT_MILLIS))
        .compose(v -> TaskManagerDirectory.remove(vertx, config.id()).otherwiseEmpty())
        .compose(v -> transport instanceof NetworkChannelTransport network ? network.close() : Future.succeededFuture());
  }

  /**
   * Puts this TaskManager in the cluster's directory and, at the same time, registers with the
   * JobManager, retrying until it answers (it may start later). The directory serves a JobManager
   * that starts later, which this registration reaches too, so neither waits for the other: each
   * is a first Hazelcast or event-bus round trip of a JVM just started, a second or more each.
   */
  private Future<Void> register() {
    var registration = new ControlMessage.RegisterTaskManager(config.id(), config.slots(), config.nodeId(), dataAddress);
    Promise<Void> registered = Promise.promise();
    Future<Void> published = TaskManagerDirectory.publish(vertx, registration);
    tryRegister(registration, registered);
    return Future.all(published, registered.future()).<Void>mapEmpty().onSuccess(v -> keepRegistered(registration));
  }

  /** From now on, registers again whenever the JobManager says it does not know this TaskManager. */
  private void keepRegistered(ControlMessage.RegisterTaskManager registration) {
    reregistration = new Reregistration(vertx, registration, Reregistration.DEFAULT_INTERVAL);
    reregistration.start();
  }

  /**
   * Asks again soon while no JobManager listens (no handlers: it may start later), and waits long
   * for one that does: the first request over a new event-bus connection can take seconds on a
   * busy host, and resending after a short timeout only queued more requests behind it.
   */
  private void tryRegister(ControlMessage.RegisterTaskManager message, Promise<Void> registered) {
    vertx.eventBus()
        .request(Addresses.JOB_MANAGER, message, new DeliveryOptions().setSendTimeout(REGISTER_TIMEOUT_MILLIS))
        .onSuccess(reply -> registered.complete())
        .onFailure(e -> vertx.setTimer(REGISTER_RETRY_MILLIS, t -> tryRegister(message, registered)));
  }

  private void onMessage(Message<ControlMessage> message) {
    ControlMessage body = message.body();
    if (body instanceof DeployTasks deploy) {
      deploy(deploy);
      message.reply(new ControlMessage.Ack("deployed " + deploy.tasks().size()));
    } else if (body instanceof CancelTasks cancel) {
      cancel(cancel.jobId());
      message.reply(new ControlMessage.Ack("cancelling"));
    } else if (body instanceof ControlMessage.CommitJob commit) {
      commit(commit.jobId())
          .onSuccess(v -> message.reply(new ControlMessage.Ack("committed")))
          .onFailure(e -> message.fail(500, e.getMessage()));
    } else if (body instanceof JobTerminated terminated) {
      transport.release(terminated.jobId());
      cancel(terminated.jobId()).onComplete(v -> classLoaders.release(terminated.jobId()));
      message.reply(new ControlMessage.Ack("released"));
    } else {
      message.fail(400, "unexpected message " + body.getClass().getSimpleName());
    }
  }

  /** Commits the job's finished tasks, each on its slot's event loop. */
  private Future<Void> commit(String jobId) {
    var finished = awaitingCommit.remove(jobId);
    if (finished == null) {
      return Future.succeededFuture();
    }
    List<Future<Void>> commits = new ArrayList<>();
    for (FinishedTask f : finished) {
      Promise<Void> done = Promise.promise();
      f.slot().context().runOnContext(v -> f.task().commit().onComplete(done));
      commits.add(done.future());
    }
    return Future.all(commits).mapEmpty();
  }

  /**
   * Cancels the job's running tasks on their slots, then closes its finished ones without a
   * commit. In that order: a task may finish on its slot until the slot's cancel ran, and a
   * task that finished after the abort would keep its in-progress files until the TaskManager
   * stops.
   */
  private Future<Void> cancel(String jobId) {
    cancelledJobs.add(jobId); // before the slots' cancels are queued: a start queued after them sees it
    List<Future<Void>> cancelled = new ArrayList<>();
    for (SlotRunner slot : slots) {
      Promise<Void> done = Promise.promise();
      slot.context().runOnContext(v -> {
        slot.cancel(jobId);
        done.complete();
      });
      cancelled.add(done.future());
    }
    return Future.all(cancelled).compose(v -> abort(jobId));
  }

  /** Closes the job's finished tasks without committing: their output is discarded. */
  private Future<Void> abort(String jobId) {
    var finished = awaitingCommit.remove(jobId);
    if (finished == null) {
      return Future.succeededFuture();
    }
    List<Future<Void>> aborted = new ArrayList<>();
    for (FinishedTask f : finished) {
      Promise<Void> done = Promise.promise();
      f.slot().context().runOnContext(v -> {
        f.task().abort();
        done.complete();
      });
      aborted.add(done.future());
    }
    return Future.all(aborted).mapEmpty();
  }

  /** Starts the job's tasks once its class loader is ready (its jar fetched, if it has one). */
  private void deploy(DeployTasks deploy) {
    String jobId = deploy.graph().jobId();
    classLoaders.forJob(jobId).onComplete(loader -> {
      if (classLoaders.isReleased(jobId) || cancelledJobs.contains(jobId)) {
        return; // the job ended while its jar was on its way
      }
      if (loader.failed()) {
        failAll(deploy, loader.cause());
        return;
      }
      try {
        transport.placeJob(deploy.graph(), deploy.attempt(), deploy.placements(), loader.result());
      } catch (RuntimeException e) { // e.g. more remote channels than the network memory holds
        failAll(deploy, e);
        return;
      }
      startTasks(deploy, loader.result());
    });
  }

  /** The deployed tasks cannot start: each is reported failed with the cause. */
  private void failAll(DeployTasks deploy, Throwable cause) {
    String jobId = deploy.graph().jobId();
    for (TaskAssignment a : deploy.tasks()) {
      var failure = TaskFailures.of(deploy.graph(), a.vertexId(), cause);
      vertx.eventBus().send(Addresses.JOB_MANAGER,
          new TaskStateChanged(jobId, deploy.attempt(), a.vertexId(), a.subtask(), TaskState.FAILED, failure, Map.of()));
    }
  }

  private void startTasks(DeployTasks deploy, ClassLoader loader) {
    String jobId = deploy.graph().jobId();
    var jobFactory =
        new TaskFactory(
            vertx,
            transport,
            (sink, subtask, records) ->
                vertx.eventBus()
                    .request(Addresses.jobEvents(jobId), new JobEvent.Collected(jobId, sink, subtask, records), UNTIL_READ)
                    .mapEmpty(),
            loader,
            deploy.attempt(),
            closing);
    for (TaskAssignment assignment : deploy.tasks()) {
      SlotRunner slot = slots.get(assignment.slot());
      slot.context().runOnContext(v -> startTask(jobFactory, deploy, assignment, slot));
    }
  }

  private void startTask(TaskFactory jobFactory, DeployTasks deploy, TaskAssignment a, SlotRunner slot) {
    String jobId = deploy.graph().jobId();
    if (cancelledJobs.contains(jobId)) {
      return; // cancelled while this start waited for the slot: the slot's cancel has run already
    }
    Task.Listener listener =
        (task, state, failure, counters) -> {
          if (state == TaskState.FAILED) {
            transport.failTask(
                jobId, a.vertexId(), a.subtask(), failure == null ? "failed" : failure.causeClass() + ": " + failure.causeMessage());
          }
          if (state == TaskState.FINISHED) {
            awaitingCommit
                .computeIfAbsent(jobId, k -> new ConcurrentLinkedQueue<>())
                .add(new FinishedTask(slot, task));
          }
          vertx.eventBus()
              .send(
                  Addresses.JOB_MANAGER,
                  new TaskStateChanged(jobId, deploy.attempt(), a.vertexId(), a.subtask(), state, failure, counters));
        };
    try {
      Task task = jobFactory.create(deploy.graph(), a.vertexId(), a.subtask(), slot, listener);
      vertx.eventBus()
          .send(Addresses.JOB_MANAGER, new TaskStateChanged(jobId, deploy.attempt(), a.vertexId(), a.subtask(), TaskState.RUNNING, null, Map.of()));
      slot.add(task);
    } catch (Throwable e) {
      var failure = TaskFailures.of(deploy.graph(), a.vertexId(), e);
      vertx.eventBus()
          .send(Addresses.JOB_MANAGER, new TaskStateChanged(jobId, deploy.attempt(), a.vertexId(), a.subtask(), TaskState.FAILED, failure, Map.of()));
    }
  }
}
