package io.vortex.api.sink;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Streams records back to the client that submitted the job, in batches, as {@code Collected}
 * job events of the given name; {@code JobClient.collected(name)} gathers them.
 */
public final class CollectSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  static final int BATCH = 1024;
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

      @Override
      public void write(T value, long timestamp) {
        batch.add(value);
        if (batch.size() >= BATCH) {
          flush();
        }
      }

      private void flush() {
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
    };
  }
}
