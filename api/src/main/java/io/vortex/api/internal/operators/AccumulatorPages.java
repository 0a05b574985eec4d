package io.vortex.api.internal.operators;

import java.util.Arrays;

/**
 * A fixed-length array of references held in pages of at most {@value #PAGE} slots, for the
 * accumulators of an {@link AccumulatorTable}. One array of 256 K references (a window of 100,000
 * keys) is a humongous object for G1, allocated in the old generation from the start: every
 * store of a young accumulator into it then takes the slow path of the GC write barrier (a memory
 * fence, a dirty card for the concurrent refinement threads to scan, a remembered-set entry).
 * Pages of 64 KiB (128 KiB without compressed references) are ordinary young objects, stay young
 * while their window lasts, and stores into them take the barrier's fast path.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class AccumulatorPages {
  static final int PAGE_BITS = 14;
  static final int PAGE = 1 << PAGE_BITS;
  private static final int IN_PAGE = PAGE - 1;

  private final Object[][] pages;

  /** {@code length} null slots; {@code length} is a power of two. */
  AccumulatorPages(int length) {
    int pageLength = Math.min(length, PAGE);
    pages = new Object[Math.max(1, length >>> PAGE_BITS)][];
    for (int p = 0; p < pages.length; p++) {
      pages[p] = new Object[pageLength];
    }
  }

  Object get(int slot) {
    return pages[slot >>> PAGE_BITS][slot & IN_PAGE];
  }

  void set(int slot, Object value) {
    pages[slot >>> PAGE_BITS][slot & IN_PAGE] = value;
  }

  /**
   * Sets the slot unless it already holds {@code value}: a mutable accumulator comes back as it
   * was, and skipping its store skips the barrier (the page may have grown old).
   */
  void update(int slot, Object value) {
    Object[] page = pages[slot >>> PAGE_BITS];
    int i = slot & IN_PAGE;
    if (page[i] != value) {
      page[i] = value;
    }
  }

  /**
   * Nulls every slot. A page that grew old would otherwise keep the young objects it refers to
   * alive through young collections after the table is dropped.
   */
  void release() {
    for (Object[] page : pages) {
      Arrays.fill(page, null);
    }
  }
}
