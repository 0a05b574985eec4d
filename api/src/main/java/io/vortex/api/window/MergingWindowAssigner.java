package io.vortex.api.window;

import java.util.Collection;

/**
 * An assigner whose windows merge once they overlap, such as session windows: the operator
 * calls {@link #mergeWindows} with a key's windows whenever it adds one.
 */
public interface MergingWindowAssigner<T, W extends Window> extends WindowAssigner<T, W> {
  /** Reports each group of {@code windows} that must become one window. */
  void mergeWindows(Collection<W> windows, MergeCallback<W> callback);

  /** Receives the merges decided by {@link #mergeWindows}. */
  @FunctionalInterface
  interface MergeCallback<W> {
    /** {@code toBeMerged} (two or more windows) become {@code mergeResult}. */
    void merge(Collection<W> toBeMerged, W mergeResult);
  }
}
