package io.vortex.bench.baseline;

import io.vortex.bench.Engine;
import io.vortex.bench.Workload;
import io.vortex.bench.WorkloadRunner;

/** The single-thread COST baselines of W1–W4 (W5 needs snapshots, which a loop does not have). */
public final class BaselineEngine implements Engine {

  public static final String NAME = "baseline";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public WorkloadRunner runner(Workload workload) {
    return switch (workload) {
      case W1 -> new W1Baseline();
      case W2 -> new W2Baseline();
      case W3 -> new W3Baseline();
      case W4 -> new W4Baseline();
      case W5 -> null;
    };
  }
}
