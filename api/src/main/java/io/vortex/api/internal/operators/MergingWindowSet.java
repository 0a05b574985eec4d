package io.vortex.api.internal.operators;

import io.vortex.api.window.MergingWindowAssigner;
import io.vortex.api.window.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One key's windows of a merging assigner (sessions), as in Flink: maps each window to the
 * window whose state namespace holds its contents. When windows merge, the result keeps the
 * namespace of one of them, so only the others' (usually small) contents move.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class MergingWindowSet<W extends Window> {
  /** Told about each merge before it takes effect in the mapping's state. */
  @FunctionalInterface
  interface MergeFunction<W> {
    /**
     * {@code mergedWindows} became {@code mergeResult}, whose contents live in {@code
     * stateWindowResult}; the contents of {@code mergedStateWindows} must move there.
     */
    void merge(W mergeResult, Collection<W> mergedWindows, W stateWindowResult,
        Collection<W> mergedStateWindows) throws Exception;
  }

  private final MergingWindowAssigner<?, W> assigner;
  private final Map<W, W> mapping;

  /** Works on {@code mapping} in place (the caller stores it in keyed state). */
  MergingWindowSet(MergingWindowAssigner<?, W> assigner, Map<W, W> mapping) {
    this.assigner = assigner;
    this.mapping = mapping;
  }

  /** The namespace holding {@code window}'s contents, or null when it is not in the set. */
  W stateWindow(W window) {
    return mapping.get(window);
  }

  void retireWindow(W window) {
    if (mapping.remove(window) == null) {
      throw new IllegalStateException(window + " is not in the merging window set");
    }
  }

  boolean isEmpty() {
    return mapping.isEmpty();
  }

  /** The window-to-state-window mapping, to store in keyed state. */
  Map<W, W> mapping() {
    return mapping;
  }

  /**
   * Adds {@code newWindow}, merging it with the windows it overlaps; returns the window it ended
   * up in (itself, or a merge result).
   */
  W addWindow(W newWindow, MergeFunction<W> mergeFunction) throws Exception {
    if (mapping.containsKey(newWindow)) {
      return newWindow; // the windows in the set are disjoint: an equal one merges with nothing
    }
    List<W> windows = new ArrayList<>(mapping.keySet());
    windows.add(newWindow);
    Map<W, Collection<W>> merges = new LinkedHashMap<>();
    assigner.mergeWindows(windows, (toBeMerged, result) -> merges.put(result, new ArrayList<>(toBeMerged)));
    W resultWindow = newWindow;
    boolean mergedNewWindow = false;
    for (Map.Entry<W, Collection<W>> merge : merges.entrySet()) {
      W mergeResult = merge.getKey();
      Collection<W> mergedWindows = merge.getValue();
      if (mergedWindows.remove(newWindow)) {
        mergedNewWindow = true;
        resultWindow = mergeResult;
      }
      // the result keeps the namespace of the first (earliest) window already in the set
      W stateWindowResult = mapping.get(mergedWindows.iterator().next());
      List<W> mergedStateWindows = new ArrayList<>();
      for (W merged : mergedWindows) {
        W stateWindow = mapping.remove(merged);
        if (stateWindow != null && !stateWindow.equals(stateWindowResult)) {
          mergedStateWindows.add(stateWindow);
        }
      }
      mapping.put(mergeResult, stateWindowResult);
      // a new window inside an existing one changes nothing: no merge to report
      if (!(mergedWindows.contains(mergeResult) && mergedWindows.size() == 1)) {
        mergeFunction.merge(mergeResult, mergedWindows, stateWindowResult, mergedStateWindows);
      }
    }
    if (!mergedNewWindow) {
      mapping.put(newWindow, newWindow);
    }
    return resultWindow;
  }
}
