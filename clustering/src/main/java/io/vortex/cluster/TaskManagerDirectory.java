package io.vortex.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import io.vortex.api.graph.VortexJson;
import io.vortex.cluster.ControlMessage.RegisterTaskManager;
import java.util.List;

/**
 * The cluster's TaskManagers, their slots and data addresses, in a cluster-wide map: Hazelcast's
 * (through Vert.x shared data) in a cluster of processes, a local map in the mini-cluster. Each
 * TaskManager puts its registration there as it registers with the JobManager, and takes it out when
 * it stops; the JobManager reads the map when it starts, so it knows the TaskManagers that joined
 * before it, and removes the entries of members that left. Values are the registrations' JSON.
 *
 * <p>Threading: any context; every operation is asynchronous.
 */
public final class TaskManagerDirectory {
  /** The name of the map. */
  public static final String MAP = "vortex.taskmanagers";

  private TaskManagerDirectory() {}

  private static Future<AsyncMap<String, String>> map(Vertx vertx) {
    return vertx.sharedData().getAsyncMap(MAP);
  }

  /** Puts (or replaces) the TaskManager's registration. */
  public static Future<Void> publish(Vertx vertx, RegisterTaskManager registration) {
    String json = VortexJson.toJson((ControlMessage) registration);
    return map(vertx).compose(m -> m.put(registration.taskManagerId(), json));
  }

  /** Takes the TaskManager out (no-op when it is not there). */
  public static Future<Void> remove(Vertx vertx, String taskManagerId) {
    return map(vertx).compose(m -> m.remove(taskManagerId)).mapEmpty();
  }

  /** Every registration in the map. */
  public static Future<List<RegisterTaskManager>> all(Vertx vertx) {
    return map(vertx)
        .compose(AsyncMap::entries)
        .map(entries -> entries.values().stream()
            .map(json -> (RegisterTaskManager) VortexJson.fromJson(json, ControlMessage.class))
            .toList());
  }
}
