package io.vortex.taskmanager.network.tcp;

/**
 * A producer sent a record that is not of its edge's record type (declared with {@code
 * returns} or a typed {@code OutputTag}, or found in its function's signature). Sending it would make the consumer read
 * the bytes as the wrong class, so the producing task fails instead.
 *
 * <p>Threading: immutable.
 */
public final class RecordTypeException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public RecordTypeException(String operator, Class<?> declared, Class<?> actual) {
    super(message(operator, declared, actual));
  }

  private static String message(String operator, Class<?> declared, Class<?> actual) {
    if (declared.getName().equals(actual.getName())) { // two loaders defined the class
      return "operator '" + operator + "' emitted a " + actual.getName() + " of another class loader than its edge's type: "
          + "the job's jar and the TaskManager's classpath both hold it; keep it in one of them";
    }
    return "operator '" + operator + "' emitted a " + actual.getName() + " but its output is typed "
        + declared.getName() + " (declared with returns(...) or its side output's OutputTag, or found in its function's"
        + " signature): fix that class, or remove it to let Vortex find the type";
  }
}
