package io.vortex.api.internal.operators;

import io.vertx.core.Future;

/**
 * A runtime operator: one link of a task's operator chain.
 *
 * <p>How the methods are called: {@code open} once, then any number of {@code processElement}
 * (in {@link OneInputOperator} or {@link TwoInputOperator}) and {@code processWatermark} calls
 * in input order, then {@code finish} once when all input has ended, {@code commit} once the
 * whole job has finished (never after a failure), then {@code close}. All
 * calls come from the owning task's thread; none may block. End of input always arrives as the
 * watermark {@link Long#MAX_VALUE} first, so operators that hold records (windows, timers, batch
 * aggregations) emit them when that watermark arrives, before forwarding it.
 */
public interface StreamOperator<OUT> {
  void open(OperatorContext context, Output<OUT> output) throws Exception;

  /** Advances event time. Must forward the watermark (after firing what it makes due). */
  void processWatermark(long watermark) throws Exception;

  /** A processing-time tick: fire processing-time timers due at {@code now}. */
  default void onProcessingTime(long now) throws Exception {}

  /**
   * No more input (the final watermark has been processed). Completes when what the operator
   * still holds is flushed or committed (sinks); the chain finishes operators head first.
   */
  default Future<Void> finish() {
    return Future.succeededFuture();
  }

  /** Every task of the job has finished: make the output visible (sinks). */
  default Future<Void> commit() {
    return Future.succeededFuture();
  }

  default void close() throws Exception {}
}
