package io.vortex.api;

import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Names a side output, and may say the class of its records, so that they cross the network with
 * that class's serializer and no class name, as the main output's do (see {@link
 * DataStream#returns}). Declare the class, or let an anonymous subclass capture it, as in Flink:
 *
 * <pre>{@code
 * OutputTag<String> late = new OutputTag<>("late", String.class);
 * OutputTag<String> late = new OutputTag<String>("late") {};   // the same, captured
 * OutputTag<String> late = new OutputTag<>("late");            // class unknown: named per batch
 * }</pre>
 *
 * Two tags are the same side output when their ids are equal. Every record output with a typed
 * tag must be an instance of its class (or null): another fails the job, naming the operator and
 * both classes, when it is sent to another TaskManager.
 *
 * <p>Threading: immutable.
 */
public class OutputTag<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String id;
  private final Class<T> type;

  /** A tag whose record class is captured from an anonymous subclass ({@code new OutputTag<X>(id) {}}), else unknown. */
  public OutputTag(String id) {
    this.id = checkId(id);
    this.type = captured();
  }

  /** A tag whose records are of class {@code type} (or its subclasses). */
  public OutputTag(String id, Class<T> type) {
    this.id = checkId(id);
    this.type = Objects.requireNonNull(type, "type");
    if (type == void.class || type == Void.class) {
      throw new IllegalArgumentException("OutputTag " + id + ": records need a class with values, not " + type.getName());
    }
  }

  private static String checkId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("an OutputTag id must not be blank");
    }
    return id;
  }

  /** T of a subclass that binds it ({@code new OutputTag<String>("x") {}}); null when erased or a type variable. */
  @SuppressWarnings("unchecked")
  private Class<T> captured() {
    if (getClass() == OutputTag.class || !(getClass().getGenericSuperclass() instanceof ParameterizedType p)) {
      return null;
    }
    Type argument = p.getActualTypeArguments()[0];
    if (argument instanceof ParameterizedType generic) {
      argument = generic.getRawType(); // List<String>: its records are Lists
    }
    return argument instanceof Class<?> c ? (Class<T>) c : null;
  }

  public String id() {
    return id;
  }

  /** The class of the side output's records, or null when unknown. */
  public Class<T> type() {
    return type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputTag<?> other && other.id.equals(id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "OutputTag[" + id + (type == null ? "" : ", " + type.getName()) + "]";
  }
}
