package io.vortex.taskmanager.task;

import io.vortex.taskmanager.network.InputGate;
import io.vortex.taskmanager.network.RecordBatch;

/**
 * Feeds the records and watermarks of an input gate into the chain. When the chain blocks in
 * the middle of a batch (its output filled up), keeps the rest of the batch for the next read.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class GateInput implements TaskInput, InputGate.Listener {
  private final InputGate gate;
  private ChainEntry entry;
  /** The rest of a batch the chain stopped taking, from {@code restIndex}; null when none. */
  private RecordBatch rest;
  private int restInput;
  private int restIndex;

  GateInput(InputGate gate) {
    this.gate = gate;
  }

  @Override
  public InputGate.Status read(ChainEntry entry, int maxRecords) throws Exception {
    this.entry = entry;
    if (rest != null && !feed(restInput, rest, restIndex)) {
      return InputGate.Status.MORE_AVAILABLE;
    }
    return gate.read(this, maxRecords);
  }

  @Override
  public void onBatch(int input, RecordBatch batch) throws Exception {
    feed(input, batch, 0);
  }

  /** Feeds the batch from record {@code from}; keeps the rest if the chain blocks; true when all went in. */
  private boolean feed(int input, RecordBatch batch, int from) throws Exception {
    ChainEntry e = entry;
    int n = batch.size();
    for (int i = from; i < n; i++) {
      e.processElement(input, batch.value(i), batch.timestamp(i));
      if (i + 1 < n && e.isBlocked()) {
        rest = batch;
        restInput = input;
        restIndex = i + 1;
        return false;
      }
    }
    rest = null;
    return true;
  }

  @Override
  public void onWatermark(long watermark) throws Exception {
    entry.processWatermark(watermark);
  }

  @Override
  public void onIdle(boolean idle) {
    entry.processIdle(idle);
  }

  @Override
  public boolean isBlocked() {
    return rest != null || entry.isBlocked();
  }
}
