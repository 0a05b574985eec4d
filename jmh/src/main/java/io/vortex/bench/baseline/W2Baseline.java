package io.vortex.bench.baseline;

import io.vortex.bench.Interval;
import io.vortex.bench.Params;
import io.vortex.bench.RunResult;
import io.vortex.bench.WorkloadRunner;
import io.vortex.bench.check.W2Checksum;
import io.vortex.bench.gen.W2Events;

/**
 * W2 tumbling-window sums in one thread: one open-addressing map per open window, with the
 * watermark of Flink's bounded out-of-orderness ({@code wm = maxTs - 200 - 1}). Flink emits it
 * every 200 ms of processing time; advancing it on every new maximum fires windows no later,
 * and since no event is late that does not change the result.
 */
public final class W2Baseline implements WorkloadRunner {

  @Override
  public RunResult run(Params p) {
    long n = p.records();
    W2Checksum sum = new W2Checksum();
    TumblingWindowSums windows =
        new TumblingWindowSums(W2Events.WINDOW_MS, (int) W2Events.KEYS, sum);
    Interval measured = Interval.start();
    long maxTs = Long.MIN_VALUE;
    for (long i = 0; i < n; i++) {
      long key = W2Events.key(i);
      long value = W2Events.value(i);
      long ts = W2Events.ts(i);
      windows.add(ts, key, value);
      if (ts > maxTs) {
        maxTs = ts;
        windows.advanceWatermark(W2Events.watermark(maxTs));
      }
    }
    windows.advanceWatermark(Long.MAX_VALUE);
    return measured.result(p, sum.totals()).withExtra("late", windows.late());
  }
}
