package io.vortex.launcher;

import io.vortex.cluster.node.ClusterNode;
import io.vortex.jobmanager.JobManagerVerticle;
import io.vortex.jobmanager.grpc.JobServiceVerticle;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vortex jobmanager}: a JobManager process that joins the cluster and serves jobs over gRPC. */
@Command(name = "jobmanager", mixinStandardHelpOptions = true,
    description = "Runs a JobManager: joins the cluster, takes TaskManagers' slots, serves the gRPC job service.")
final class JobManagerCommand implements Callable<Integer> {
  @Mixin ClusterOptionsMixin cluster;

  @Option(names = "--rpc-port", paramLabel = "PORT",
      description = "The gRPC job service's port; 0 picks a free one (env VORTEX_RPC_PORT; default: 6123).")
  String rpcPortFlag;

  @Option(names = "--slot-timeout", paramLabel = "SECONDS",
      description = "How long a job waits for enough free slots (TaskManagers to join, other jobs to end) before it fails;"
          + " 0 refuses a job that cannot start at once (env VORTEX_SLOT_TIMEOUT; default: 300).")
  String slotTimeoutFlag;

  @Option(names = "--rpc-buffer", paramLabel = "MIB",
      description = "How many MiB of a job's collected results the job service holds for its gRPC clients (sent or not,"
          + " while they read slowly) before the job's collect sinks wait for them (env VORTEX_RPC_BUFFER; default: 8).")
  String rpcBufferFlag;

  @Override
  public Integer call() {
    int rpcPort = cluster.settings().get(Setting.RPC_PORT, rpcPortFlag).port();
    long slotTimeoutSeconds = cluster.settings().get(Setting.SLOT_TIMEOUT, slotTimeoutFlag).intIn(0, 86_400);
    int rpcBufferMiB = cluster.settings().get(Setting.RPC_BUFFER, rpcBufferFlag).intIn(1, 4096);
    var options = cluster.toOptions();
    ClusterMember.configureHazelcastLog();
    ClusterNode node = ClusterNode.start(options).await();
    var rpc = new JobServiceVerticle(options.host(), rpcPort, rpcBufferMiB);
    node.vertx().deployVerticle(new JobManagerVerticle(java.time.Duration.ofSeconds(slotTimeoutSeconds)))
        .compose(id -> node.vertx().deployVerticle(rpc))
        .onFailure(e -> node.close())
        .await();
    System.out.println("jobmanager " + node.nodeId() + " of cluster '" + options.clusterName()
        + "' serves jobs at " + options.host() + ":" + rpc.actualPort());
    System.out.flush();
    ClusterMember.runUntilStopped(node);
    return 0;
  }
}
