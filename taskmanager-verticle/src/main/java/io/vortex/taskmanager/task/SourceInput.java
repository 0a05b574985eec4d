package io.vortex.taskmanager.task;

import io.vortex.api.internal.operators.Output;
import io.vortex.api.source.ReadStatus;
import io.vortex.api.source.SourceOutput;
import io.vortex.api.source.SourceReader;
import io.vortex.taskmanager.network.InputGate;

/**
 * Polls a source reader into the chain. When the reader ends, sends the final watermark.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class SourceInput implements TaskInput, SourceOutput<Object> {
  private final SourceReader<Object> reader;
  private final String name;
  private ChainEntry entry;
  private boolean ended;

  SourceInput(SourceReader<Object> reader, String name) {
    this.reader = reader;
    this.name = name;
  }

  @Override
  public InputGate.Status read(ChainEntry entry, int maxRecords) throws Exception {
    if (ended) {
      return InputGate.Status.END_OF_INPUT;
    }
    this.entry = entry;
    ReadStatus status;
    try {
      status = reader.poll(this, maxRecords);
    } catch (OperatorException e) {
      throw e;
    } catch (Exception | Error e) {
      throw OperatorException.wrap(name, e);
    }
    return switch (status) {
      case MORE_AVAILABLE -> InputGate.Status.MORE_AVAILABLE;
      case NOTHING_AVAILABLE -> InputGate.Status.NOTHING_AVAILABLE;
      case END_OF_INPUT -> {
        ended = true;
        entry.processWatermark(Long.MAX_VALUE);
        yield InputGate.Status.END_OF_INPUT;
      }
    };
  }

  @Override
  public long nanosUntilAvailable() {
    return reader.nanosUntilAvailable();
  }

  @Override
  public void collect(Object record) {
    collect(record, Output.NO_TIMESTAMP);
  }

  @Override
  public void collect(Object record, long timestamp) {
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
