package io.vortex.api;

/**
 * A job class the {@code vortex} command can run with {@code --job}: it adds its pipeline to the
 * environment it is given; the command executes it and waits for the result.
 */
@FunctionalInterface
public interface VortexJob {
  void define(StreamEnvironment env, String[] args) throws Exception;
}
