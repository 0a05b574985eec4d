package io.vortex.jobmanager.grpc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.streams.WriteStream;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobStatus;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of one job submitted through gRPC, passed from the event bus to the gRPC streams
 * that watch it, in arrival order (so the final status follows the last collected batch).
 *
 * <p>Backpressure: a collected batch arrives as an event-bus request whose reply is the sink's
 * credit for another batch. The feed writes the batch to every watcher and replies only once no
 * watcher's write queue is full; a watcher's queue fills when its client stops reading (HTTP/2
 * flow control), so a remote reader's demand holds the sinks back, bounded by the sinks' few
 * unacknowledged batches. With no watcher (the client went away), batches wait unwritten, and
 * their sinks with them, for the next watcher: none is lost.
 *
 * <p>Threading: confined to the gRPC service verticle's event loop.
 */
final class JobFeed {
  private final String jobId;
  private final Runnable onEnd;
  private final List<WriteStream<JobEvent>> watchers = new ArrayList<>();
  /** Collected batches that arrived while nobody watched (any event, before the first watcher); not replied to yet. */
  private final List<Message<JobEvent>> unwritten = new ArrayList<>();
  /** Collected batches written to the watchers; replied to once they have room. */
  private final List<Message<JobEvent>> unacknowledged = new ArrayList<>();
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

  private JobFeed(String jobId, Runnable onEnd) {
    this.jobId = jobId;
    this.onEnd = onEnd;
  }

  /** Listens to the job's events; completes once the listener is registered (cluster-wide). */
  static Future<JobFeed> open(Vertx vertx, String jobId, Runnable onEnd) {
    JobFeed feed = new JobFeed(jobId, onEnd);
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
  void watch(WriteStream<JobEvent> watcher) {
    beforeFirstWatcher = false;
    watchers.add(watcher);
    watcher.drainHandler(v -> release());
    boolean over = false;
    for (Message<JobEvent> m : unwritten) {
      watcher.write(m.body());
      if (m.body() instanceof JobEvent.Collected) {
        unacknowledged.add(m);
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
  void unwatch(WriteStream<JobEvent> watcher) {
    watchers.remove(watcher);
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
      watchers.forEach(w -> w.write(event));
      unacknowledged.add(message);
      release();
      return;
    }
    watchers.forEach(w -> w.write(event));
    if (event instanceof JobEvent.StatusChanged s) {
      status = s.status();
      if (s.status().isTerminal()) {
        end();
      }
    }
  }

  /** Replies to the written batches once every watcher has room. */
  private void release() {
    if (watchers.isEmpty() || watchers.stream().anyMatch(WriteStream::writeQueueFull)) {
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
