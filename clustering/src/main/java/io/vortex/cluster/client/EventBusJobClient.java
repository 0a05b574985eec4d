package io.vortex.cluster.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A job handle that talks to the JobManager over the event bus: listens to the job's events
 * before submitting, so none is missed, and turns them into the result future.
 *
 * <p>Threading: thread-safe. Events arrive on the consumer's context; collected records are
 * kept in synchronized lists, the result in a promise.
 */
public final class EventBusJobClient implements JobClient {
  private static final long SUBMIT_TIMEOUT_MILLIS = 30_000;

  private final Vertx vertx;
  private final String jobId;
  private final Promise<JobResult> result = Promise.promise();
  private final JobEventStream events = new JobEventStream();
  private final Map<String, List<Object>> collected = new ConcurrentHashMap<>();
  private MessageConsumer<JobEvent> consumer;
  private JobResult completed;
  private JobEvent.TaskFailed failure;

  private EventBusJobClient(Vertx vertx, String jobId) {
    this.vertx = vertx;
    this.jobId = jobId;
  }

  /** Listens for the job's events, then submits it. */
  public static EventBusJobClient submit(Vertx vertx, JobGraph graph) {
    var client = new EventBusJobClient(vertx, graph.jobId());
    client.consumer = vertx.eventBus().consumer(Addresses.jobEvents(graph.jobId()), m -> client.onEvent(m.body()));
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

  private void onEvent(JobEvent event) {
    if (event instanceof JobEvent.Collected c) {
      collected.computeIfAbsent(c.sink(), k -> Collections.synchronizedList(new ArrayList<>())).addAll(c.records());
    } else if (event instanceof JobEvent.Completed c) {
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
    events.end();
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
  public <T> List<T> collected(String sink) {
    List<Object> list = collected.get(sink);
    if (list == null) {
      return List.of();
    }
    synchronized (list) {
      return (List<T>) List.copyOf(list);
    }
  }

  @Override
  public Future<Void> cancel() {
    return vertx.eventBus().request(Addresses.JOB_MANAGER, new ControlMessage.CancelJob(jobId)).mapEmpty();
  }
}
