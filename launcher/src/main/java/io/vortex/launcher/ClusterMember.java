package io.vortex.launcher;

import io.vortex.cluster.node.ClusterNode;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a command's cluster member running until the JVM is told to stop (SIGTERM, SIGINT), then
 * leaves the cluster gracefully: Hazelcast's own shutdown hook is off under Vert.x.
 *
 * <p>Threading: {@link #runUntilStopped} blocks the command's thread; the hook runs on the JVM's.
 */
final class ClusterMember {
  private ClusterMember() {}

  static void runUntilStopped(ClusterNode node) {
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      try {
        node.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("vortex: leaving the cluster failed: " + e);
      } finally {
        closed.countDown();
      }
    }, "vortex-leave-cluster");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
