package io.vortex.launcher;

import io.vertx.core.Future;
import io.vortex.api.sink.Sink;
import io.vortex.api.sink.SinkContext;
import io.vortex.api.sink.SinkWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sinks for tests. The mini-cluster runs in the test's JVM, so a sink can hand records to the
 * test through static, thread-safe registries keyed by a name unique to the test. Unlike {@code
 * collect}, records show up at once, which unbounded jobs need.
 */
final class TestSinks {
  private static final Map<String, ConcurrentLinkedQueue<Object>> QUEUES = new ConcurrentHashMap<>();
  private static final Map<String, AtomicLong> COUNTERS = new ConcurrentHashMap<>();

  private TestSinks() {}

  static ConcurrentLinkedQueue<Object> queue(String name) {
    return QUEUES.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>());
  }

  /** What the queue sink {@code name} received so far. */
  @SuppressWarnings("unchecked")
  static <T> List<T> received(String name) {
    return (List<T>) List.copyOf(queue(name));
  }

  static AtomicLong counter(String name) {
    return COUNTERS.computeIfAbsent(name, k -> new AtomicLong());
  }

  /** Adds every record to {@link #queue(String)}. */
  static <T> Sink<T> toQueue(String name) {
    return new ToQueue<>(name);
  }

  private record ToQueue<T>(String name) implements Sink<T> {
    @Override
    public SinkWriter<T> createWriter(SinkContext context) {
      var queue = queue(name);
      return (value, timestamp) -> queue.add(value);
    }
  }

  /** Counts records in {@link #counter(String)}, spinning {@code nanosPerRecord} on each. */
  record Slow<T>(String counterName, long nanosPerRecord) implements Sink<T> {
    @Override
    public SinkWriter<T> createWriter(SinkContext context) {
      AtomicLong count = counter(counterName);
      return (value, timestamp) -> {
        long until = System.nanoTime() + nanosPerRecord;
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
        count.incrementAndGet();
      };
    }
  }

  /** Throws from {@code write} on the record equal to {@code bad}. */
  record FailingOnWrite<T>(T bad) implements Sink<T> {
    @Override
    public SinkWriter<T> createWriter(SinkContext context) {
      return (value, timestamp) -> {
        if (value.equals(bad)) {
          throw new java.io.IOException("disk full at " + value);
        }
      };
    }
  }

  /** Writes nothing and fails its {@code finish} (a commit that does not go through). */
  record FailingOnFinish<T>(String message) implements Sink<T> {
    @Override
    public SinkWriter<T> createWriter(SinkContext context) {
      return new SinkWriter<>() {
        @Override
        public void write(T value, long timestamp) {}

        @Override
        public Future<Void> finish() {
          return Future.failedFuture(new IllegalStateException(message));
        }
      };
    }
  }
}
