package io.vortex.taskmanager.task;

import io.vortex.taskmanager.network.InputGate;
import io.vortex.taskmanager.network.RecordBatch;

/**
 * Feeds the records and watermarks of an input gate into the chain.
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class GateInput implements TaskInput, InputGate.Listener {
  private final InputGate gate;
  private ChainEntry entry;

  GateInput(InputGate gate) {
    this.gate = gate;
  }

  @Override
  public InputGate.Status read(ChainEntry entry, int maxRecords) throws Exception {
    this.entry = entry;
    return gate.read(this, maxRecords);
  }

  @Override
  public void onBatch(int input, RecordBatch batch) throws Exception {
    ChainEntry e = entry;
    for (int i = 0, n = batch.size(); i < n; i++) {
      e.processElement(input, batch.value(i), batch.timestamp(i));
    }
  }

  @Override
  public void onWatermark(long watermark) throws Exception {
    entry.processWatermark(watermark);
  }

  @Override
  public void onIdle(boolean idle) {
    entry.processIdle(idle);
  }
}
