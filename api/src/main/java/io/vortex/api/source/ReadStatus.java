package io.vortex.api.source;

/** What a {@link SourceReader#poll} call found. */
public enum ReadStatus {
  /** Emitted records; more may be available at once. */
  MORE_AVAILABLE,
  /** Nothing to emit now; see {@link SourceReader#nanosUntilAvailable()}. */
  NOTHING_AVAILABLE,
  /** All assigned splits are read; the reader is done. */
  END_OF_INPUT
}
