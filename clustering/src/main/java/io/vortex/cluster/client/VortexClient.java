package io.vortex.cluster.client;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientOptions;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vortex.api.client.JobClient;
import io.vortex.api.client.JobEvent;
import io.vortex.api.client.JobExecutor;
import io.vortex.api.graph.JobGraph;
import io.vortex.api.graph.VortexJson;
import io.vortex.cluster.ControlMessage.JobInfo;
import io.vortex.cluster.ControlMessage.JobInfos;
import io.vertx.core.file.OpenOptions;
import io.vortex.cluster.rpc.JobService;
import io.vortex.cluster.rpc.JobService.Client;
import io.vortex.cluster.rpc.JobService.JarUploaded;
import io.vortex.cluster.rpc.JobService.JobRequest;
import io.vortex.cluster.rpc.JobService.ListRequest;
import io.vortex.cluster.rpc.JobService.SubmitRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A client of a remote JobManager's gRPC service: submits jobs (as a {@link JobExecutor}, so a
 * {@code StreamEnvironment} runs its jobs there) and lists, describes and cancels them. The
 * handles it returns behave as the mini-cluster's: a result future, the events, and each collect
 * sink's records in the user's types with backpressure.
 *
 * <p>Threading: thread-safe.
 */
public final class VortexClient implements JobExecutor, AutoCloseable {
  /** How long connecting to the JobManager may take before the call fails. */
  public static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  /** Bytes per message of a jar upload (below gRPC's usual 256 KiB message limit). */
  private static final int UPLOAD_CHUNK_BYTES = 128 * 1024;

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final GrpcClient client;
  private final SocketAddress address;

  private VortexClient(Vertx vertx, boolean ownsVertx, SocketAddress address) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.address = address;
    this.client = GrpcClient.client(vertx, new GrpcClientOptions().setMaxMessageSize(JobService.MAX_MESSAGE_BYTES),
        new HttpClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS).setHttp2ClearTextUpgrade(false));
  }

  /** A client of the JobManager at {@code host:port}, on a Vert.x instance of its own. */
  public static VortexClient connect(String hostAndPort) {
    return new VortexClient(Vertx.vertx(), true, parseAddress(hostAndPort));
  }

  /** A client of the JobManager at {@code address}, on the caller's Vert.x. */
  public static VortexClient create(Vertx vertx, SocketAddress address) {
    return new VortexClient(vertx, false, address);
  }

  /** Parses {@code HOST:PORT}; throws {@link IllegalArgumentException} with what is wrong. */
  public static SocketAddress parseAddress(String hostAndPort) {
    int colon = hostAndPort == null ? -1 : hostAndPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostAndPort.length() - 1) {
      throw new IllegalArgumentException("expected HOST:PORT, was '" + hostAndPort + "'");
    }
    int port;
    try {
      port = Integer.parseInt(hostAndPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the port of '" + hostAndPort + "' is not a number");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("the port of '" + hostAndPort + "' must be 1..65535");
    }
    return SocketAddress.inetSocketAddress(port, hostAndPort.substring(0, colon));
  }

  public SocketAddress address() {
    return address;
  }

  /** Submits the graph and follows the job; the handle's result fails if the JobManager refuses it. */
  @Override
  public JobClient submit(JobGraph graph) {
    return submit(graph, null);
  }

  /**
   * Submits the graph to run with the classes of an uploaded jar ({@link #uploadJar}; null: the
   * TaskManagers' classpath). Collected records' classes resolve through the calling thread's
   * context class loader.
   */
  public JobClient submit(JobGraph graph, String jarId) {
    return submit(graph, jarId, callersLoader());
  }

  /**
   * The same, with collected records' classes resolved through {@code recordClasses}: the loader
   * over the jar shipped, so records of classes only that jar has arrive as those classes.
   */
  public JobClient submit(JobGraph graph, String jarId, ClassLoader recordClasses) {
    var job = new RemoteJobClient(graph.jobId(), graph.config().bounded(), id -> cancel(id).mapEmpty());
    var request = new SubmitRequest(VortexJson.toJson(graph), jarId);
    follow(job, () -> client.request(address, Client.submit(recordClasses)).compose(call -> call.send(request)));
    return job;
  }

  /**
   * Follows a job submitted through the same JobManager's service, from its current status on;
   * collected records' classes resolve through the calling thread's context class loader.
   */
  public JobClient watch(String jobId, boolean bounded) {
    var job = new RemoteJobClient(jobId, bounded, id -> cancel(id).mapEmpty());
    ClassLoader recordClasses = callersLoader();
    follow(job, () -> client.request(address, Client.watch(recordClasses)).compose(call -> call.send(new JobRequest(jobId))));
    return job;
  }

  /** Captured on the calling thread: the gRPC responses are decoded on an event loop, whose loader is Vert.x's. */
  private static ClassLoader callersLoader() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return loader != null ? loader : VortexClient.class.getClassLoader();
  }

  /** Starts a call of events and hands its response to {@code job} before its first event. */
  private <Req> void follow(RemoteJobClient job, Supplier<Future<GrpcClientResponse<Req, JobEvent>>> call) {
    onCallContext(context -> call.get().onSuccess(response -> job.follow(context, response)))
        .onFailure(e -> job.failed(RemoteErrors.describe(e, null)));
  }

  /**
   * Makes a call on a context of its own, attaching its futures' listeners there.
   *
   * <p>A response delivers its messages on the context its call was made on, as they arrive, and
   * drops those that come before a handler is set. Made on that context, the call's futures
   * complete there with their listeners in place, so a handler (or {@code last()}) is set before
   * the response's next message. Made from the caller's thread, a caller slower than the
   * JobManager's first reply (its first lambda's bootstrap is enough) attached its listener to a
   * completed future, which ran it later, on the context: a job's first status was lost.
   */
  private <T> Future<T> onCallContext(Function<Context, Future<T>> call) {
    Context context = vertx.getOrCreateContext();
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> {
      try {
        call.apply(context).onComplete(done);
      } catch (RuntimeException e) {
        done.fail(e);
      }
    });
    return done.future();
  }

  /**
   * Uploads a job jar to the JobManager, in chunks; completes with its id, for {@link
   * #submit(JobGraph, String)} or {@link #withJar}.
   */
  public Future<String> uploadJar(Path jar) {
    return onCallContext(context -> vertx.fileSystem().open(jar.toString(), new OpenOptions().setRead(true).setWrite(false).setCreate(false))
        .compose(file -> client.request(address, Client.UPLOAD_JAR)
            .compose(call -> call.send(file.setReadBufferSize(UPLOAD_CHUNK_BYTES)))
            .compose(response -> response.last().recover(e -> Future.failedFuture(RemoteErrors.describe(e, response))))
            .eventually(file::close)))
        .map(JarUploaded::jarId)
        .recover(e -> Future.failedFuture(e instanceof java.nio.file.FileSystemException || e.getCause() instanceof java.nio.file.NoSuchFileException
            ? new IllegalArgumentException("cannot read the jar " + jar + ": " + e.getMessage(), e)
            : RemoteErrors.describe(e, null)));
  }

  /** A {@link JobExecutor} whose jobs run with the classes of an uploaded jar. */
  public JobExecutor withJar(String jarId) {
    return graph -> submit(graph, jarId);
  }

  /**
   * A {@link JobExecutor} whose jobs run with the classes of an uploaded jar, and whose collected
   * records resolve through {@code recordClasses} (the client's loader over that jar).
   */
  public JobExecutor withJar(String jarId, ClassLoader recordClasses) {
    return graph -> submit(graph, jarId, recordClasses);
  }

  public Future<List<JobInfo>> list() {
    return unary(Client.LIST, new ListRequest()).map(JobInfos::jobs);
  }

  public Future<JobInfo> describe(String jobId) {
    return unary(Client.DESCRIBE, new JobRequest(jobId));
  }

  /** Cancels the job; completes with what the JobManager knows of it afterwards. */
  public Future<JobInfo> cancel(String jobId) {
    return unary(Client.CANCEL, new JobRequest(jobId));
  }

  private <Req, Resp> Future<Resp> unary(ServiceMethod<Resp, Req> method, Req request) {
    return onCallContext(context -> client.request(address, method)
        .compose(call -> call.send(request))
        .compose(response -> response.last().recover(e -> Future.failedFuture(RemoteErrors.describe(e, response)))))
        .recover(e -> Future.failedFuture(RemoteErrors.describe(e, null)));
  }

  @Override
  public void close() {
    client.close().await();
    if (ownsVertx) {
      vertx.close().await();
    }
  }
}
