package io.vortex.launcher;

/**
 * System properties a {@code vortex} process sets for itself before any library reads them, each
 * only where the user left it unset ({@code -Dname=value} in {@code VORTEX_JAVA_OPTS} wins).
 *
 * <p>Threading: {@link #apply} runs first thing on the main thread.
 */
final class JvmDefaults {
  /**
   * Netty 4.2 declares JFR events for its buffer allocators. The first pooled buffer (a cluster
   * member's first event-bus message) then loads and registers them with the JVM's flight
   * recorder, whether or not a recording runs: about 0.4-0.9 s on the event loop of every
   * starting TaskManager, JobManager and client, measured with {@code jmh/cluster-startup.sh}.
   * Netty's allocator events are for profiling Netty itself; JFR recordings work without them.
   */
  static final String NETTY_JFR = "io.netty.jfr.enabled";

  private JvmDefaults() {}

  static void apply() {
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
  }
}
