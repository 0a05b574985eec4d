package io.vortex.launcher;

import io.vertx.core.VertxOptions;
import io.vortex.cluster.node.ClusterNode;
import io.vortex.taskmanager.TaskManagerConfig;
import io.vortex.taskmanager.TaskManagerVerticle;
import io.vortex.taskmanager.network.LocalChannelTransport;
import io.vortex.taskmanager.network.tcp.NetworkConfig;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vortex taskmanager}: a TaskManager process that joins the cluster and offers its slots. */
@Command(name = "taskmanager", mixinStandardHelpOptions = true,
    description = "Runs a TaskManager: joins the cluster and offers its slots to the JobManager.")
final class TaskManagerCommand implements Callable<Integer> {
  @Mixin ClusterOptionsMixin cluster;

  @Option(names = "--slots", paramLabel = "S",
      description = "Slots offered (env VORTEX_SLOTS; default: the number of cores).")
  String slotsFlag;

  @Option(names = "--data-port", paramLabel = "PORT",
      description = "The data plane's port; 0 picks a free one (env VORTEX_DATA_PORT; default: 0).")
  String dataPortFlag;

  @Override
  public Integer call() {
    Settings.Value slots = cluster.settings().get(Setting.SLOTS, slotsFlag);
    int offered = slots.text().isEmpty() ? Runtime.getRuntime().availableProcessors() : slots.intIn(1, Integer.MAX_VALUE);
    int dataPort = cluster.settings().get(Setting.DATA_PORT, dataPortFlag).port();
    var options = cluster.toOptions();
    long started = System.nanoTime();
    ClusterMember.configureHazelcastLog();
    // Linux epoll event loops, as the mini-cluster's: their timers are precise to microseconds
    // (NIO's wait whole milliseconds, which set W4's p99 across processes) and a wakeup is cheaper.
    // Vert.x falls back to NIO where the native library does not load.
    ClusterNode node = ClusterNode.start(options, new VertxOptions().setPreferNativeTransport(true)).await();
    String id = "tm-" + UUID.randomUUID().toString().substring(0, 8);
    var config = new TaskManagerConfig(id, offered, node.nodeId(), NetworkConfig.defaults(options.host(), dataPort));
    var taskManager = new TaskManagerVerticle(config, new LocalChannelTransport());
    node.vertx().deployVerticle(taskManager)
        .onFailure(e -> node.close())
        .await();
    var data = taskManager.dataAddress();
    System.out.println("taskmanager " + id + " of cluster '" + options.clusterName() + "' offers " + offered
        + " slots, data plane at " + data.host() + ":" + data.port()
        + " (registered in " + (System.nanoTime() - started) / 1_000_000 + " ms)");
    System.out.flush();
    ClusterMember.runUntilStopped(node);
    return 0;
  }
}
