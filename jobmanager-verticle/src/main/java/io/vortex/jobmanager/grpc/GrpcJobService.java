package io.vortex.jobmanager.grpc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.GrpcServerResponse;
import io.vortex.api.client.JobEvent;
import io.vortex.api.graph.JobGraph;
import io.vortex.cluster.Addresses;
import io.vortex.cluster.ControlMessage;
import io.vortex.cluster.ControlMessage.JobInfo;
import io.vortex.cluster.ControlMessage.JobInfos;
import io.vortex.cluster.rpc.JobService;
import io.vortex.cluster.rpc.JobService.JobRequest;
import io.vortex.cluster.rpc.JobService.Server;
import io.vortex.cluster.rpc.JobService.SubmitRequest;
import io.vortex.cluster.rpc.RpcJson;
import io.vortex.jobmanager.JobManagerVerticle;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@link JobService} handlers: each call becomes the event-bus messages every other client
 * of the JobManager sends ({@code SubmitJob}, {@code CancelJob}, {@code DescribeJob},
 * {@code ListJobs}), and the job's events come from the same event-bus address. Bad requests and
 * refusals end the call with a gRPC status and the JobManager's message.
 *
 * <p>Threading: confined to the gRPC service verticle's event loop (the server's and the feeds'
 * handlers run there).
 */
final class GrpcJobService {
  private static final DeliveryOptions TO_JOB_MANAGER = new DeliveryOptions().setSendTimeout(30_000);

  private final Vertx vertx;
  private final Map<String, JobFeed> feeds = new HashMap<>();
  private final JobJars jars;
  /** Per job, the bytes of collected results held for its watchers before its sinks are held back. */
  private final long maxBufferedBytes;

  GrpcJobService(Vertx vertx, JobJars jars, long maxBufferedBytes) {
    this.vertx = vertx;
    this.jars = jars;
    this.maxBufferedBytes = maxBufferedBytes;
  }

  void register(GrpcServer server) {
    server.callHandler(Server.SUBMIT, call -> call.handler(body -> submit(call, body)));
    server.callHandler(Server.WATCH, call -> call.handler(body -> watch(call, body)));
    server.callHandler(Server.CANCEL, call -> call.handler(body -> unary(call, body, this::cancel)));
    server.callHandler(Server.DESCRIBE, call -> call.handler(body -> unary(call, body, this::describe)));
    server.callHandler(Server.UPLOAD_JAR, call -> {
      call.pause();
      reply(call.response(), jars.store(call));
    });
    server.callHandler(Server.LIST, call -> call.handler(body -> {
      Future<JobInfos> list = request(new ControlMessage.ListJobs()).map(JobInfos.class::cast);
      reply(call.response(), list);
    }));
  }

  private void submit(GrpcServerRequest<Buffer, Buffer> call, Buffer body) {
    GrpcServerResponse<Buffer, Buffer> response = call.response();
    JobGraph graph;
    String jarId;
    try {
      SubmitRequest submit = RpcJson.parse(body, SubmitRequest.class);
      jarId = submit.jarId();
      if (jarId != null && !jars.exists(jarId)) {
        throw new IllegalArgumentException("unknown jar id '" + jarId + "': upload the jar first");
      }
      String json = submit.graph();
      if (json == null || json.isBlank()) {
        throw new IllegalArgumentException("empty request: the job graph is missing");
      }
      graph = RpcJson.parse(Buffer.buffer(json), JobGraph.class);
    } catch (IllegalArgumentException e) {
      fail(response, GrpcStatus.INVALID_ARGUMENT, e.getMessage());
      return;
    }
    if (feeds.containsKey(graph.jobId())) {
      fail(response, GrpcStatus.ALREADY_EXISTS, "a job with id " + graph.jobId() + " is already running");
      return;
    }
    JobFeed.open(vertx, graph.jobId(), maxBufferedBytes, () -> {
          feeds.remove(graph.jobId());
          jars.jobEnded(graph.jobId());
        })
        .onSuccess(feed -> {
          feeds.put(graph.jobId(), feed);
          if (jarId != null) {
            jars.use(graph.jobId(), jarId);
          }
          request(new ControlMessage.SubmitJob(graph))
              .onSuccess(ack -> follow(call, feed))
              .onFailure(e -> {
                feed.end();
                fail(response, e);
              });
        })
        .onFailure(e -> fail(response, e));
  }

  private void watch(GrpcServerRequest<Buffer, Buffer> call, Buffer body) {
    GrpcServerResponse<Buffer, Buffer> response = call.response();
    String jobId;
    try {
      jobId = jobId(body);
    } catch (IllegalArgumentException e) {
      fail(response, GrpcStatus.INVALID_ARGUMENT, e.getMessage());
      return;
    }
    JobFeed feed = feeds.get(jobId);
    if (feed != null) {
      response.write(RpcJson.encode(new JobEvent.StatusChanged(jobId, feed.status(), null)));
      follow(call, feed);
      return;
    }
    describe(jobId)
        .onSuccess(info -> {
          if (info.status().isTerminal()) {
            response.end(RpcJson.encode(new JobEvent.StatusChanged(jobId, info.status(), info.message())));
          } else {
            fail(response, GrpcStatus.FAILED_PRECONDITION, "job " + jobId
                + " was not submitted through this service: its events go to the client that submitted it");
          }
        })
        .onFailure(e -> fail(response, e));
  }

  /** The call follows the job until it ends, or until its client goes away. */
  private static void follow(GrpcServerRequest<Buffer, Buffer> call, JobFeed feed) {
    GrpcServerResponse<Buffer, Buffer> response = call.response();
    call.exceptionHandler(e -> feed.unwatch(response));
    response.exceptionHandler(e -> feed.unwatch(response));
    feed.watch(response);
  }

  private Future<JobInfo> cancel(String jobId) {
    return request(new ControlMessage.CancelJob(jobId)).compose(ack -> describe(jobId));
  }

  private Future<JobInfo> describe(String jobId) {
    return request(new ControlMessage.DescribeJob(jobId)).map(reply -> ((JobInfos) reply).jobs().get(0));
  }

  private <T> void unary(GrpcServerRequest<Buffer, T> call, Buffer body, Function<String, Future<T>> handler) {
    String jobId;
    try {
      jobId = jobId(body);
    } catch (IllegalArgumentException e) {
      fail(call.response(), GrpcStatus.INVALID_ARGUMENT, e.getMessage());
      return;
    }
    reply(call.response(), handler.apply(jobId));
  }

  private static String jobId(Buffer body) {
    String jobId = RpcJson.parse(body, JobRequest.class).jobId();
    if (jobId == null || jobId.isBlank()) {
      throw new IllegalArgumentException("empty request: a job id is required");
    }
    return jobId;
  }

  private Future<ControlMessage> request(ControlMessage message) {
    return vertx.eventBus().<ControlMessage>request(Addresses.JOB_MANAGER, message, TO_JOB_MANAGER)
        .map(reply -> reply.body());
  }

  private static <T> void reply(GrpcServerResponse<Buffer, T> response, Future<T> result) {
    result.onSuccess(response::end).onFailure(e -> fail(response, e));
  }

  private static void fail(GrpcServerResponse<?, ?> response, Throwable e) {
    fail(response, statusOf(e), e.getMessage());
  }

  private static void fail(GrpcServerResponse<?, ?> response, GrpcStatus status, String message) {
    response.status(status).statusMessage(message == null ? status.name() : message).end();
  }

  /** The JobManager's refusal as a gRPC status. */
  static GrpcStatus statusOf(Throwable e) {
    if (!(e instanceof ReplyException re)) {
      return GrpcStatus.INTERNAL;
    }
    if (re.failureType() == ReplyFailure.NO_HANDLERS) {
      return GrpcStatus.UNAVAILABLE;
    }
    if (re.failureType() == ReplyFailure.TIMEOUT) {
      return GrpcStatus.DEADLINE_EXCEEDED;
    }
    return switch (re.failureCode()) {
      case JobManagerVerticle.INVALID_JOB -> GrpcStatus.INVALID_ARGUMENT;
      case JobManagerVerticle.UNKNOWN_JOB -> GrpcStatus.NOT_FOUND;
      case JobManagerVerticle.NO_RESOURCES -> GrpcStatus.RESOURCE_EXHAUSTED;
      default -> GrpcStatus.INTERNAL;
    };
  }
}
