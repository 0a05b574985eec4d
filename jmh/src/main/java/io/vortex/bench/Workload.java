package io.vortex.bench;

import io.vortex.bench.gen.W1Vocabulary;
import io.vortex.bench.gen.W2Events;
import io.vortex.bench.gen.W3Records;
import io.vortex.bench.gen.W4Events;

/** The five workloads of WORKLOADS.md with their default sizes and size-override env vars. */
public enum Workload {
  W1("wordcount-batch", W1Vocabulary.DEFAULT_N, "W1_N"),
  W2("window-agg", W2Events.DEFAULT_N, "W2_N"),
  W3("shuffle", W3Records.DEFAULT_N, "W3_N"),
  /** Sized by rate and seconds rather than by a record count. */
  W4("latency", W4Events.DEFAULT_RATE * W4Events.DEFAULT_SECONDS, "W4_SECONDS"),
  /** Same data and checksum as W2 (so also sized by {@code W2_N}), plus snapshots. */
  W5("checkpoint-overhead", W2Events.DEFAULT_N, "W2_N");

  private final String title;
  private final long defaultRecords;
  private final String sizeEnv;

  Workload(String title, long defaultRecords, String sizeEnv) {
    this.title = title;
    this.defaultRecords = defaultRecords;
    this.sizeEnv = sizeEnv;
  }

  public String title() {
    return title;
  }

  /** Default N (for W4: default rate × default seconds). */
  public long defaultRecords() {
    return defaultRecords;
  }

  /** Env var that overrides the size: a record count, or seconds for W4. */
  public String sizeEnv() {
    return sizeEnv;
  }

  /** Parses "W1".."W5", case-insensitive. */
  public static Workload parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown workload '" + s + "' (expected W1..W5)", e);
    }
  }
}
