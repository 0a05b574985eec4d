package io.vortex.api.graph;

/** How records travel along an edge from producer subtasks to consumer subtasks. */
public enum Partitioning {
  /** Subtask i to subtask i (same parallelism); chained when possible. */
  FORWARD,
  /** By key group of the record's key: every record of a key reaches the same subtask. */
  HASH,
  /** Round robin over all consumer subtasks. */
  REBALANCE,
  /** Every record to every consumer subtask. */
  BROADCAST
}
