package io.vortex.api.client;

import io.vortex.api.graph.JobGraph;

/**
 * Submits job graphs: the embedded mini-cluster, or a remote JobManager. The environment finds
 * it through the constructor or, failing that, {@link java.util.ServiceLoader}.
 */
public interface JobExecutor {
  /** Submits the graph; the handle's result fails if the JobManager refuses it. */
  JobClient submit(JobGraph graph);

  /** The number of slots jobs can ever use, for default parallelism; 0 when unknown. */
  default int totalSlots() {
    return 0;
  }
}
