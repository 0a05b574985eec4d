package io.vortex.jobmanager.grpc;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerOptions;
import io.vortex.cluster.rpc.JobService;
import io.vortex.cluster.JsonMessageCodec;

/**
 * The JobManager's gRPC endpoint ({@link io.vortex.cluster.rpc.JobService}) on an HTTP/2
 * (cleartext) server. Deploy it beside the {@link io.vortex.jobmanager.JobManagerVerticle}, in
 * the same Vert.x or in a member of its cluster. Wiring only.
 */
public final class JobServiceVerticle extends VerticleBase {
  /**
   * Collected results held per job for its gRPC clients, sent or not yet (their client reads
   * slowly), before the job's collect sinks are held back: 8 MiB, a few big batches.
   */
  public static final int DEFAULT_BUFFER_MIB = 8;

  private String host;
  private int port;
  private long maxBufferedBytes;
  /** Constructed without settings: they come from the deployment's config (the Vert.x launcher's {@code -conf}). */
  private final boolean fromConfig;
  private HttpServer server;
  private JobJars jars;

  /** Listens on {@code host:port}; port 0 picks a free port (see {@link #actualPort}). */
  public JobServiceVerticle(String host, int port) {
    this(host, port, DEFAULT_BUFFER_MIB);
  }

  /**
   * Listens on {@code host:port}, holding up to {@code bufferMiB} MiB of each job's collected
   * results for its clients before the job's collect sinks wait for them to read.
   */
  public JobServiceVerticle(String host, int port, int bufferMiB) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("the RPC port must be 0..65535, was " + port);
    }
    this.host = java.util.Objects.requireNonNull(host, "host");
    this.port = port;
    this.maxBufferedBytes = bufferBytes(bufferMiB);
    this.fromConfig = false;
  }

  private static long bufferBytes(int mib) {
    if (mib < 1 || mib > 4096) {
      throw new IllegalArgumentException("the RPC buffer must be 1..4096 MiB, was " + mib);
    }
    return (long) mib << 20;
  }

  /**
   * The service set up by its deployment's config, as the Vert.x launcher deploys it ({@code
   * -conf '{"host": "0.0.0.0", "rpcPort": 6123, "rpcBufferMiB": 8}'}; defaults 127.0.0.1, 6123 and
   * {@value #DEFAULT_BUFFER_MIB}; port 0 picks a free port); it prints {@code job service serves jobs at HOST:PORT} once it listens.
   */
  public JobServiceVerticle() {
    this.fromConfig = true;
  }

  @Override
  public Future<?> start() {
    if (fromConfig) {
      host = config().getString("host", "127.0.0.1");
      port = config().getInteger("rpcPort", 6123);
      if (port < 0 || port > 65_535) {
        return Future.failedFuture(new IllegalArgumentException("rpcPort must be 0..65535, is " + port));
      }
      try {
        maxBufferedBytes = bufferBytes(config().getInteger("rpcBufferMiB", DEFAULT_BUFFER_MIB));
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(new IllegalArgumentException("rpcBufferMiB: " + e.getMessage()));
      }
      return listen().onSuccess(s -> System.out.println("job service serves jobs at " + host + ":" + actualPort()));
    }
    return listen();
  }

  private Future<HttpServer> listen() {
    JsonMessageCodec.registerAll(vertx.eventBus());
    GrpcServer grpc = GrpcServer.server(vertx, new GrpcServerOptions().setMaxMessageSize(JobService.MAX_MESSAGE_BYTES));
    jars = new JobJars(vertx);
    new GrpcJobService(vertx, jars, maxBufferedBytes).register(grpc);
    server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)).requestHandler(grpc);
    return jars.start().compose(v -> server.listen());
  }

  @Override
  public Future<?> stop() {
    return jars.stop();
  }

  /** The port the service listens on, once started. */
  public int actualPort() {
    return server.actualPort();
  }
}
