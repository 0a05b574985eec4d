package io.vortex.launcher;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While the command runs, SIGINT (Ctrl-C) and SIGTERM cancel its jobs rather than kill them
 * mid-write: a shutdown hook cancels the running jobs, then holds the JVM until the command's
 * thread has stopped the mini-cluster (so every in-progress file is removed) and said so. The JVM
 * then exits with the signal's usual status, 130 or 143.
 *
 * <p>Threading: thread-safe: the hook thread and the command's thread meet in the synchronized
 * accessors and the latch.
 */
final class StopOnSignal implements AutoCloseable {
  /** How long the hook holds the JVM for the command to clean up. */
  private static final long CLEANUP_SECONDS = 30;

  private final CountDownLatch cleanedUp = new CountDownLatch(1);
  private final Thread hook = new Thread(this::onSignal, "vortex-stop-on-signal");
  private RunningJobs jobs;
  private boolean stopping;
  private List<String> cancelled = List.of();

  StopOnSignal() {
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** The jobs to cancel on a signal; returns them. */
  synchronized RunningJobs watch(RunningJobs running) {
    this.jobs = running;
    if (stopping) {
      cancelled = running.cancelAll();
    }
    return running;
  }

  private void onSignal() {
    synchronized (this) {
      stopping = true;
      if (jobs != null) {
        cancelled = jobs.cancelAll();
      }
      if (cancelled.isEmpty()) {
        return; // nothing was running, so nothing to clean up (and a main may be in System.exit)
      }
    }
    try {
      if (!cleanedUp.await(CLEANUP_SECONDS, TimeUnit.SECONDS)) {
        System.err.println("vortex: interrupted: gave up waiting for the jobs to clean up after " + CLEANUP_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True once a signal asked the process to stop. */
  synchronized boolean stopping() {
    return stopping;
  }

  /** The jobs the signal cancelled, for the message. */
  synchronized String cancelledJobs() {
    return cancelled.isEmpty() ? "the job"
        : cancelled.size() == 1 ? "job '" + cancelled.get(0) + "'"
        : "jobs " + String.join(", ", cancelled.stream().map(n -> "'" + n + "'").toList());
  }

  /** The command has cleaned up: lets a pending shutdown go on, or uninstalls the hook. */
  @Override
  public void close() {
    cleanedUp.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it returns now, and the JVM exits
    }
  }
}
