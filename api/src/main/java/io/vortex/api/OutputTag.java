package io.vortex.api;

import java.io.Serializable;
import java.util.Objects;

/** Names a side output. Two tags are the same side output when their ids are equal. */
public record OutputTag<T>(String id) implements Serializable {
  public OutputTag {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("an OutputTag id must not be blank");
    }
  }
}
