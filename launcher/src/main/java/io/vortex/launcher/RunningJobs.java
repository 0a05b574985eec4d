package io.vortex.launcher;

import io.vortex.api.client.JobCancelledException;
import io.vortex.api.client.JobClient;
import io.vortex.api.client.JobExecutor;
import io.vortex.api.graph.JobGraph;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs the command submitted and that have not ended yet: the command waits for them before
 * it stops the mini-cluster (a job's main may return while its job runs), and cancels them when
 * the process is asked to stop. Once {@link #cancelAll} ran, new submissions are refused.
 *
 * <p>Threading: thread-safe (the command's thread, the shutdown hook and the clients' result
 * callbacks meet here); all state is guarded by {@code this}.
 */
final class RunningJobs implements JobExecutor {
  private final JobExecutor cluster;
  private final Map<JobClient, String> running = new LinkedHashMap<>();
  private boolean cancelled;

  RunningJobs(JobExecutor cluster) {
    this.cluster = cluster;
  }

  @Override
  public synchronized JobClient submit(JobGraph graph) {
    if (cancelled) {
      throw new JobCancelledException(graph.jobId());
    }
    JobClient job = cluster.submit(graph);
    running.put(job, graph.name());
    job.result().onComplete(ar -> ended(job));
    return job;
  }

  @Override
  public int totalSlots() {
    return cluster.totalSlots();
  }

  private synchronized void ended(JobClient job) {
    running.remove(job);
  }

  /** Cancels every running job, refuses new ones; returns the names of the cancelled jobs. */
  synchronized List<String> cancelAll() {
    cancelled = true;
    List<String> names = new ArrayList<>(running.values());
    running.keySet().forEach(JobClient::cancel);
    return names;
  }

  /** Waits for every job still running (not on an event loop); throws the first one's failure. */
  void awaitAll() {
    List<JobClient> jobs;
    synchronized (this) {
      jobs = new ArrayList<>(running.keySet());
    }
    for (JobClient job : jobs) {
      job.result().await();
    }
  }
}
