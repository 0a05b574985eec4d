package io.vortex.api.internal.serialization;

/**
 * Immutable. Runs a {@link RecordSerializer}'s composed method handles. The instances are {@link
 * RecordCodecs#spin spun} one hidden class per record type, each holding its handles in static
 * finals, so the JIT sees them as constants and inlines the component accessors and the canonical
 * constructor into the caller (through an instance field it could not: a call through a
 * non-constant handle allocated the record reflectively, {@code DirectMethodHandle.allocateInstance}).
 */
interface RecordCodec {
  /** Writes every component of {@code record}. */
  void write(DataOut out, Object record);

  /** Reads every component and calls the canonical constructor. */
  Object read(DataIn in);
}
