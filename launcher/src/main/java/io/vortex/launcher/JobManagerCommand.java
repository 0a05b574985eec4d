package io.vortex.launcher;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
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

  @Option(names = "--rpc-port", paramLabel = "PORT", defaultValue = "${env:VORTEX_RPC_PORT:-6123}",
      description = "The gRPC job service's port; 0 picks a free one (env VORTEX_RPC_PORT; default: ${DEFAULT-VALUE}).")
  int rpcPort;

  @Option(names = "--slot-timeout", paramLabel = "SECONDS", defaultValue = "${env:VORTEX_SLOT_TIMEOUT:-300}",
      description = "How long a job waits for enough free slots (TaskManagers to join, other jobs to end) before it fails;"
          + " 0 refuses a job that cannot start at once (env VORTEX_SLOT_TIMEOUT; default: ${DEFAULT-VALUE}).")
  long slotTimeoutSeconds;

  @Override
  public Integer call() {
    if (rpcPort < 0 || rpcPort > 65_535) {
      throw new UsageException("--rpc-port must be 0..65535, is " + rpcPort);
    }
    if (slotTimeoutSeconds < 0 || slotTimeoutSeconds > 86_400) {
      throw new UsageException("--slot-timeout must be 0..86400 seconds, is " + slotTimeoutSeconds);
    }
    var options = cluster.toOptions();
    ClusterMember.configureHazelcastLog();
    ClusterNode node = ClusterNode.start(options).await();
    var rpc = new JobServiceVerticle(options.host(), rpcPort);
    node.vertx().runOnContext(v -> node.onMembership(event -> {
      if (!event.joined()) {
        node.vertx().eventBus().send(Addresses.JOB_MANAGER, new ControlMessage.MemberLeft(event.nodeId()),
            new DeliveryOptions().setLocalOnly(true));
      }
    }));
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
