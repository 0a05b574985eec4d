package io.vortex.api.source;

/** A line of a text file with where it came from (1-based line number), for error messages. */
public record TextLine(String file, long lineNumber, String text) {}
