package io.vortex.jobmanager.scheduler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import io.vortex.jobmanager.scheduler.SlotPool.SlotRef;
import java.util.ArrayList;
import java.util.List;

/**
 * Which job holds each slot, in a cluster-wide map (Hazelcast's in a cluster of processes, a
 * local one in the mini-cluster), key {@code TM_ID/SLOT}, value the job id. A slot is taken with
 * {@code putIfAbsent}, so two allocators can never hand one slot to two jobs: the JobManager's
 * {@link SlotPool} decides, the lease makes the decision atomic across the cluster.
 *
 * <p>Threading: the JobManager's event loop; operations are asynchronous.
 */
public final class SlotLeases {
  /** The name of the map. */
  public static final String MAP = "vortex.slots";

  private final Vertx vertx;

  public SlotLeases(Vertx vertx) {
    this.vertx = vertx;
  }

  private Future<AsyncMap<String, String>> map() {
    return vertx.sharedData().getAsyncMap(MAP);
  }

  static String key(SlotRef slot) {
    return slot.taskManagerId() + "/" + slot.slot();
  }

  /**
   * Takes every slot for {@code jobId}; fails, giving back those it took, when another job holds
   * one of them.
   */
  public Future<Void> acquire(String jobId, List<SlotRef> slots) {
    return map().compose(m -> {
      List<Future<String>> puts = new ArrayList<>();
      for (SlotRef slot : slots) {
        puts.add(m.putIfAbsent(key(slot), jobId));
      }
      return Future.join(puts).transform(done -> {
        List<String> heldByOthers = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
          Future<String> put = puts.get(i);
          if (put.failed()) {
            heldByOthers.add(key(slots.get(i)) + " (" + put.cause().getMessage() + ")");
          } else if (put.result() != null && !put.result().equals(jobId)) {
            heldByOthers.add(key(slots.get(i)) + " by job " + put.result());
          }
        }
        if (heldByOthers.isEmpty()) {
          return Future.succeededFuture();
        }
        return release(jobId, slots).transform(r -> Future.failedFuture(new IllegalStateException(
            "slots are held elsewhere (another JobManager?): " + String.join(", ", heldByOthers))));
      });
    });
  }

  /** Gives back the job's slots (those another job holds stay as they are). */
  public Future<Void> release(String jobId, List<SlotRef> slots) {
    return map().compose(m -> {
      List<Future<Boolean>> removes = new ArrayList<>();
      for (SlotRef slot : slots) {
        removes.add(m.removeIfPresent(key(slot), jobId));
      }
      return Future.join(removes).mapEmpty();
    });
  }
}
