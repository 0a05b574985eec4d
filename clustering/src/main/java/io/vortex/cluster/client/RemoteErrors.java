package io.vortex.cluster.client;

import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcErrorException;
import io.vertx.grpc.common.GrpcStatus;
import io.vortex.api.client.InvalidJobException;
import io.vortex.api.client.VortexException;
import java.net.ConnectException;

/** gRPC failures as the exceptions a job's client knows, with the JobManager's message. */
final class RemoteErrors {
  private RemoteErrors() {}

  /** The call's non-OK status as an exception, or null when it ended OK. */
  static VortexException ofStatus(GrpcClientResponse<?, ?> response) {
    GrpcStatus status = response.status();
    if (status == null || status == GrpcStatus.OK) {
      return null;
    }
    return of(status, response.statusMessage());
  }

  static VortexException of(GrpcStatus status, String message) {
    String text = message == null || message.isBlank() ? status.name() : message;
    return status == GrpcStatus.INVALID_ARGUMENT
        ? new InvalidJobException(text)
        : new RemoteCallException(status, text);
  }

  /** A failed call (unreachable JobManager, lost connection, a status) as an exception. */
  static VortexException describe(Throwable e, GrpcClientResponse<?, ?> response) {
    if (response != null && e instanceof InvalidStatusException) {
      VortexException status = ofStatus(response);
      if (status != null) {
        return status;
      }
    }
    if (e instanceof VortexException v) {
      return v;
    }
    if (e instanceof GrpcErrorException g) {
      return new RemoteCallException(g.status(), "the call was reset: " + g.getMessage());
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String what = root instanceof ConnectException ? "cannot reach the JobManager" : "the connection to the JobManager failed";
    return new RemoteCallException(GrpcStatus.UNAVAILABLE, what + ": " + root.getMessage());
  }
}
