package io.vortex.jobmanager;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.ControlMessage.TaskStateChanged;
import io.vortex.cluster.TaskState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Stands in for a TaskManager on the event bus: records what the JobManager tells it, acks it
 * (or fails the messages {@code refuse} matches), and reports task states when told to.
 */
final class FakeTaskManager {
  final String id;
  final List<ControlMessage> received = new CopyOnWriteArrayList<>();
  private final Vertx vertx;
  private final Predicate<ControlMessage> refuse;
  private MessageConsumer<ControlMessage> consumer;

  FakeTaskManager(Vertx vertx, String id, Predicate<ControlMessage> refuse) {
    this.vertx = vertx;
    this.id = id;
    this.refuse = refuse;
  }

  FakeTaskManager(Vertx vertx, String id) {
    this(vertx, id, m -> false);
  }

  /** Listens on its address. */
  Future<Void> start() {
    consumer = vertx.eventBus().consumer(Addresses.taskManager(id), m -> {
      received.add(m.body());
      if (refuse.test(m.body())) {
        m.fail(500, "refused " + m.body().getClass().getSimpleName());
      } else {
        m.reply(new ControlMessage.Ack("ok"));
      }
    });
    return consumer.completion();
  }

  /** Listens, then offers {@code slots} slots to the JobManager. */
  Future<Void> startAndRegister(int slots) {
    return start()
        .compose(v -> vertx.eventBus().request(Addresses.JOB_MANAGER, new ControlMessage.RegisterTaskManager(id, slots)))
        .mapEmpty();
  }

  <T extends ControlMessage> List<T> received(Class<T> type) {
    return received.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** Reports every subtask deployed here as {@code state}. */
  void reportAll(TaskState state, Map<String, Long> counters) {
    for (var deploy : received(ControlMessage.DeployTasks.class)) {
      for (var task : deploy.tasks()) {
        report(deploy.graph().jobId(), task.vertexId(), task.subtask(), state, null, counters);
      }
    }
  }

  void report(String jobId, int vertex, int subtask, TaskState state, ControlMessage.Failure failure, Map<String, Long> counters) {
    vertx.eventBus().send(Addresses.JOB_MANAGER, new TaskStateChanged(jobId, vertex, subtask, state, failure, counters));
  }
}
