package io.vortex.api.source;

import java.util.List;

/**
 * Reads records of the splits assigned to one source instance.
 *
 * <p>How the methods are called: {@code addSplits} once before the first poll, then {@code poll}
 * repeatedly from the task's event loop; it must never block: return {@link
 * ReadStatus#NOTHING_AVAILABLE} and call {@link SourceReaderContext#wakeup()} (or report {@link
 * #nanosUntilAvailable()}) when more input becomes available. {@code snapshotState} may be
 * called between polls; {@code close} once at the end.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public interface SourceReader<T> {
  void addSplits(List<SourceSplit> splits) throws Exception;

  /** Emits at most {@code maxRecords} records into {@code output}. */
  ReadStatus poll(SourceOutput<T> output, int maxRecords) throws Exception;

  /**
   * After {@link ReadStatus#NOTHING_AVAILABLE}: how long until records are due (rate-limited
   * sources), or {@code -1} when the reader will call {@link SourceReaderContext#wakeup()}.
   */
  default long nanosUntilAvailable() {
    return -1;
  }

  /** The unread remainder of this reader's splits: its position. */
  List<SourceSplit> snapshotState();

  default void close() throws Exception {}
}
