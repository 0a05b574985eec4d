package io.vortex.launcher;

import io.vertx.grpc.common.GrpcStatus;
import io.vortex.cluster.ControlMessage.JobInfo;
import io.vortex.cluster.client.RemoteCallException;
import io.vortex.cluster.client.VortexClient;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code vortex list|describe|cancel}: ask a JobManager about its jobs over gRPC. */
final class JobCommands {
  private JobCommands() {}

  /** Runs {@code call} against the JobManager; an unknown job id is a bad argument (exit 2). */
  private static int withClient(JobManagerOption option, Function<VortexClient, Integer> call) {
    var address = option.address();
    try (VortexClient client = VortexClient.connect(address.host() + ":" + address.port())) {
      return call.apply(client);
    } catch (RemoteCallException e) {
      if (e.status() == GrpcStatus.NOT_FOUND) {
        throw new UsageException(e.getMessage());
      }
      throw e;
    }
  }

  static void print(JobInfo job, PrintStream out) {
    out.println("id:        " + job.jobId());
    out.println("name:      " + job.name());
    out.println("status:    " + job.status() + (job.message() == null ? "" : " (" + job.message() + ")"));
    out.println("subtasks:  " + job.subtasks());
    out.println("started:   " + Instant.ofEpochMilli(job.startMillis()));
    out.println("duration:  " + job.durationMillis() + " ms");
    job.counters().forEach((name, value) -> out.println("counter:   " + name + " = " + value));
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "Lists the JobManager's jobs: running ones, then the last 100 ended, newest first.")
  static final class ListCommand implements Callable<Integer> {
    @Mixin JobManagerOption jobManager = new JobManagerOption();

    @Override
    public Integer call() {
      return withClient(jobManager, client -> {
        List<JobInfo> jobs = client.list().await();
        System.out.printf("%-36s  %-9s  %10s  %s%n", "JOB_ID", "STATUS", "DURATION", "NAME");
        for (JobInfo j : jobs) {
          System.out.printf("%-36s  %-9s  %8d ms  %s%n", j.jobId(), j.status(), j.durationMillis(), j.name());
        }
        return 0;
      });
    }
  }

  @Command(name = "describe", mixinStandardHelpOptions = true, description = "Shows one job's status, size, times and counters.")
  static final class DescribeCommand implements Callable<Integer> {
    @Mixin JobManagerOption jobManager = new JobManagerOption();

    @Parameters(paramLabel = "JOB_ID", description = "The job's id (see vortex list).")
    String jobId;

    @Override
    public Integer call() {
      return withClient(jobManager, client -> {
        print(client.describe(jobId).await(), System.out);
        return 0;
      });
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true,
      description = "Cancels a job (its in-progress output is removed) and shows its final status.")
  static final class CancelCommand implements Callable<Integer> {
    @Mixin JobManagerOption jobManager = new JobManagerOption();

    @Parameters(paramLabel = "JOB_ID", description = "The job's id (see vortex list).")
    String jobId;

    @Override
    public Integer call() {
      return withClient(jobManager, client -> {
        print(client.cancel(jobId).await(), System.out);
        return 0;
      });
    }
  }
}
