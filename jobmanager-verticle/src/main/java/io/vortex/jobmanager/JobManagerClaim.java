package io.vortex.jobmanager;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import io.vortex.cluster.node.ClusterMembership;

/**
 * Makes this JobManager the only one of its cluster: every JobManager listens on the one
 * event-bus address {@code vortex.jobmanager}, so a second would split the TaskManagers' messages
 * with the first. Until standby JobManagers exist, the cluster-wide map {@value #MAP} holds the
 * node id of the member that is the JobManager: a JobManager takes the entry when it starts,
 * and gives it back when it stops; an entry left by a member that is no longer in the cluster (a
 * killed JobManager) is taken over. Outside a cluster (the mini-cluster) there is nothing to claim.
 *
 * <p>Threading: any context; every operation is asynchronous.
 */
final class JobManagerClaim {
  /** The map holding the JobManager's node id under {@value #KEY}. */
  static final String MAP = "vortex.jobmanager";
  static final String KEY = "node";

  private final Vertx vertx;
  /** This member's node id; null when not clustered (nothing claimed). */
  private final String nodeId;
  private boolean claimed;

  JobManagerClaim(Vertx vertx) {
    this.vertx = vertx;
    this.nodeId = vertx.isClustered() ? ClusterMembership.nodeId(vertx) : null;
  }

  /**
   * Takes the entry; fails with {@link AnotherJobManagerException} naming the running JobManager
   * when another member of the cluster holds it.
   */
  Future<Void> acquire() {
    if (nodeId == null) {
      return Future.succeededFuture();
    }
    return map().compose(this::acquire).onSuccess(v -> claimed = true);
  }

  private Future<Void> acquire(AsyncMap<String, String> map) {
    return map.putIfAbsent(KEY, nodeId).compose(holder -> {
      if (holder == null || holder.equals(nodeId)) {
        return Future.succeededFuture();
      }
      if (!Boolean.FALSE.equals(ClusterMembership.isMember(vertx, holder))) {
        return Future.failedFuture(new AnotherJobManagerException(holder));
      }
      // its member left without giving the entry back (killed): take it over, unless another does first
      return map.replaceIfPresent(KEY, holder, nodeId)
          .compose(replaced -> replaced ? Future.succeededFuture() : acquire(map));
    });
  }

  /** Gives the entry back, if this JobManager holds it. */
  Future<Void> release() {
    if (!claimed) {
      return Future.succeededFuture();
    }
    claimed = false;
    return map().compose(m -> m.removeIfPresent(KEY, nodeId)).mapEmpty();
  }

  private Future<AsyncMap<String, String>> map() {
    return vertx.sharedData().getAsyncMap(MAP);
  }

  /** Another member of the cluster is its JobManager. */
  static final class AnotherJobManagerException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    AnotherJobManagerException(String holder) {
      super("another JobManager already runs in this cluster (member " + holder + "): a cluster has one JobManager;"
          + " stop that one first, or give this one another --cluster-name");
    }
  }
}
