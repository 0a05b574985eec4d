package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Compares long lists with a short message: sizes and the first difference, not everything. */
final class LongLists {
  private LongLists() {}

  static void assertSameList(List<?> expected, List<?> actual) {
    int n = Math.min(expected.size(), actual.size());
    for (int i = 0; i < n; i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        fail("lists differ first at index " + i + ": expected " + expected.get(i) + " but was " + actual.get(i)
            + " (around it: " + actual.subList(Math.max(0, i - 3), Math.min(actual.size(), i + 4))
            + "); sizes " + expected.size() + " and " + actual.size());
      }
    }
    if (expected.size() != actual.size()) {
      fail("expected " + expected.size() + " elements but was " + actual.size() + "; first extra or missing: "
          + (expected.size() > n ? "missing " + expected.get(n) : "extra " + actual.get(n)));
    }
  }
}
