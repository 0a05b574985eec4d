package io.vortex.api.sink;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Streams records back to the client that submitted the job, in batches, as {@code Collected}
 * job events of the given name; {@code JobClient.collected(name)} gathers them. A batch is sent
 * when it is full, at the end of input, or {@value #LINGER_MILLIS} ms after its first record, so
 * the records of an endless job that emits few of them still reach the client.
 */
public final class CollectSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  static final int BATCH = 1024;
  /** Longest time a record waits in a partly filled batch (the default buffer timeout). */
  static final long LINGER_MILLIS = 100;
  private final String name;

  public CollectSink(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  public String name() {
    return name;
  }

  @Override
  public SinkWriter<T> createWriter(SinkContext context) {
    return new SinkWriter<>() {
      private List<T> batch = new ArrayList<>();
      private long timer = -1;

      @Override
      public void write(T value, long timestamp) {
        batch.add(value);
        if (batch.size() >= BATCH) {
          flush();
        } else if (timer < 0) {
          // called on the task's event loop: the timer fires there too
          timer = context.vertx().setTimer(LINGER_MILLIS, id -> {
            timer = -1;
            flush();
          });
        }
      }

      private void flush() {
        if (timer >= 0) {
          context.vertx().cancelTimer(timer);
          timer = -1;
        }
        if (!batch.isEmpty()) {
          context.sendToClient(name, batch);
          batch = new ArrayList<>();
        }
      }

      @Override
      public Future<Void> finish() {
        flush();
        return Future.succeededFuture();
      }

      @Override
      public void close() {
        if (timer >= 0) {
          context.vertx().cancelTimer(timer);
          timer = -1;
        }
        batch = new ArrayList<>(); // after a failure or cancellation, nothing more is sent
      }
    };
  }
}
