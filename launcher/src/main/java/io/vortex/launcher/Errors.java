package io.vortex.launcher;

import io.vortex.api.client.InvalidJobException;
import io.vortex.api.client.TaskFailureException;
import java.util.concurrent.CompletionException;

/** One-line descriptions of failures for the command line. */
final class Errors {
  private Errors() {}

  static String describe(Throwable e) {
    Throwable t = unwrap(e);
    if (t instanceof TaskFailureException f) {
      return "job failed in operator '" + f.operator() + "': "
          + (f.causeMessage() == null ? f.causeClass() : f.causeMessage())
          + (f.causeMessage() == null || isExpected(f.causeClass()) ? "" : " (" + simpleName(f.causeClass()) + ")");
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /**
   * True when the job was refused before anything ran (a file sink's output path exists, too few
   * slots): bad input to the command, as a bad argument is, not a job that failed.
   */
  static boolean isRefusedJob(Throwable e) {
    return unwrap(e) instanceof InvalidJobException;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t.getClass() == RuntimeException.class) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Input errors whose message says everything. */
  private static boolean isExpected(String causeClass) {
    return causeClass.endsWith("MalformedLineException")
        || causeClass.endsWith("IllegalArgumentException")
        || causeClass.endsWith("NoSuchFileException")
        || causeClass.endsWith("LineTooLongException");
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
