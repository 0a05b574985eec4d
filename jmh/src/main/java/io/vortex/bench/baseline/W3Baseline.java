package io.vortex.bench.baseline;

import io.vortex.bench.Interval;
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
    Interval measured = Interval.start();
    for (long i = 0; i < n; i++) {
      long mapped = W3Records.map(W3Records.key(i), W3Records.value(i));
      if (W3Records.keep(mapped)) {
        checksum += mapped;
        kept++;
      }
    }
    return measured.result(p, new Totals(checksum, kept, kept));
  }
}
