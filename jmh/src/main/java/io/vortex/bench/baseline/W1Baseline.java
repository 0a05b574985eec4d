package io.vortex.bench.baseline;

import io.vortex.bench.Params;
import io.vortex.bench.RunResult;
import io.vortex.bench.WorkloadRunner;
import io.vortex.bench.check.W1Checksum;
import io.vortex.bench.gen.W1Vocabulary;
import java.util.HashMap;
import java.util.Map;

/**
 * W1 word count in one thread with a {@code HashMap<String, long[]>}. Option
 * {@code w1.search=plain} generates words with the peers' plain binary search instead of the
 * guide table (same words, about 3x the generation cost).
 */
public final class W1Baseline implements WorkloadRunner {

  /** Option key selecting the Zipf lookup: {@code guide} (default) or {@code plain}. */
  public static final String SEARCH_OPTION = "w1.search";

  @Override
  public RunResult run(Params p) {
    long n = p.records();
    boolean plain = p.option(SEARCH_OPTION, "guide").equals("plain");
    W1Vocabulary vocab = W1Vocabulary.get();
    HashMap<String, long[]> counts = new HashMap<>();
    long start = System.nanoTime();
    if (plain) {
      for (long i = 0; i < n; i++) {
        count(counts, vocab.word(vocab.wordIndexPlain(i)));
      }
    } else {
      for (long i = 0; i < n; i++) {
        count(counts, vocab.wordOf(i));
      }
    }
    W1Checksum sum = new W1Checksum();
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      sum.add(e.getKey(), e.getValue()[0]);
    }
    double secs = (System.nanoTime() - start) / 1e9;
    RunResult r = RunResult.of(p, secs, secs, sum.totals());
    return plain ? r.withExtra("search", "plain") : r;
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
