package io.vortex.cluster.node;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.spi.cluster.NodeListener;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import io.vortex.cluster.JsonMessageCodec;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A clustered Vert.x with the Hazelcast cluster manager, Vortex's codecs registered, and membership
 * events delivered to the application.
 *
 * <p>Threading: created and closed from any thread; membership handlers run on the context that
 * registered them (Hazelcast calls back on its own threads).
 */
public final class ClusterNode {

  /** A member joined or left; {@code nodeId} is the Vert.x node id. */
  public record MembershipEvent(String nodeId, boolean joined) {}

  private final Vertx vertx;
  private final HazelcastClusterManager clusterManager;
  private final List<Consumer<String>> leftHandlers;
  private final List<Consumer<String>> joinedHandlers;

  private ClusterNode(Vertx vertx, TeeClusterManager clusterManager) {
    this.vertx = vertx;
    this.clusterManager = clusterManager;
    this.leftHandlers = clusterManager.left;
    this.joinedHandlers = clusterManager.joined;
  }

  /** Starts a clustered Vert.x that joins the cluster the options describe. */
  public static Future<ClusterNode> start(ClusterOptions options) {
    return start(options, new VertxOptions());
  }

  /** Starts a clustered Vert.x from {@code vertxOptions}, its event bus bound to the cluster host. */
  public static Future<ClusterNode> start(ClusterOptions options, VertxOptions vertxOptions) {
    JsonMessageCodec.warmUpInBackground();
    TeeClusterManager manager = new TeeClusterManager(options);
    VertxOptions withBus = new VertxOptions(vertxOptions)
        .setEventBusOptions(new EventBusOptions(vertxOptions.getEventBusOptions()).setHost(options.host()).setPort(0));
    return Vertx.builder().with(withBus).withClusterManager(manager).buildClustered().map(vertx -> {
      JsonMessageCodec.registerAll(vertx.eventBus());
      ClusterMembership.remember(vertx, manager.getHazelcastInstance());
      return new ClusterNode(vertx, manager);
    });
  }

  public Vertx vertx() {
    return vertx;
  }

  /** This member's node id (Vert.x's, kept in a Hazelcast member attribute). */
  public String nodeId() {
    return clusterManager.getNodeId();
  }

  /** The node ids of the members now in the cluster, this one included. */
  public List<String> members() {
    return clusterManager.getNodes();
  }

  /** The Hazelcast cluster manager, for the cluster's maps. */
  public HazelcastClusterManager clusterManager() {
    return clusterManager;
  }

  /**
   * Calls {@code handler} with every membership change from now on, on the caller's context.
   */
  public void onMembership(Consumer<MembershipEvent> handler) {
    Objects.requireNonNull(handler, "handler");
    Context context = vertx.getOrCreateContext();
    joinedHandlers.add(id -> context.runOnContext(v -> handler.accept(new MembershipEvent(id, true))));
    leftHandlers.add(id -> context.runOnContext(v -> handler.accept(new MembershipEvent(id, false))));
  }

  /** Leaves the cluster gracefully (the others see this member leave at once) and closes Vert.x. */
  public Future<Void> close() {
    return vertx.close().onComplete(v -> ClusterMembership.forget(vertx));
  }

  /**
   * The cluster manager holds a single {@link NodeListener} slot, which Vert.x takes only in HA
   * mode; this one keeps the slot for itself and forwards to Vert.x's listener and the app's.
   */
  private static final class TeeClusterManager extends HazelcastClusterManager {
    final List<Consumer<String>> joined = new CopyOnWriteArrayList<>();
    final List<Consumer<String>> left = new CopyOnWriteArrayList<>();
    private volatile NodeListener vertxListener;

    TeeClusterManager(ClusterOptions options) {
      super(options.toHazelcastConfig());
      super.nodeListener(new NodeListener() {
        @Override
        public void nodeAdded(String nodeId) {
          NodeListener inner = vertxListener;
          if (inner != null) {
            inner.nodeAdded(nodeId);
          }
          joined.forEach(h -> h.accept(nodeId));
        }

        @Override
        public void nodeLeft(String nodeId) {
          NodeListener inner = vertxListener;
          if (inner != null) {
            inner.nodeLeft(nodeId);
          }
          left.forEach(h -> h.accept(nodeId));
        }
      });
    }

    @Override
    public void nodeListener(NodeListener listener) {
      vertxListener = listener;
    }
  }
}
