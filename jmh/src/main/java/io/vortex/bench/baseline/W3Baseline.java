package io.vortex.bench.baseline;

import io.vortex.bench.Params;
import io.vortex.bench.RunResult;
import io.vortex.bench.WorkloadRunner;
import io.vortex.bench.check.Totals;
import io.vortex.bench.gen.W3Records;

/** W3 map and filter in one loop: the arithmetic without any exchange (the COST reference). */
public final class W3Baseline implements WorkloadRunner {

  @Override
  public RunResult run(Params p) {
    long n = p.records();
    long checksum = 0;
    long kept = 0;
    long start = System.nanoTime();
    for (long i = 0; i < n; i++) {
      long mapped = W3Records.map(W3Records.key(i), W3Records.value(i));
      if (W3Records.keep(mapped)) {
        checksum += mapped;
        kept++;
      }
    }
    double secs = (System.nanoTime() - start) / 1e9;
    return RunResult.of(p, secs, secs, new Totals(checksum, kept, kept));
  }
}
