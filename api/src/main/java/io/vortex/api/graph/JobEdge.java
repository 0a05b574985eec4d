package io.vortex.api.graph;

import java.util.Arrays;
import java.util.Objects;

/**
 * An edge between two vertices. {@code targetInput} is 0, or 1 for the second input of a
 * two-input operator; {@code sideOutput} names the side output it carries (null for the main
 * output), of the operator at position {@code sourceOperator} in the source vertex's chain (as
 * in Flink, a side output belongs to the operator that emits it, not to its whole chain; the
 * main output always comes from the chain's last operator); {@code keySelector} is the
 * serialized key selector of a HASH edge. {@code recordType} is the class name of the records it
 * carries, when the job knows it (captured from the producing function or declared with {@code
 * returns}), else null: a typed edge's records cross the network with that class's serializer
 * and no class name; an untyped one's batches name their class. A graph from a client that
 * does not send it decodes with null.
 */
public record JobEdge(
    int source,
    int sourceOperator,
    int target,
    Partitioning partitioning,
    int targetInput,
    String sideOutput,
    byte[] keySelector,
    String recordType) {
  public JobEdge {
    Objects.requireNonNull(partitioning, "partitioning");
    if (targetInput != 0 && targetInput != 1) {
      throw new IllegalArgumentException("targetInput must be 0 or 1: " + targetInput);
    }
    if (sourceOperator < 0) {
      throw new IllegalArgumentException("sourceOperator must not be negative: " + sourceOperator);
    }
    if (recordType != null && recordType.isBlank()) {
      throw new IllegalArgumentException("recordType must be null or a class name, was blank");
    }
  }

  /** An edge whose record type is unknown. */
  public JobEdge(int source, int sourceOperator, int target, Partitioning partitioning, int targetInput,
      String sideOutput, byte[] keySelector) {
    this(source, sourceOperator, target, partitioning, targetInput, sideOutput, keySelector, null);
  }

  /** This edge carrying records of {@code type} (a class name, or null for unknown). */
  public JobEdge withRecordType(String type) {
    return new JobEdge(source, sourceOperator, target, partitioning, targetInput, sideOutput, keySelector, type);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JobEdge e
        && source == e.source
        && sourceOperator == e.sourceOperator
        && target == e.target
        && partitioning == e.partitioning
        && targetInput == e.targetInput
        && Objects.equals(sideOutput, e.sideOutput)
        && Arrays.equals(keySelector, e.keySelector)
        && Objects.equals(recordType, e.recordType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, sourceOperator, target, partitioning, targetInput, sideOutput, recordType)
        + Arrays.hashCode(keySelector);
  }

  @Override
  public String toString() {
    return "JobEdge[" + source + " -" + partitioning + "-> " + target + "." + targetInput
        + (sideOutput == null ? "" : " side=" + sideOutput + " of operator " + sourceOperator)
        + (recordType == null ? "" : " of " + recordType) + "]";
  }
}
