package io.vortex.launcher;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vortex.api.client.JobClient;
import io.vortex.api.client.JobExecutor;
import io.vortex.api.graph.JobGraph;
import io.vortex.cluster.client.EventBusJobClient;
import io.vortex.jobmanager.JobManagerVerticle;
import io.vortex.taskmanager.TaskManagerConfig;
import io.vortex.taskmanager.TaskManagerVerticle;
import io.vortex.taskmanager.network.LocalChannelTransport;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * A JobManager and N TaskManagers in one JVM, talking over the event bus through the same
 * messages as the distributed version; tasks exchange records over in-memory channels.
 *
 * <p>Threading: thread-safe; immutable after start.
 */
public final class MiniCluster implements JobExecutor, AutoCloseable {
  private final Vertx vertx;
  private final List<String> taskManagerDeployments;
  private final int taskManagers;
  private final int slotsPerTaskManager;

  private MiniCluster(Vertx vertx, List<String> taskManagerDeployments, int taskManagers, int slotsPerTaskManager) {
    this.vertx = vertx;
    this.taskManagerDeployments = List.copyOf(taskManagerDeployments);
    this.taskManagers = taskManagers;
    this.slotsPerTaskManager = slotsPerTaskManager;
  }

  /** Starts a mini-cluster; completes once every TaskManager has registered its slots. */
  public static Future<MiniCluster> start(int taskManagers, int slotsPerTaskManager) {
    if (taskManagers < 1) {
      throw new IllegalArgumentException("at least one TaskManager is needed, was " + taskManagers);
    }
    if (slotsPerTaskManager < 1) {
      throw new IllegalArgumentException("at least one slot per TaskManager is needed, was " + slotsPerTaskManager);
    }
    int loops = Math.max(2, Math.min(taskManagers * slotsPerTaskManager, 4 * Runtime.getRuntime().availableProcessors()));
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(true));
    var transport = new LocalChannelTransport();
    var deployments = new CopyOnWriteArrayList<String>();
    Future<?> started = vertx.deployVerticle(new JobManagerVerticle());
    for (int i = 0; i < taskManagers; i++) {
      var config = new TaskManagerConfig("tm-" + i, slotsPerTaskManager);
      started = started
          .compose(v -> vertx.deployVerticle(new TaskManagerVerticle(config, transport)))
          .onSuccess(deployments::add);
    }
    return started
        .map(v -> new MiniCluster(vertx, deployments, taskManagers, slotsPerTaskManager))
        .recover(e -> vertx.close().transform(c -> Future.failedFuture(e)));
  }

  /** Starts a mini-cluster and waits for it (not on an event loop). */
  public static MiniCluster startBlocking(int taskManagers, int slotsPerTaskManager) {
    return start(taskManagers, slotsPerTaskManager).await();
  }

  @Override
  public JobClient submit(JobGraph graph) {
    return EventBusJobClient.submit(vertx, graph);
  }

  @Override
  public int totalSlots() {
    return taskManagers * slotsPerTaskManager;
  }

  public Vertx vertx() {
    return vertx;
  }

  /** Stops the TaskManagers first, so no task reports to a JobManager that is already gone. */
  @Override
  public void close() {
    Future.join(taskManagerDeployments.stream().map(vertx::undeploy).toList())
        .transform(v -> vertx.close())
        .await();
  }
}
