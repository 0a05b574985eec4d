package io.vortex.bench;

/**
 * An engine under test, found by {@link BenchMain} through {@link java.util.ServiceLoader}:
 * list the implementation in {@code META-INF/services/io.vortex.bench.Engine}. The baseline is
 * built in; the Vortex engine lives in {@code io.vortex.bench.vortex}.
 */
public interface Engine {

  /** The name used with {@code --engine}. */
  String name();

  /** The runner for {@code workload}, or {@code null} if this engine does not implement it. */
  WorkloadRunner runner(Workload workload);
}
