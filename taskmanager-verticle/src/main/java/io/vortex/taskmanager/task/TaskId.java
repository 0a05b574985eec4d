package io.vortex.taskmanager.task;

/** Subtask {@code subtask} of vertex {@code vertexId} of job {@code jobId}. */
public record TaskId(String jobId, int vertexId, int subtask) {}
