package io.vortex.api.internal.operators;

/**
 * A partial aggregate of one key, sent from a pre-aggregating task to the task that owns the
 * key (two-stage aggregation).
 */
public record KeyedPartial<K, A>(K key, A accumulator) {}
