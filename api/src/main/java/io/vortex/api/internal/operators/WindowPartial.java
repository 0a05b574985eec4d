package io.vortex.api.internal.operators;

import io.vortex.api.window.TimeWindow;

/**
 * A partial window aggregate of one key, sent from a {@link WindowLocalAggregateOperator} to the
 * {@link WindowOperator} that owns the key (two-stage window aggregation): the accumulator of
 * {@code count} records of {@code window}. Immutable.
 */
public record WindowPartial(TimeWindow window, Object key, Object accumulator, long count) {}
