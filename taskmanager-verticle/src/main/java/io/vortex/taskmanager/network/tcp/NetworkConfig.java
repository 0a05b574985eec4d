package io.vortex.taskmanager.network.tcp;

/**
 * Settings of a TaskManager's data plane. {@code port} 0 binds any free port. Network memory
 * for receiving is {@code memoryBytes / bufferSize} buffers, {@code exclusiveBuffers} of them
 * reserved per remote input channel, the rest floating (at most {@code maxFloatingBuffers} per
 * channel, so one slow channel cannot take the whole pool); a producer holds at most {@code
 * outputQueueBuffers} unsent buffers per channel before it stops taking input.
 */
public record NetworkConfig(
    String host, int port, long memoryBytes, int bufferSize, int exclusiveBuffers, int maxFloatingBuffers, int outputQueueBuffers) {
  public static final int DEFAULT_BUFFER_SIZE = 32 * 1024;
  public static final long DEFAULT_MEMORY_BYTES = 64L * 1024 * 1024;
  /** Largest frame accepted: one record bigger than a buffer still fits in a frame of its own. */
  public static final int MAX_FRAME_LENGTH = 64 * 1024 * 1024;

  public NetworkConfig {
    java.util.Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("not a port: " + port);
    }
    if (bufferSize < 1024 || bufferSize > MAX_FRAME_LENGTH / 2) {
      throw new IllegalArgumentException("buffer size must be 1 KiB.." + MAX_FRAME_LENGTH / 2 + ": " + bufferSize);
    }
    if (exclusiveBuffers < 1 || outputQueueBuffers < 1 || maxFloatingBuffers < 0) {
      throw new IllegalArgumentException("exclusive and output queue buffers must be positive");
    }
    if (memoryBytes / bufferSize < exclusiveBuffers) {
      throw new IllegalArgumentException(
          "network memory " + memoryBytes + " B holds fewer than " + exclusiveBuffers + " buffers of " + bufferSize + " B");
    }
  }

  public static NetworkConfig defaults(String host, int port) {
    return new NetworkConfig(host, port, DEFAULT_MEMORY_BYTES, DEFAULT_BUFFER_SIZE, 2, 8, 4);
  }

  public int totalBuffers() {
    return (int) Math.min(Integer.MAX_VALUE, memoryBytes / bufferSize);
  }

  public NetworkConfig withMemory(long bytes) {
    return new NetworkConfig(host, port, bytes, bufferSize, exclusiveBuffers, maxFloatingBuffers, outputQueueBuffers);
  }
}
