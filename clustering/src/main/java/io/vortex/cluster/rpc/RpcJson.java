package io.vortex.cluster.rpc;

import io.vertx.core.buffer.Buffer;
import io.vertx.grpc.common.CodecException;
import io.vertx.grpc.common.GrpcMessage;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.WireFormat;
import io.vortex.api.graph.VortexJson;
import java.nio.charset.StandardCharsets;

/**
 * gRPC message codec of {@link JobService}: Vortex's JSON form (one {@code ObjectMapper}, type
 * names on sealed types) framed as gRPC messages. Not protobuf: only Vortex's own Java client
 * calls this service, and it needs no code generation or {@code protoc} binary in the build.
 *
 * <p>Threading: immutable.
 */
public final class RpcJson {
  private RpcJson() {}

  /** The message's wire form (its JSON), for a stream that writes messages encoded once. */
  public static Buffer encode(Object message) {
    return Buffer.buffer(VortexJson.toJson(message).getBytes(StandardCharsets.UTF_8));
  }

  public static <T> GrpcMessageEncoder<T> encoder() {
    return new GrpcMessageEncoder<>() {
      @Override
      public GrpcMessage encode(T message, WireFormat format) throws CodecException {
        try {
          return GrpcMessage.message("identity", format, RpcJson.encode(message));
        } catch (RuntimeException e) {
          throw new CodecException(e);
        }
      }

      @Override
      public boolean accepts(WireFormat format) {
        return true;
      }
    };
  }

  public static <T> GrpcMessageDecoder<T> decoder(Class<T> type) {
    return decoder(type, null);
  }

  /**
   * A decoder whose record classes (in collected results) resolve through {@code recordClasses}
   * (null: the decoding thread's context class loader), e.g. the loader of a shipped job jar.
   */
  public static <T> GrpcMessageDecoder<T> decoder(Class<T> type, ClassLoader recordClasses) {
    return new GrpcMessageDecoder<>() {
      @Override
      public T decode(GrpcMessage message) throws CodecException {
        try {
          return parse(message.payload(), type, recordClasses);
        } catch (IllegalArgumentException e) {
          throw new CodecException(e);
        }
      }

      @Override
      public boolean accepts(WireFormat format) {
        return true;
      }
    };
  }

  /**
   * Parses a message; an empty or malformed one throws {@link IllegalArgumentException} whose
   * message says what is wrong (for an {@code INVALID_ARGUMENT} status).
   */
  public static <T> T parse(Buffer payload, Class<T> type) {
    return parse(payload, type, null);
  }

  /** {@link #parse(Buffer, Class)}, resolving record classes through {@code recordClasses} (null: the thread's). */
  public static <T> T parse(Buffer payload, Class<T> type, ClassLoader recordClasses) {
    if (payload == null || payload.length() == 0) {
      throw new IllegalArgumentException("empty request: expected a " + type.getSimpleName());
    }
    try {
      T value = VortexJson.fromJson(payload.toString(StandardCharsets.UTF_8), type, recordClasses);
      if (value == null) {
        throw new IllegalArgumentException("empty request: expected a " + type.getSimpleName());
      }
      return value;
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed " + type.getSimpleName() + ": " + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) + "... (" + line.length() + " chars)" : line;
  }
}
