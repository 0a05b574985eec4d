package io.vortex.taskmanager.task;

import io.vortex.api.internal.operators.Output;
import io.vortex.api.source.ReadStatus;
import io.vortex.api.source.SourceOutput;
import io.vortex.api.source.SourceReader;
import io.vortex.taskmanager.network.InputGate;
import io.vortex.taskmanager.network.RecordBatch;

/**
 * Polls a source reader into the chain. When the reader ends, sends the final watermark. A
 * reader emits up to a step's worth of records per poll; those it emits after the chain blocked
 * (its output filled up) wait here, and the reader is polled again only when they have gone in.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class SourceInput implements TaskInput, SourceOutput<Object> {
  private final SourceReader<Object> reader;
  private final String name;
  private ChainEntry entry;
  private boolean ended;
  private boolean finalWatermarkSent;
  /** Records the reader emitted while the chain was blocked, from {@code heldIndex}; or null. */
  private RecordBatch held;
  private int heldIndex;

  SourceInput(SourceReader<Object> reader, String name) {
    this.reader = reader;
    this.name = name;
  }

  @Override
  public InputGate.Status read(ChainEntry entry, int maxRecords) throws Exception {
    this.entry = entry;
    if (held != null && !feedHeld()) {
      return InputGate.Status.MORE_AVAILABLE;
    }
    if (!ended) {
      ReadStatus status = poll(maxRecords);
      ended = status == ReadStatus.END_OF_INPUT;
      if (held != null) {
        return InputGate.Status.MORE_AVAILABLE;
      }
      if (!ended) {
        return status == ReadStatus.MORE_AVAILABLE
            ? InputGate.Status.MORE_AVAILABLE
            : InputGate.Status.NOTHING_AVAILABLE;
      }
    }
    if (!finalWatermarkSent) {
      finalWatermarkSent = true;
      entry.processWatermark(Long.MAX_VALUE);
    }
    return InputGate.Status.END_OF_INPUT;
  }

  private ReadStatus poll(int maxRecords) {
    try {
      return reader.poll(this, maxRecords);
    } catch (OperatorException e) {
      throw e;
    } catch (Exception | Error e) {
      throw OperatorException.wrap(name, e);
    }
  }

  /** Feeds held records while the chain takes them; true when none is left. */
  private boolean feedHeld() throws Exception {
    int n = held.size();
    while (heldIndex < n) {
      int i = heldIndex++;
      entry.processElement(0, held.value(i), held.timestamp(i));
      if (heldIndex < n && entry.isBlocked()) {
        return false;
      }
    }
    held = null;
    heldIndex = 0;
    return true;
  }

  @Override
  public long nanosUntilAvailable() {
    return reader.nanosUntilAvailable();
  }

  /** Readers ask before they make a record: none is made only to wait here. */
  @Override
  public boolean isFull() {
    return held != null || entry.isBlocked();
  }

  @Override
  public void collect(Object record) {
    collect(record, Output.NO_TIMESTAMP);
  }

  @Override
  public void collect(Object record, long timestamp) {
    if (held != null || entry.isBlocked()) {
      if (held == null) {
        held = new RecordBatch(16, Integer.MAX_VALUE);
      }
      held.add(record, timestamp);
      return;
    }
    try {
      entry.processElement(0, record, timestamp);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    reader.close();
  }
}
