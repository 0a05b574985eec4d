package io.vortex.cluster.client;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.VortexException;
import java.util.function.Function;

/**
 * The handle of a job submitted to a remote JobManager: the job's events arrive on a gRPC
 * server stream and feed the same streams and result as on the mini-cluster.
 *
 * <p>Backpressure: while a reader has no room for another collected batch, the gRPC stream is
 * paused; HTTP/2 flow control then stops the JobManager's writes, which holds back the sinks'
 * credits, so a client that does not read holds the job back.
 *
 * <p>Threading: thread-safe. Events arrive on the gRPC client's context; pausing and resuming
 * the stream is done on that context; the state is guarded by its lock.
 */
final class RemoteJobClient extends StateBackedJobClient {
  private final Function<String, Future<Void>> canceller;
  private Context context;
  private GrpcClientResponse<?, JobEvent> stream;
  /** The stream is paused because a reader has no room; guarded by the state's lock. */
  private boolean paused;

  RemoteJobClient(String jobId, boolean bounded, Function<String, Future<Void>> canceller) {
    super(jobId, bounded);
    this.canceller = canceller;
  }

  /** Follows the events of {@code response} (called on its context). */
  void follow(Context context, GrpcClientResponse<?, JobEvent> response) {
    synchronized (state.lock) {
      this.context = context;
      this.stream = response;
    }
    response.handler(this::onEvent);
    response.exceptionHandler(e -> state.fail(RemoteErrors.describe(e, response)));
    response.endHandler(v -> {
      var error = RemoteErrors.ofStatus(response);
      state.fail(error != null ? error
          : new VortexException("the JobManager ended the event stream of job " + jobId() + " before its final status"));
    });
  }

  /** The call failed before any event (the JobManager refused the job or is unreachable). */
  void failed(VortexException error) {
    state.fail(error);
  }

  private void onEvent(JobEvent event) {
    state.onEvent(event);
    if (event instanceof JobEvent.Collected c) {
      synchronized (state.lock) {
        if (!paused && !state.hasRoom(c.sink())) {
          paused = true;
          stream.pause();
        }
      }
    }
  }

  /** A reader took records: resumes the stream if every reader has room. Under the lock. */
  @Override
  protected void onRoom() {
    if (paused && stream != null && state.hasRoomForAll()) {
      paused = false;
      context.runOnContext(v -> stream.resume());
    }
  }

  @Override
  public Future<Void> cancel() {
    return canceller.apply(jobId());
  }
}
