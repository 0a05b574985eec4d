package io.vortex.cluster.client;

import io.vertx.core.Future;
import io.vertx.core.streams.ReadStream;
import io.vortex.api.client.JobClient;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobResult;
import java.util.List;

/**
 * The part of a job handle every transport shares: result, events and collected records come
 * from one {@link JobClientState}; subclasses feed it and say how a job is cancelled.
 *
 * <p>Threading: as {@link JobClientState}: thread-safe, guarded by its lock.
 */
abstract class StateBackedJobClient implements JobClient {
  protected final JobClientState state;

  StateBackedJobClient(String jobId, boolean bounded) {
    this.state = new JobClientState(jobId, bounded, this::onRoom);
  }

  /** A reader took records and there may be room again: hand out credit or resume the feed. */
  protected abstract void onRoom();

  @Override
  public final String jobId() {
    return state.jobId();
  }

  @Override
  public final Future<JobResult> result() {
    return state.result();
  }

  @Override
  public final ReadStream<JobEvent> events() {
    return state.events();
  }

  @Override
  public final <T> ReadStream<T> collectedStream(String sink) {
    return state.collectedStream(sink);
  }

  @Override
  public final <T> List<T> collected(String sink) {
    return state.collected(sink);
  }
}
