package io.vortex.cluster.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.streams.ReadStream;
import io.vortex.api.client.InvalidJobException;
import io.vortex.api.client.JobCancelledException;
import io.vortex.api.client.JobClient;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobResult;
import io.vortex.api.client.JobStatus;
import io.vortex.api.client.TaskFailureException;
import io.vortex.api.client.VortexException;
import io.vortex.api.graph.JobGraph;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.JsonMessageCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A job handle that talks to the JobManager over the event bus: listens to the job's events
 * before submitting, so none is missed, and turns them into the result future.
 *
 * <p>Collected batches arrive as requests: the reply is the sink's credit for another batch, and
 * it is held back while a reader of the batch has no room (see {@link CollectedStream} and
 * {@link JobEventStream}), so a client that does not read holds the job back instead of
 * buffering without bound.
 *
 * <p>Threading: thread-safe. Events arrive on the consumer's context; the streams, the sinks'
 * records and the held replies are guarded by {@link #lock}; the result is a promise.
 */
public final class EventBusJobClient implements JobClient {
  private static final long SUBMIT_TIMEOUT_MILLIS = 30_000;

  private final Vertx vertx;
  private final String jobId;
  private final boolean bounded;
  private final Promise<JobResult> result = Promise.promise();
  private final Object lock = new Object();
  private final JobEventStream events = new JobEventStream(lock, this::releaseCredits);
  private final Map<String, CollectedStream<Object>> sinks = new HashMap<>();
  /** Collected batches whose reply (credit) waits for room; guarded by {@link #lock}. */
  private final List<Message<JobEvent>> held = new ArrayList<>();
  private MessageConsumer<JobEvent> consumer;
  private JobResult completed;
  private JobEvent.TaskFailed failure;

  private EventBusJobClient(Vertx vertx, String jobId, boolean bounded) {
    this.vertx = vertx;
    this.jobId = jobId;
    this.bounded = bounded;
  }

  /** Listens for the job's events, then submits it. */
  public static EventBusJobClient submit(Vertx vertx, JobGraph graph) {
    JsonMessageCodec.registerAll(vertx.eventBus());
    var client = new EventBusJobClient(vertx, graph.jobId(), graph.config().bounded());
    client.consumer = vertx.eventBus().consumer(Addresses.jobEvents(graph.jobId()), client::onMessage);
    client.consumer
        .completion()
        .compose(v -> vertx.eventBus().request(
            Addresses.JOB_MANAGER,
            new ControlMessage.SubmitJob(graph),
            new DeliveryOptions().setSendTimeout(SUBMIT_TIMEOUT_MILLIS)))
        .onFailure(client::submitFailed);
    return client;
  }

  private void submitFailed(Throwable e) {
    VortexException error =
        e instanceof ReplyException re && re.failureCode() == 400
            ? new InvalidJobException(re.getMessage())
            : new VortexException("job submission failed: " + e.getMessage(), e);
    finish(() -> result.tryFail(error));
  }

  private void onMessage(Message<JobEvent> message) {
    JobEvent event = message.body();
    if (event instanceof JobEvent.Collected c) {
      synchronized (lock) {
        sink(c.sink()).add(c.records());
        events.push(c);
        held.add(message);
        releaseCredits();
      }
      return;
    }
    onEvent(event);
  }

  /** Replies to every held batch whose readers have room. Under the lock. */
  private void releaseCredits() {
    held.removeIf(m -> {
      var batch = (JobEvent.Collected) m.body();
      if (events.hasRoom() && sink(batch.sink()).hasRoom()) {
        m.reply(new ControlMessage.Ack("read"));
        return true;
      }
      return false;
    });
  }

  private CollectedStream<Object> sink(String name) {
    synchronized (lock) {
      return sinks.computeIfAbsent(name, n -> new CollectedStream<>(n, bounded, lock, this::releaseCredits));
    }
  }

  private void onEvent(JobEvent event) {
    if (event instanceof JobEvent.Completed c) {
      completed = c.result();
    } else if (event instanceof JobEvent.TaskFailed f) {
      failure = f;
    }
    events.push(event);
    if (event instanceof JobEvent.StatusChanged s && s.status().isTerminal()) {
      finish(() -> complete(s));
    }
  }

  private void complete(JobEvent.StatusChanged s) {
    if (s.status() == JobStatus.FINISHED) {
      result.tryComplete(completed);
    } else if (s.status() == JobStatus.CANCELED) {
      result.tryFail(new JobCancelledException(jobId));
    } else if (failure != null) {
      result.tryFail(new TaskFailureException(
          failure.operator(), failure.subtask(), failure.causeClass(), failure.causeMessage(), failure.stackTrace()));
    } else {
      result.tryFail(new VortexException("job " + jobId + " failed: " + s.message()));
    }
  }

  private void finish(Runnable completion) {
    synchronized (lock) {
      held.forEach(m -> m.reply(new ControlMessage.Ack("job over")));
      held.clear();
      sinks.values().forEach(CollectedStream::end);
      events.end();
    }
    consumer.unregister();
    completion.run();
  }

  @Override
  public String jobId() {
    return jobId;
  }

  @Override
  public Future<JobResult> result() {
    return result.future();
  }

  @Override
  public ReadStream<JobEvent> events() {
    return events;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> ReadStream<T> collectedStream(String sink) {
    return (ReadStream<T>) sink(sink);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> List<T> collected(String sink) {
    return (List<T>) sink(sink).kept();
  }

  @Override
  public Future<Void> cancel() {
    return vertx.eventBus().request(Addresses.JOB_MANAGER, new ControlMessage.CancelJob(jobId)).mapEmpty();
  }
}
