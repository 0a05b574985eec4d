package io.vortex.api.source;

import java.io.Serializable;
import java.util.List;

/**
 * A source of records: it cuts its input into splits, and each parallel instance reads the
 * splits assigned to it (split {@code i} goes to subtask {@code i mod parallelism}). Readers
 * report their position as the remaining part of their splits, so a later checkpoint can
 * restore them.
 */
public interface Source<T> extends Serializable {
  /** Whether the input ends. A job whose sources are all bounded may run in batch mode. */
  boolean isBounded();

  /** Cuts the input into splits for {@code parallelism} readers (may be more or fewer). */
  List<SourceSplit> createSplits(int parallelism) throws Exception;

  /** Creates the reader of one parallel instance. */
  SourceReader<T> createReader(SourceReaderContext context) throws Exception;
}
