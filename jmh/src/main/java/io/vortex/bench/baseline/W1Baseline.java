package io.vortex.bench.baseline;

import io.vortex.bench.Interval;
import io.vortex.bench.Params;
import io.vortex.bench.RunResult;
import io.vortex.bench.WorkloadRunner;
import io.vortex.bench.check.W1Checksum;
import io.vortex.bench.gen.W1Vocabulary;
import java.util.HashMap;
import java.util.Map;

/**
 * W1 word count in one thread with a {@code HashMap<String, long[]>}, words drawn by
 * WORKLOADS.md's binary search (as the Vortex runs and the peers draw them).
 */
public final class W1Baseline implements WorkloadRunner {

  @Override
  public RunResult run(Params p) {
    long n = p.records();
    W1Vocabulary vocab = W1Vocabulary.get();
    HashMap<String, long[]> counts = new HashMap<>();
    Interval measured = Interval.start();
    for (long i = 0; i < n; i++) {
      count(counts, vocab.wordOf(i));
    }
    W1Checksum sum = new W1Checksum();
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      sum.add(e.getKey(), e.getValue()[0]);
    }
    return measured.result(p, sum.totals());
  }

  private static void count(HashMap<String, long[]> counts, String w) {
    long[] c = counts.get(w);
    if (c == null) {
      c = new long[1];
      counts.put(w, c);
    }
    c[0]++;
  }
}
