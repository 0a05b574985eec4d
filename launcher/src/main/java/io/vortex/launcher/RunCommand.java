package io.vortex.launcher;

import io.vortex.api.client.InvalidJobException;
import io.vortex.api.client.JobCancelledException;
import io.vortex.api.client.JobClient;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobExecutor;
import io.vortex.api.graph.JobGraph;
import io.vortex.cluster.client.VortexClient;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vortex run}: submits an example or a job class to a JobManager and follows it. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Submits a job to a running JobManager over gRPC and follows it, printing its status changes.",
      "Run an example with --example NAME --input PATH --output PATH, or a job class with [--jar JAR] --job CLASS [-- ARGS...].",
      "Ctrl-C or SIGTERM cancels the job."
    },
    sortOptions = false)
final class RunCommand implements Callable<Integer> {
  @Mixin JobManagerOption jobManager = new JobManagerOption();

  @Option(names = "--jar", paramLabel = "JAR",
      description = "A jar with the --job class and its dependencies: shipped to the JobManager, whose TaskManagers load the job's classes from it.")
  Path jar;

  @Mixin JobOptions job = new JobOptions();

  @Override
  public Integer call() throws Exception {
    var address = jobManager.address(); // bad HOST:PORT: exit 2 before anything starts
    if (job.parallelism == null) {
      job.parallelism = 1; // as Flink's parallelism.default: the client does not know the cluster's slots
    }
    JobOptions.Checked checked = job.check(p -> p);
    if (jar != null && (job.jobClass == null || !Files.isRegularFile(jar))) {
      throw new UsageException(job.jobClass == null ? "--jar needs --job CLASS (the class in the jar to run)"
          : "--jar: no such file: " + jar);
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (StopOnSignal signals = new StopOnSignal();
        VortexClient client = VortexClient.connect(address.host() + ":" + address.port());
        URLClassLoader jobLoader = new URLClassLoader(jar == null ? new URL[0] : new URL[] {jar.toUri().toURL()}, previous)) {
      try {
        // collected records of classes only the jar has are read with its loader
        JobExecutor target = jar == null ? client : client.withJar(client.uploadJar(jar).await(), jobLoader);
        thread.setContextClassLoader(jobLoader); // the --job class and its functions come from the jar
        return job.run(signals.watch(new RunningJobs(new PrintingStatus(target))), checked);
      } catch (InvalidJobException e) {
        throw new UsageException("the JobManager refused the job: " + e.getMessage());
      } catch (JobCancelledException e) {
        if (!signals.stopping()) {
          throw e;
        }
        // the JobManager cancelled the job: its tasks removed their in-progress files
        System.err.println("vortex: interrupted: cancelled " + signals.cancelledJobs()
            + "; in-progress files removed, the output path is as it was");
        return LocalCommand.INTERRUPTED;
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
  }

  /** Prints each job's status changes as they come. */
  private record PrintingStatus(JobExecutor remote) implements JobExecutor {
    @Override
    public JobClient submit(JobGraph graph) {
      JobClient job = remote.submit(graph);
      job.events().handler(event -> {
        if (event instanceof JobEvent.StatusChanged s) {
          System.err.println("vortex: job '" + graph.name() + "' (" + graph.jobId() + ") " + s.status()
              + (s.message() == null ? "" : ": " + s.message()));
        }
      });
      return job;
    }
  }
}
