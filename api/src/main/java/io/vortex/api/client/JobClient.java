package io.vortex.api.client;

import io.vertx.core.Future;
import io.vertx.core.streams.ReadStream;
import java.util.List;

/** The reactive handle of a submitted job. */
public interface JobClient {
  String jobId();

  /** Completes when the job finishes; fails with {@link TaskFailureException}, {@link InvalidJobException} or {@link JobCancelledException}. */
  Future<JobResult> result();

  /** The job's events as they happen: status changes, failures, collected records. */
  ReadStream<JobEvent> events();

  /** Everything collect sinks named {@code sink} sent so far (all of it once the job is done). */
  <T> List<T> collected(String sink);

  /** Asks the JobManager to cancel the job; completes when it is cancelled or already done. */
  Future<Void> cancel();
}
