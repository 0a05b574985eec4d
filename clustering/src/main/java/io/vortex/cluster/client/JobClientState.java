package io.vortex.cluster.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.streams.ReadStream;
import io.vortex.api.client.JobCancelledException;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobResult;
import io.vortex.api.client.JobStatus;
import io.vortex.api.client.TaskFailureException;
import io.vortex.api.client.VortexException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client knows of one job, whatever carries its events (the event bus, or gRPC): the
 * event stream, each collect sink's records, and the result future, which the events complete.
 * The transport asks {@link #hasRoom} before it lets a sink send more, and hears of room through
 * the {@code onRoom} callback.
 *
 * <p>Threading: thread-safe. Streams, records and fields are guarded by {@link #lock}; the result
 * is a promise.
 */
final class JobClientState {
  final Object lock = new Object();
  private final String jobId;
  private final boolean bounded;
  private final Runnable onRoom;
  private final Promise<JobResult> result = Promise.promise();
  private final JobEventStream events;
  private final Map<String, CollectedStream<Object>> sinks = new HashMap<>();
  private JobResult completed;
  private JobEvent.TaskFailed failure;
  private boolean ended;

  /** {@code onRoom} runs under {@link #lock} whenever a reader took records or events. */
  JobClientState(String jobId, boolean bounded, Runnable onRoom) {
    this.jobId = jobId;
    this.bounded = bounded;
    this.onRoom = onRoom;
    this.events = new JobEventStream(lock, onRoom);
  }

  String jobId() {
    return jobId;
  }

  /** Takes one event; returns true if it ended the job (the streams ended, the result is set). */
  boolean onEvent(JobEvent event) {
    synchronized (lock) {
      if (ended) {
        return false;
      }
      if (event instanceof JobEvent.Collected c) {
        sink(c.sink()).add(c.records());
      } else if (event instanceof JobEvent.Completed c) {
        completed = c.result();
      } else if (event instanceof JobEvent.TaskFailed f) {
        failure = f;
      }
      events.push(event);
    }
    if (event instanceof JobEvent.StatusChanged s && s.status().isTerminal()) {
      end();
      complete(s);
      return true;
    }
    return false;
  }

  /** Whether a collected batch of {@code sink} may be acknowledged: its readers have room. */
  boolean hasRoom(String sink) {
    synchronized (lock) {
      return events.hasRoom() && sink(sink).hasRoom();
    }
  }

  /** Whether every reader (the events and every sink's records) has room. */
  boolean hasRoomForAll() {
    synchronized (lock) {
      return events.hasRoom() && sinks.values().stream().allMatch(CollectedStream::hasRoom);
    }
  }

  /** The job ended without a final status from the JobManager (refused, or the connection lost). */
  void fail(VortexException error) {
    end();
    result.tryFail(error);
  }

  private void end() {
    synchronized (lock) {
      ended = true;
      sinks.values().forEach(CollectedStream::end);
      events.end();
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

  private CollectedStream<Object> sink(String name) {
    synchronized (lock) {
      return sinks.computeIfAbsent(name, n -> new CollectedStream<>(n, bounded, lock, onRoom));
    }
  }

  Future<JobResult> result() {
    return result.future();
  }

  ReadStream<JobEvent> events() {
    return events;
  }

  @SuppressWarnings("unchecked")
  <T> ReadStream<T> collectedStream(String sink) {
    return (ReadStream<T>) sink(sink);
  }

  @SuppressWarnings("unchecked")
  <T> List<T> collected(String sink) {
    return (List<T>) sink(sink).kept();
  }
}
