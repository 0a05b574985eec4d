package io.vortex.api.client;

import io.vertx.core.Future;
import io.vertx.core.streams.ReadStream;
import java.util.List;

/** The reactive handle of a submitted job. */
public interface JobClient {
  String jobId();

  /** Completes when the job finishes; fails with {@link TaskFailureException}, {@link InvalidJobException} or {@link JobCancelledException}. */
  Future<JobResult> result();

  /**
   * The job's events as they happen: status changes, failures, the result and collected
   * batches; ends with the job. Bounded: before a handler is set it keeps every status change,
   * failure and result, but collected batches only up to its capacity (64 events; read records
   * with {@link #collectedStream} or {@link #collected}); while a handler is set and the stream
   * is paused, a full stream holds the collect sinks back.
   */
  ReadStream<JobEvent> events();

  /**
   * The records of the collect sink named {@code sink} as they arrive (in order per sink
   * instance), with backpressure: at most about a thousand records wait for the reader; beyond
   * that the sink stops taking input, and so holds its sources back, until the reader fetches.
   * Ends after the last record once the job has ended. For a job whose sources are all bounded,
   * and after {@link #collected}, it reads the kept records from the first.
   */
  <T> ReadStream<T> collectedStream(String sink);

  /**
   * Every record the collect sink named {@code sink} sent so far (all of them once the job is
   * done), kept in memory. Kept from the start for jobs whose sources are all bounded; for a
   * job with an unbounded source this call opts in to keeping every record from then on (none
   * is lost: records wait for it while they are not read), so memory grows with the output:
   * read endless results with {@link #collectedStream} instead.
   *
   * @throws IllegalStateException if the sink is already read through {@link #collectedStream}
   */
  <T> List<T> collected(String sink);

  /** Asks the JobManager to cancel the job; completes when it is cancelled or already done. */
  Future<Void> cancel();
}
