package io.vortex.taskmanager.task;

import io.vortex.api.OutputTag;
import io.vortex.api.internal.operators.OneInputOperator;
import io.vortex.api.internal.operators.Output;

/**
 * Hands records straight to the next chained operator: a method call, no queue. Side outputs
 * and idleness skip the rest of the chain and go to the task's writers, through the emitting
 * operator's own view of them ({@link TaskOutput#of}).
 *
 * <p>Threading: confined to the owning task's thread.
 */
final class ChainingOutput implements Output<Object> {
  private final OneInputOperator<Object, ?> next;
  private final String nextName;
  private final Output<Object> writers;

  ChainingOutput(OneInputOperator<Object, ?> next, String nextName, Output<Object> writers) {
    this.next = next;
    this.nextName = nextName;
    this.writers = writers;
  }

  @Override
  public void collect(Object value, long timestamp) {
    try {
      next.processElement(value, timestamp);
    } catch (Exception | Error e) {
      throw OperatorException.wrap(nextName, e);
    }
  }

  @Override
  public void emitWatermark(long watermark) {
    try {
      next.processWatermark(watermark);
    } catch (Exception | Error e) {
      throw OperatorException.wrap(nextName, e);
    }
  }

  @Override
  public void emitIdle(boolean idle) {
    writers.emitIdle(idle);
  }

  @Override
  public <X> void collect(OutputTag<X> tag, X value, long timestamp) {
    writers.collect(tag, value, timestamp);
  }
}
