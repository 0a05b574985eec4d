package io.vortex.api.internal.operators;

import io.vertx.core.Future;
import io.vortex.api.sink.Sink;
import io.vortex.api.sink.SinkContext;
import io.vortex.api.sink.SinkWriter;

/**
 * Feeds a {@link Sink}'s writer. The chain's end; emits nothing.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class SinkOperator<T> extends AbstractStreamOperator<Void>
    implements OneInputOperator<T, Void> {
  private final Sink<T> sink;
  private SinkWriter<T> writer;
  private Runnable whenNotReady = () -> {};

  public SinkOperator(Sink<T> sink) {
    this.sink = sink;
  }

  /** The task gives sinks a richer context than other operators. */
  public void open(SinkContext sinkContext) throws Exception {
    writer = sink.createWriter(sinkContext);
  }

  /**
   * Runs {@code action} when the writer is not ready after a write, so the task stops taking
   * input without asking every sink per record.
   */
  public void whenNotReady(Runnable action) {
    this.whenNotReady = action;
  }

  /** Writes the record, then asks the writer whether it can take more (throws its write error). */
  @Override
  public void processElement(T value, long timestamp) throws Exception {
    writer.write(value, timestamp);
    if (!writer.isReady()) {
      whenNotReady.run();
    }
  }

  /** False while the writer can take no more records; throws its first write error. */
  public boolean isReady() throws Exception {
    return writer.isReady();
  }

  @Override
  public void processWatermark(long watermark) {
    currentWatermark = watermark;
  }

  @Override
  public Future<Void> finish() {
    return writer.finish();
  }

  @Override
  public Future<Void> commit() {
    return writer.commit();
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      writer.close();
    }
  }
}
