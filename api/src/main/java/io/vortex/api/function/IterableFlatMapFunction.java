package io.vortex.api.function;

import java.io.Serializable;

/**
 * Turns each record into zero or more records, returned as an {@link Iterable} that Vortex pulls
 * one record at a time while downstream has room (Hazelcast Jet's {@code flatMap(item ->
 * Traverser)}): for a fan-out of any size, even one computed lazily. Return a collection, a lazy
 * {@code Iterable}, or {@code () -> iterator}/{@code stream::iterator}; null means none.
 */
@FunctionalInterface
public interface IterableFlatMapFunction<T, R> extends Serializable {
  Iterable<? extends R> flatMap(T value) throws Exception;
}
