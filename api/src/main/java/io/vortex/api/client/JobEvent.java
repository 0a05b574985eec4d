package io.vortex.api.client;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.vortex.api.internal.serialization.RecordsJson;
import java.util.List;

/** What a job tells its client while it runs. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface JobEvent {
  String jobId();

  /** The job moved to {@code status}; {@code message} explains failures. */
  record StatusChanged(String jobId, JobStatus status, String message) implements JobEvent {}

  /** A task failed; the job fails with it. The cause is text: its class may not load here. */
  record TaskFailed(
      String jobId,
      String operator,
      int subtask,
      String causeClass,
      String causeMessage,
      String stackTrace)
      implements JobEvent {}

  /** The job finished; published just before its FINISHED status. */
  record Completed(String jobId, JobResult result) implements JobEvent {}

  /** Records a {@code CollectSink} named {@code sink} sent back, in order per subtask. */
  record Collected(
      String jobId,
      String sink,
      int subtask,
      @JsonSerialize(using = RecordsJson.Writer.class) @JsonDeserialize(using = RecordsJson.Reader.class)
          List<?> records)
      implements JobEvent {}
}
