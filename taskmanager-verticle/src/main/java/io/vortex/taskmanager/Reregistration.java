package io.vortex.taskmanager;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.ControlMessage.RegisterTaskManager;
import io.vortex.cluster.TaskManagerDirectory;
import java.time.Duration;

/**
 * Keeps a registered TaskManager known to the JobManager. A JobManager drops a TaskManager whose
 * cluster member it saw leave; if the member was only suspected (and merged back), or the
 * JobManager restarted and its directory entry is gone, nothing would tell the TaskManager. So
 * every {@code interval} it sends a {@link ControlMessage.TaskManagerHeartbeat}; when the
 * JobManager answers that it does not know it, it puts its entry back in the directory and
 * registers again (the JobManager takes a repeated registration as the same one). No JobManager
 * (no handler) waits for the next beat: a JobManager that starts reads the directory.
 *
 * <p>Threading: confined to the context that called {@link #start} (the TaskManager verticle's).
 */
final class Reregistration {
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
  private static final System.Logger LOG = System.getLogger(Reregistration.class.getName());

  private final Vertx vertx;
  private final RegisterTaskManager registration;
  private final long intervalMillis;
  private long timer = -1;
  private boolean stopped;
  /** A beat or re-registration is under way: the next beat waits for it. */
  private boolean busy;

  Reregistration(Vertx vertx, RegisterTaskManager registration, Duration interval) {
    this.vertx = vertx;
    this.registration = registration;
    this.intervalMillis = Math.max(1, interval.toMillis());
  }

  void start() {
    timer = vertx.setPeriodic(intervalMillis, t -> beat());
  }

  void stop() {
    stopped = true;
    vertx.cancelTimer(timer);
  }

  private void beat() {
    if (busy) {
      return;
    }
    busy = true;
    var heartbeat = new ControlMessage.TaskManagerHeartbeat(registration.taskManagerId());
    vertx.eventBus()
        .request(Addresses.JOB_MANAGER, heartbeat, new DeliveryOptions().setSendTimeout(Math.max(intervalMillis, 1_000)))
        .map(reply -> (Void) null)
        .recover(e -> isUnknown(e) ? registerAgain() : Future.succeededFuture()) // no JobManager, or slow: next beat
        .onComplete(v -> busy = false);
  }

  private static boolean isUnknown(Throwable e) {
    return e instanceof ReplyException re && re.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && re.failureCode() == ControlMessage.UNKNOWN_TASK_MANAGER;
  }

  private Future<Void> registerAgain() {
    LOG.log(System.Logger.Level.WARNING, "the JobManager does not know TaskManager " + registration.taskManagerId()
        + " (it dropped it, or restarted): registering its " + registration.slots() + " slots again");
    if (stopped) {
      return Future.succeededFuture(); // the TaskManager is stopping: its entry must stay out
    }
    return TaskManagerDirectory.publish(vertx, registration)
        .compose(v -> vertx.eventBus().request(Addresses.JOB_MANAGER, registration))
        .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "registering again failed, retrying at the next heartbeat: " + e.getMessage()))
        .mapEmpty();
  }
}
