package io.vortex.bench;

/**
 * Runs one workload on one engine and reports its measured quantities. Implementations must
 * generate the data inside the run (WORKLOADS.md), use the strided split for P > 1, and fill
 * {@link RunResult} exactly as defined there ({@code proc_s} from the first source record to the
 * last sink's end of input; see {@link ProcTimer}).
 */
@FunctionalInterface
public interface WorkloadRunner {

  RunResult run(Params params) throws Exception;
}
