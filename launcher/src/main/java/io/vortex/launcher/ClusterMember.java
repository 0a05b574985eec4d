package io.vortex.launcher;

import io.vortex.cluster.node.ClusterNode;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a command's cluster member running until the JVM is told to stop (SIGTERM, SIGINT), then
 * leaves the cluster gracefully: Hazelcast's own shutdown hook is off under Vert.x.
 *
 * <p>Threading: {@link #runUntilStopped} blocks the command's thread; the hook runs on the JVM's.
 */
final class ClusterMember {
  /**
   * Hazelcast's own log (java.util.logging), held strongly so its level sticks. INFO prints about
   * 90 lines per start (logo, members, migrations); a user wants our ready line and warnings.
   */
  private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

  /**
   * Warns at every start that the CP subsystem is off, so CP structures would run UNSAFE. Vortex
   * uses none (no Vert.x shared-data locks or counters, no IAtomicLong, FencedLock or semaphore),
   * and turning CP on needs at least 3 members; so this one logger is raised to SEVERE, the
   * others keep the chosen level. Held strongly so its level sticks.
   */
  private static final Logger CP_SUBSYSTEM_LOG = Logger.getLogger("com.hazelcast.cp.CPSubsystem");

  private ClusterMember() {}

  /**
   * Sets Hazelcast's log level from {@code VORTEX_HAZELCAST_LOG} (a java.util.logging level
   * name, default {@code WARNING}); an unknown name is refused like a bad flag.
   */
  static void configureHazelcastLog() {
    String name = System.getenv().getOrDefault("VORTEX_HAZELCAST_LOG", "WARNING").trim();
    try {
      Level level = Level.parse(name.toUpperCase(java.util.Locale.ROOT));
      HAZELCAST_LOG.setLevel(level);
      CP_SUBSYSTEM_LOG.setLevel(level.intValue() < Level.SEVERE.intValue() ? Level.SEVERE : level);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "VORTEX_HAZELCAST_LOG must be a log level (SEVERE, WARNING, INFO, FINE, ALL, OFF), is '" + name + "'");
    }
  }

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
