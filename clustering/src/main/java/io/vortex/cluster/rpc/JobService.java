package io.vortex.cluster.rpc;

import io.vertx.core.buffer.Buffer;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vortex.api.client.JobEvent;
import io.vortex.cluster.ControlMessage.JobInfo;
import io.vortex.cluster.ControlMessage.JobInfos;

/**
 * The JobManager's gRPC contract, {@code vortex.JobService}, without generated code: messages
 * are JSON records in the one Vortex form ({@link RpcJson}), so a job graph and collected records
 * (binary inside the JSON, as on the event bus) keep their types; the server decodes requests
 * itself, so a malformed or empty one gets {@code INVALID_ARGUMENT} with a clear message.
 *
 * <ul>
 *   <li>{@code Submit(SubmitRequest) -> stream JobEvent}: submits the graph and follows the job
 *       until its final status (the stream ends after it, with status OK); a refused job ends
 *       the call with a non-OK status instead.
 *   <li>{@code Watch(JobRequest) -> stream JobEvent}: follows a job submitted through this
 *       service, from its current status on.
 *   <li>{@code UploadJar(stream bytes) -> JarUploaded}: a job jar, in chunks; jobs submitted
 *       with its id load their classes from it on the TaskManagers.
 *   <li>{@code Cancel(JobRequest) -> JobInfo}, {@code Describe(JobRequest) -> JobInfo},
 *       {@code List(ListRequest) -> JobInfos}.
 * </ul>
 */
public final class JobService {
  public static final ServiceName NAME = ServiceName.create("vortex", "JobService");
  /**
   * The largest message either side accepts: a collected batch (up to 1024 records) can be far
   * larger than gRPC's usual 256 KiB.
   */
  public static final long MAX_MESSAGE_BYTES = 64L << 20;

  /** A job to run: its graph as JSON (the {@code JobGraph} form), and the id of its uploaded jar, or null. */
  public record SubmitRequest(String graph, String jarId) {
    public SubmitRequest(String graph) {
      this(graph, null);
    }
  }

  /** An uploaded jar: submit jobs with {@code jarId} to run them with its classes. */
  public record JarUploaded(String jarId, long bytes) {}

  /** A request about one job. */
  public record JobRequest(String jobId) {}

  /** Lists the jobs the JobManager knows. */
  public record ListRequest() {}

  private JobService() {}

  /**
   * The server's methods: raw request bytes in (decoded by the handler), typed responses out;
   * the job event streams write events already encoded ({@link RpcJson#encode}), so the server
   * knows the bytes it holds for a client.
   */
  public static final class Server {
    public static final ServiceMethod<Buffer, Buffer> SUBMIT = ServiceMethod.server(NAME, "Submit", GrpcMessageEncoder.IDENTITY, GrpcMessageDecoder.IDENTITY);
    public static final ServiceMethod<Buffer, Buffer> WATCH = ServiceMethod.server(NAME, "Watch", GrpcMessageEncoder.IDENTITY, GrpcMessageDecoder.IDENTITY);
    public static final ServiceMethod<Buffer, JobInfo> CANCEL = server("Cancel", JobInfo.class);
    public static final ServiceMethod<Buffer, JobInfo> DESCRIBE = server("Describe", JobInfo.class);
    public static final ServiceMethod<Buffer, JobInfos> LIST = server("List", JobInfos.class);
    public static final ServiceMethod<Buffer, JarUploaded> UPLOAD_JAR = server("UploadJar", JarUploaded.class);

    private Server() {}

    private static <T> ServiceMethod<Buffer, T> server(String method, Class<T> response) {
      return ServiceMethod.server(NAME, method, RpcJson.encoder(), GrpcMessageDecoder.IDENTITY);
    }
  }

  /** The client's view of the same methods. */
  public static final class Client {
    public static final ServiceMethod<JobEvent, SubmitRequest> SUBMIT = client("Submit", JobEvent.class);
    public static final ServiceMethod<JobEvent, JobRequest> WATCH = client("Watch", JobEvent.class);
    public static final ServiceMethod<JobInfo, JobRequest> CANCEL = client("Cancel", JobInfo.class);
    public static final ServiceMethod<JobInfo, JobRequest> DESCRIBE = client("Describe", JobInfo.class);
    public static final ServiceMethod<JobInfos, ListRequest> LIST = client("List", JobInfos.class);
    public static final ServiceMethod<JarUploaded, Buffer> UPLOAD_JAR =
        ServiceMethod.client(NAME, "UploadJar", GrpcMessageEncoder.IDENTITY, RpcJson.decoder(JarUploaded.class));

    private Client() {}

    /** {@link #SUBMIT}, reading collected records' classes through {@code recordClasses} (a job jar's loader). */
    public static ServiceMethod<JobEvent, SubmitRequest> submit(ClassLoader recordClasses) {
      return ServiceMethod.client(NAME, "Submit", RpcJson.encoder(), RpcJson.decoder(JobEvent.class, recordClasses));
    }

    /** {@link #WATCH}, reading collected records' classes through {@code recordClasses}. */
    public static ServiceMethod<JobEvent, JobRequest> watch(ClassLoader recordClasses) {
      return ServiceMethod.client(NAME, "Watch", RpcJson.encoder(), RpcJson.decoder(JobEvent.class, recordClasses));
    }

    private static <Req, Resp> ServiceMethod<Resp, Req> client(String method, Class<Resp> response) {
      GrpcMessageEncoder<Req> encoder = RpcJson.encoder();
      return ServiceMethod.client(NAME, method, encoder, RpcJson.decoder(response));
    }
  }
}
