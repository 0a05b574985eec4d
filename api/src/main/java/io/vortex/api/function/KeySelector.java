package io.vortex.api.function;

import java.io.Serializable;

/**
 * Extracts the key of a record. Keys must have stable {@code equals}/{@code hashCode} (the same
 * in every JVM: strings, boxed primitives, records and tuples of those, enums by name are fine;
 * identity-hashed objects are not).
 */
@FunctionalInterface
public interface KeySelector<T, K> extends Serializable {
  K getKey(T value) throws Exception;
}
