package io.vortex.api.source;

import java.io.Serializable;

/** A part of a source's input, together with how far it has been read. Immutable. */
public interface SourceSplit extends Serializable {
  String splitId();
}
