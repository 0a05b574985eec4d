package io.vortex.cluster.client;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vortex.api.client.InvalidJobException;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.VortexException;
import io.vortex.api.graph.JobGraph;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.JsonMessageCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * A job handle that talks to the JobManager over the event bus: listens to the job's events
 * before submitting, so none is missed, and turns them into the result future.
 *
 * <p>Collected batches arrive as requests: the reply is the sink's credit for another batch, and
 * it is held back while a reader of the batch has no room (see {@link CollectedStream} and
 * {@link JobEventStream}), so a client that does not read holds the job back instead of
 * buffering without bound.
 *
 * <p>Threading: thread-safe. Events arrive on the consumer's context; the held replies are
 * guarded by the state's lock.
 */
public final class EventBusJobClient extends StateBackedJobClient {
  private static final long SUBMIT_TIMEOUT_MILLIS = 30_000;

  private final Vertx vertx;
  /** Collected batches whose reply (credit) waits for room; guarded by the state's lock. */
  private final List<Message<JobEvent>> held = new ArrayList<>();
  private MessageConsumer<JobEvent> consumer;

  private EventBusJobClient(Vertx vertx, String jobId, boolean bounded) {
    super(jobId, bounded);
    this.vertx = vertx;
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
    replyToHeld();
    consumer.unregister();
    state.fail(error);
  }

  private void onMessage(Message<JobEvent> message) {
    JobEvent event = message.body();
    if (event instanceof JobEvent.Collected) {
      synchronized (state.lock) {
        state.onEvent(event);
        held.add(message);
        releaseCredits();
      }
      return;
    }
    if (state.onEvent(event)) {
      replyToHeld();
      consumer.unregister();
    }
  }

  /** Replies to every held batch whose readers have room. Under the lock. */
  @Override
  protected void onRoom() {
    releaseCredits();
  }

  private void releaseCredits() {
    held.removeIf(m -> {
      if (state.hasRoom(((JobEvent.Collected) m.body()).sink())) {
        m.reply(new ControlMessage.Ack("read"));
        return true;
      }
      return false;
    });
  }

  private void replyToHeld() {
    synchronized (state.lock) {
      held.forEach(m -> m.reply(new ControlMessage.Ack("job over")));
      held.clear();
    }
  }

  @Override
  public Future<Void> cancel() {
    return vertx.eventBus().request(Addresses.JOB_MANAGER, new ControlMessage.CancelJob(jobId())).mapEmpty();
  }
}
