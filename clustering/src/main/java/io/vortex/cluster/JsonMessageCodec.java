package io.vortex.cluster;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import io.vortex.api.client.JobEvent;
import io.vortex.api.graph.VortexJson;
import java.util.List;

/**
 * The one codec of control-plane messages and job events: JSON (Jackson, type names from the
 * sealed interfaces) on the wire, the same immutable instance for local delivery.
 */
public final class JsonMessageCodec<T> implements MessageCodec<T, T> {
  private final Class<T> type;
  private final String name;

  JsonMessageCodec(Class<T> type, Class<?> concrete) {
    this.type = type;
    this.name = "vortex-json-" + concrete.getName();
  }

  /** Registers the codec as the default for every message and event record. */
  public static void registerAll(EventBus eventBus) {
    registerSealed(eventBus, ControlMessage.class);
    registerSealed(eventBus, JobEvent.class);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void registerSealed(EventBus eventBus, Class<?> sealed) {
    for (Class<?> sub : sealed.getPermittedSubclasses()) {
      try {
        eventBus.registerDefaultCodec((Class) sub, new JsonMessageCodec(sealed, sub));
      } catch (IllegalStateException alreadyRegistered) {
        // another verticle of this Vert.x instance registered it first
      }
    }
  }

  /**
   * Builds the JSON mapper and the (de)serializers of the first messages a member exchanges (a
   * TaskManager's registration and its reply) on a daemon thread of its own, while the caller
   * joins the cluster. Done on the first message instead, it took 0.3-0.5 s on each side of that
   * message (Jackson's introspection, its date format's locale data), on the event loop of a
   * starting TaskManager and of the JobManager it registers with.
   */
  public static void warmUpInBackground() {
    Thread thread = new Thread(JsonMessageCodec::warmUp, "vortex-json-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /** Round-trips those messages; returns them as read back. */
  static List<ControlMessage> warmUp() {
    ControlMessage registration = new ControlMessage.RegisterTaskManager("warm-up", 1, "warm-up", new DataAddress("warm-up", "127.0.0.1", 1));
    ControlMessage ack = new ControlMessage.Ack("warm-up");
    return List.of(
        VortexJson.fromJson(VortexJson.toJson(registration), ControlMessage.class),
        VortexJson.fromJson(VortexJson.toJson(ack), ControlMessage.class));
  }

  @Override
  public void encodeToWire(Buffer buffer, T message) {
    byte[] json = VortexJson.toJson(message).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    buffer.appendInt(json.length).appendBytes(json);
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    String json = buffer.getString(pos + 4, pos + 4 + length, "UTF-8");
    return VortexJson.fromJson(json, type);
  }

  @Override
  public T transform(T message) {
    return message; // records are immutable
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
