package io.vortex.bench.check;

import java.util.Locale;

/**
 * The three verified quantities of a run: {@code checksum}, {@code results} and {@code total},
 * each combined across sink instances by wrapping (mod 2^64) addition.
 */
public record Totals(long checksum, long results, long total) {

  public static final Totals ZERO = new Totals(0, 0, 0);

  /** Wrapping sum of both. */
  public Totals plus(Totals other) {
    return new Totals(checksum + other.checksum, results + other.results, total + other.total);
  }

  /** Wrapping sum of all. */
  public static Totals sum(Iterable<Totals> parts) {
    Totals t = ZERO;
    for (Totals p : parts) {
      t = t.plus(p);
    }
    return t;
  }

  /** The checksum as the 16 hex digits printed in RESULT lines. */
  public String checksumHex() {
    return hex(checksum);
  }

  /** 16 lowercase hex digits, zero-padded. */
  public static String hex(long v) {
    return String.format(Locale.ROOT, "%016x", v);
  }
}
