package io.vortex.launcher;

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

  @Option(names = "--slots", paramLabel = "S", defaultValue = "${env:VORTEX_SLOTS:-0}",
      description = "Slots offered (env VORTEX_SLOTS; default: the number of cores).")
  int slots;

  @Option(names = "--data-port", paramLabel = "PORT", defaultValue = "${env:VORTEX_DATA_PORT:-0}",
      description = "The data plane's port; 0 picks a free one (env VORTEX_DATA_PORT; default: ${DEFAULT-VALUE}).")
  int dataPort;

  @Override
  public Integer call() {
    if (slots < 0) {
      throw new UsageException("--slots must be at least 1, is " + slots);
    }
    if (dataPort < 0 || dataPort > 65_535) {
      throw new UsageException("--data-port must be 0..65535, is " + dataPort);
    }
    int offered = slots == 0 ? Runtime.getRuntime().availableProcessors() : slots;
    var options = cluster.toOptions();
    long started = System.nanoTime();
    ClusterMember.configureHazelcastLog();
    ClusterNode node = ClusterNode.start(options).await();
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
