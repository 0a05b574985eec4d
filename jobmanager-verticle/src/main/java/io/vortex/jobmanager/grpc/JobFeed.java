package io.vortex.jobmanager.grpc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.streams.WriteStream;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobStatus;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.rpc.RpcJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one job submitted through gRPC, passed from the event bus to the gRPC streams
 * that watch it, in arrival order (so the final status follows the last collected batch). Each
 * event is encoded once, whatever the number of watchers.
 *
 * <p>Backpressure, in bytes: a collected batch arrives as an event-bus request whose reply is the
 * sink's credit for another batch. The feed writes the batch to every watcher and replies only
 * once no watcher's write queue is full and the batches written but not yet sent on the
 * connection (their writes not complete: HTTP/2 flow control holds them while the client does not
 * read) take less than {@code maxBufferedBytes}. So a remote reader's demand holds the sinks back,
 * and big records are bounded by their bytes, not by a number of messages. With no watcher (the
 * client went away), batches wait unwritten, and their sinks with them, for the next watcher:
 * none is lost.
 *
 * <p>Threading: confined to the gRPC service verticle's event loop (write completions run there too).
 */
final class JobFeed {
  private final String jobId;
  private final Runnable onEnd;
  private final long maxBufferedBytes;
  private final List<WriteStream<Buffer>> watchers = new ArrayList<>();
  /** Collected batches that arrived while nobody watched (any event, before the first watcher); not replied to yet. */
  private final List<Message<JobEvent>> unwritten = new ArrayList<>();
  /** Collected batches written to the watchers; replied to once they have room. */
  private final List<Message<JobEvent>> unacknowledged = new ArrayList<>();
  /** Per watcher, the bytes of collected batches written whose writes have not completed. */
  private final java.util.Map<WriteStream<Buffer>, Long> bufferedBytes = new java.util.IdentityHashMap<>();
  private MessageConsumer<JobEvent> consumer;
  private JobStatus status = JobStatus.SUBMITTED;
  private boolean ended;
  /**
   * No watcher yet: the submitting call watches once the JobManager's ack is back, but the
   * JobManager publishes its first events right after that ack, so they can arrive first. Until
   * the first watcher every event waits in {@link #unwritten} (a final status too: the feed ends
   * when it is written).
   */
  private boolean beforeFirstWatcher = true;

  private JobFeed(String jobId, long maxBufferedBytes, Runnable onEnd) {
    this.jobId = jobId;
    this.maxBufferedBytes = maxBufferedBytes;
    this.onEnd = onEnd;
  }

  /**
   * Listens to the job's events, holding its sinks back while {@code maxBufferedBytes} of
   * collected batches wait to be sent; completes once the listener is registered (cluster-wide).
   */
  static Future<JobFeed> open(Vertx vertx, String jobId, long maxBufferedBytes, Runnable onEnd) {
    if (maxBufferedBytes < 1) {
      throw new IllegalArgumentException("the buffered bytes bound must be positive: " + maxBufferedBytes);
    }
    JobFeed feed = new JobFeed(jobId, maxBufferedBytes, onEnd);
    feed.consumer = vertx.eventBus().consumer(Addresses.jobEvents(jobId), feed::onMessage);
    return feed.consumer.completion().map(feed);
  }

  String jobId() {
    return jobId;
  }

  JobStatus status() {
    return status;
  }

  /** Adds a watcher; it gets the batches that waited for one, then every new event. */
  void watch(WriteStream<Buffer> watcher) {
    beforeFirstWatcher = false;
    watchers.add(watcher);
    watcher.drainHandler(v -> release());
    boolean over = false;
    for (Message<JobEvent> m : unwritten) {
      Buffer encoded = RpcJson.encode(m.body());
      if (m.body() instanceof JobEvent.Collected) {
        writeBatch(watcher, encoded);
        unacknowledged.add(m);
      } else {
        watcher.write(encoded);
      }
      over |= m.body() instanceof JobEvent.StatusChanged s && s.status().isTerminal();
    }
    unwritten.clear();
    release();
    if (over) {
      end();
    }
  }

  /** The watcher went away (its client cancelled the call or disconnected). */
  void unwatch(WriteStream<Buffer> watcher) {
    watchers.remove(watcher);
    bufferedBytes.remove(watcher); // its queue goes with its stream
    release();
  }

  private void onMessage(Message<JobEvent> message) {
    JobEvent event = message.body();
    if (beforeFirstWatcher) {
      unwritten.add(message);
      if (event instanceof JobEvent.StatusChanged s) {
        status = s.status();
      }
      return;
    }
    if (event instanceof JobEvent.Collected) {
      if (watchers.isEmpty()) {
        unwritten.add(message);
        return;
      }
      Buffer encoded = RpcJson.encode(event);
      watchers.forEach(w -> writeBatch(w, encoded));
      unacknowledged.add(message);
      release();
      return;
    }
    Buffer encoded = RpcJson.encode(event);
    watchers.forEach(w -> w.write(encoded));
    if (event instanceof JobEvent.StatusChanged s) {
      status = s.status();
      if (s.status().isTerminal()) {
        end();
      }
    }
  }

  /** Writes a collected batch, counting its bytes until the write completes. */
  private void writeBatch(WriteStream<Buffer> watcher, Buffer batch) {
    long bytes = batch.length();
    bufferedBytes.merge(watcher, bytes, Long::sum);
    watcher.write(batch).onComplete(ar -> {
      bufferedBytes.computeIfPresent(watcher, (w, held) -> held - bytes);
      release();
    });
  }

  /** Replies to the written batches once every watcher has room and the buffered bytes are below the bound. */
  private void release() {
    long buffered = bufferedBytes.values().stream().mapToLong(Long::longValue).sum();
    if (watchers.isEmpty() || buffered >= maxBufferedBytes || watchers.stream().anyMatch(WriteStream::writeQueueFull)) {
      return;
    }
    unacknowledged.forEach(m -> m.reply(new ControlMessage.Ack("read")));
    unacknowledged.clear();
  }

  /** Stops following the job: ends every watcher's stream (status OK) and lets the sinks go. */
  void end() {
    if (ended) {
      return;
    }
    ended = true;
    consumer.unregister();
    unwritten.forEach(m -> m.reply(new ControlMessage.Ack("job over")));
    unacknowledged.forEach(m -> m.reply(new ControlMessage.Ack("job over")));
    unwritten.clear();
    unacknowledged.clear();
    List.copyOf(watchers).forEach(WriteStream::end);
    watchers.clear();
    onEnd.run();
  }
}
