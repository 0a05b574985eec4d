package io.vortex.launcher;

import io.vortex.jobmanager.grpc.JobServiceVerticle;

/**
 * A stand-in JobManager process for the {@code vortex run} tests: a mini-cluster (1 TaskManager,
 * 2 slots) with the gRPC service on a free port, printed as {@code rpc-port N}; runs until killed.
 */
public final class RpcMiniClusterMain {
  private RpcMiniClusterMain() {}

  public static void main(String[] args) {
    MiniCluster cluster = MiniCluster.startBlocking(1, 2);
    var service = new JobServiceVerticle("127.0.0.1", 0);
    cluster.vertx().deployVerticle(service).await();
    System.out.println("rpc-port " + service.actualPort());
    System.out.flush();
  }
}
