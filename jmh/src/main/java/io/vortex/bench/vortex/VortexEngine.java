package io.vortex.bench.vortex;

import io.vortex.bench.Engine;
import io.vortex.bench.Workload;
import io.vortex.bench.WorkloadRunner;

/**
 * Vortex on the peer workloads: each runs as a job built with the public API on an in-process
 * {@link io.vortex.launcher.MiniCluster} (one TaskManager, P slots, parallelism P), or with
 * {@code --opt cluster=processes} on a JobManager and P one-slot TaskManager processes ({@link
 * ProcessCluster}; {@code --opt cluster.jvm="FLAGS"} sets their JVM flags). Registered in
 * {@code META-INF/services/io.vortex.bench.Engine}. Options: {@code --opt w1.mode=batch}
 * (default) or {@code streaming}.
 */
public final class VortexEngine implements Engine {

  public static final String NAME = "vortex";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public WorkloadRunner runner(Workload workload) {
    return switch (workload) {
      case W1 -> new W1Vortex();
      case W2 -> new W2Vortex();
      case W3 -> new W3Vortex();
      case W4 -> new W4Vortex();
      case W5 -> null;
    };
  }
}
