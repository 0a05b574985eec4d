package io.vortex.api.client;

/**
 * A task failed: names the operator and subtask, and carries the cause's class, message and
 * stack trace as text (the original exception may not be loadable where this is delivered).
 */
public final class TaskFailureException extends VortexException {
  private static final long serialVersionUID = 1L;
  private final String operator;
  private final int subtask;
  private final String causeClass;
  private final String causeMessage;

  public TaskFailureException(
      String operator, int subtask, String causeClass, String causeMessage, String stackTrace) {
    super(
        "operator '" + operator + "' (subtask " + subtask + ") failed: " + causeClass
            + (causeMessage == null ? "" : ": " + causeMessage),
        stackTrace == null ? null : new RemoteStackTrace(stackTrace));
    this.operator = operator;
    this.subtask = subtask;
    this.causeClass = causeClass;
    this.causeMessage = causeMessage;
  }

  public String operator() {
    return operator;
  }

  public int subtask() {
    return subtask;
  }

  public String causeClass() {
    return causeClass;
  }

  public String causeMessage() {
    return causeMessage;
  }

  /** The failing task's stack trace, as text. */
  public static final class RemoteStackTrace extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RemoteStackTrace(String trace) {
      super(trace, null, false, false);
    }
  }
}
