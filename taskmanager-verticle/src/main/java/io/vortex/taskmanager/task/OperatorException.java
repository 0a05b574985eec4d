package io.vortex.taskmanager.task;

/** A failure inside a chained operator, naming it so the job's failure can say where. */
final class OperatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String operator;

  OperatorException(String operator, Throwable cause) {
    super(cause.toString(), cause, false, false);
    this.operator = operator;
  }

  String operator() {
    return operator;
  }

  /** Wraps {@code e} unless an inner operator already did. */
  static OperatorException wrap(String operator, Throwable e) {
    return e instanceof OperatorException oe ? oe : new OperatorException(operator, e);
  }
}
