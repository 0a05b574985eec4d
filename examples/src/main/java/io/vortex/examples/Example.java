package io.vortex.examples;

import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.JobResult;
import java.io.PrintStream;

/** A runnable example job: builds its pipeline, and reports extra results when it ends. */
public interface Example {
  /** The name used with {@code --example}. */
  String name();

  /** One line for the command's help. */
  String description();

  /** Adds the job's pipeline, reading {@code input} and writing {@code output}. */
  void build(StreamEnvironment env, String input, String output);

  /** Prints what the job counted (e.g. dropped records) once it has finished. */
  default void report(JobResult result, PrintStream out) {}
}
