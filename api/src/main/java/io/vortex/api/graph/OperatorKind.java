package io.vortex.api.graph;

/** The operator kinds a JobGraph may contain. */
public enum OperatorKind {
  SOURCE,
  TIMESTAMPS,
  MAP,
  FILTER,
  FLAT_MAP,
  PROCESS,
  KEYED_PROCESS,
  KEYED_REDUCE,
  KEYED_AGGREGATE,
  LOCAL_AGGREGATE,
  WINDOW,
  WINDOW_JOIN,
  SINK;

  public boolean isKeyed() {
    return this == KEYED_PROCESS
        || this == KEYED_REDUCE
        || this == KEYED_AGGREGATE
        || this == WINDOW
        || this == WINDOW_JOIN;
  }
}
