package io.vortex.launcher;

import io.vortex.api.client.JobCancelledException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vortex local}: runs an example or a job class on an embedded mini-cluster. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a job on an embedded mini-cluster (one JobManager and N TaskManagers in this JVM).",
      "Run an example with --example NAME --input PATH --output PATH, or a job class with --job CLASS [-- ARGS...].",
      "Examples: wordcount, fraud-detection, monitoring."
    },
    sortOptions = false)
final class LocalCommand implements Callable<Integer> {
  /** Returned when a signal cancelled the job; the JVM exits with the signal's status (130, 143). */
  static final int INTERRUPTED = 130;

  @Option(names = "--taskmanagers", paramLabel = "N", defaultValue = "1",
      description = "TaskManagers to start (default: ${DEFAULT-VALUE}).")
  int taskManagers;

  @Option(names = "--slots", paramLabel = "S",
      description = "Slots per TaskManager (default: the number of cores, or enough for --parallelism).")
  Integer slots;

  @Mixin JobOptions job = new JobOptions();

  @Override
  public Integer call() throws Exception {
    checkTopology();
    Integer parallelism = job.parallelism;
    int totalNeeded = parallelism == null ? 0 : parallelism;
    int slotsPerTm = slots != null ? slots
        : Math.max(Runtime.getRuntime().availableProcessors(), (totalNeeded + taskManagers - 1) / taskManagers);
    JobOptions.Checked checked = job.check(p -> p > 0 ? p : taskManagers * slotsPerTm);
    try (StopOnSignal signals = new StopOnSignal()) {
      try (MiniCluster cluster = MiniCluster.startBlocking(taskManagers, slotsPerTm)) {
        return job.run(signals.watch(new RunningJobs(cluster)), checked);
      } catch (JobCancelledException e) {
        if (!signals.stopping()) {
          throw e;
        }
        // the mini-cluster has stopped: every task is closed and its in-progress files removed
        System.err.println("vortex: interrupted: cancelled " + signals.cancelledJobs()
            + "; in-progress files removed, the output path is as it was");
        return INTERRUPTED;
      }
    }
  }

  private void checkTopology() {
    if (taskManagers < 1) {
      throw new UsageException("--taskmanagers must be at least 1, was " + taskManagers);
    }
    if (slots != null && slots < 1) {
      throw new UsageException("--slots must be at least 1, was " + slots);
    }
    Integer parallelism = job.parallelism;
    if (parallelism != null && parallelism < 1) {
      throw new UsageException("--parallelism must be at least 1, was " + parallelism);
    }
    if (parallelism != null && slots != null && parallelism > slots * taskManagers) {
      throw new UsageException("--parallelism " + parallelism + " is above the " + slots * taskManagers
          + " slots of " + taskManagers + " TaskManager(s) with " + slots + " slots each");
    }
  }
}
