package io.vortex.api.internal.translate;

import io.vortex.api.graph.OperatorKind;
import io.vortex.api.internal.operators.OperatorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One operator of the logical plan the API builds, before chaining: its factory and inputs.
 * Name and parallelism may be changed by the user until the job is built.
 *
 * <p>Threading: confined to the thread that builds the job.
 */
public final class Transform {
  private final int id;
  private final OperatorFactory factory;
  private final List<TransformInput> inputs;
  private String name;
  private int parallelism;
  private int maxParallelism;
  /** The class of its records when declared or captured, else null. */
  private Class<?> outputType;
  /** Its records are its inputs' (filter, timestamps, reduce): their type, when they agree. */
  private boolean keepsInputType;
  /** The record class of each side output read with a typed tag; null for one read with tags that disagree. */
  private final java.util.Map<String, Class<?>> sideOutputTypes = new java.util.HashMap<>();

  public Transform(int id, String name, OperatorFactory factory, List<TransformInput> inputs) {
    this.id = id;
    this.name = Objects.requireNonNull(name, "name");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.inputs = new ArrayList<>(inputs);
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  public void setName(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  public OperatorKind kind() {
    return factory.kind();
  }

  public OperatorFactory factory() {
    return factory;
  }

  public List<TransformInput> inputs() {
    return inputs;
  }

  /** 0 means the environment's default. */
  public int parallelism() {
    return parallelism;
  }

  public void setParallelism(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
    }
    this.parallelism = parallelism;
  }

  /** 0 means the default (128, or the parallelism when larger). */
  public int maxParallelism() {
    return maxParallelism;
  }

  public void setMaxParallelism(int maxParallelism) {
    if (maxParallelism < 1) {
      throw new IllegalArgumentException("maxParallelism must be at least 1, was " + maxParallelism);
    }
    this.maxParallelism = maxParallelism;
  }

  /**
   * The class of this operator's main-output records: declared ({@code returns}) or captured
   * from its function, else its inputs' common type if it keeps them, else null (unknown).
   */
  public Class<?> outputType() {
    if (outputType != null || !keepsInputType || inputs.isEmpty()) {
      return outputType;
    }
    Class<?> common = null;
    for (TransformInput in : inputs) {
      Class<?> t = in.sideOutput() == null ? in.from().outputType() : null;
      if (t == null || (common != null && common != t)) {
        return null;
      }
      common = t;
    }
    return common;
  }

  /** Declares (or, with null, forgets) the class of this operator's records. */
  public void setOutputType(Class<?> type) {
    this.outputType = type;
  }

  /**
   * A stream reads side output {@code id} with a tag of record class {@code type} (null:
   * unknown). Tags of one id that name different classes leave the side output's type unknown.
   */
  public void readSideOutput(String id, Class<?> type) {
    if (sideOutputTypes.containsKey(id) && sideOutputTypes.get(id) != type) {
      sideOutputTypes.put(id, null);
    } else {
      sideOutputTypes.put(id, type);
    }
  }

  /** Takes {@code other}'s side-output types (a transform rewired in its place). */
  public void copySideOutputTypes(Transform other) {
    sideOutputTypes.putAll(other.sideOutputTypes);
  }

  /** The class of side output {@code id}'s records, or null when unknown. */
  public Class<?> sideOutputType(String id) {
    return sideOutputTypes.get(id);
  }

  /** Marks an operator whose records are those of its inputs. */
  public void keepInputType() {
    this.keepsInputType = true;
  }
}
