package io.vortex.bench.check;

import io.vortex.bench.Workload;
import java.util.Map;
import java.util.Optional;

/** The reference checksums of WORKLOADS.md, for the sizes it lists. */
public final class References {

  /** An expected outcome; {@code total} is {@code null} where WORKLOADS.md does not list it. */
  public record Expected(long checksum, long results, Long total) {

    /** True if {@code t} agrees on every listed field. */
    public boolean matches(Totals t) {
      return t.checksum() == checksum && t.results() == results
          && (total == null || t.total() == total);
    }
  }

  private static final Map<Workload, Map<Long, Expected>> TABLE = Map.of(
      Workload.W1, Map.of(
          20_000_000L, new Expected(0x7453f31555fe2321L, 10_000, 20_000_000L),
          1_000_000L, new Expected(0x53c4964f24b8b2d0L, 10_000, 1_000_000L)),
      Workload.W2, Map.of(
          20_000_000L, new Expected(0xa8f738028c3b989aL, 2_039_205, 10_010_921_866L),
          1_000_000L, new Expected(0x76305d7eb77b56e9L, 139_283, null)),
      Workload.W3, Map.of(
          50_000_000L, new Expected(0xb6e9c24878fcf22cL, 24_999_999, 24_999_999L),
          2_000_000L, new Expected(0xccd17852ab41e23cL, 1_000_362, 1_000_362L)),
      Workload.W4, Map.of(
          3_000_000L, new Expected(0x000000001b00be97L, 3_000_000, 3_000_000L),
          400_000L, new Expected(0x0000000000801ee2L, 400_000, 400_000L)));

  private References() {
  }

  /** The expected outcome of {@code workload} at {@code records}, if WORKLOADS.md lists it. */
  public static Optional<Expected> expected(Workload workload, long records) {
    Workload w = workload == Workload.W5 ? Workload.W2 : workload;
    return Optional.ofNullable(TABLE.getOrDefault(w, Map.of()).get(records));
  }
}
