package io.vortex.api.internal.serialization;

import java.util.Objects;

/**
 * Immutable. Writes an enum constant as its ordinal (a varint), so both sides must run the same
 * version of the enum: reordering constants changes the meaning of stored bytes.
 *
 * @param <E> the enum type
 */
public final class EnumSerializer<E extends Enum<E>> implements TypeSerializer<E> {

  private final Class<E> type;
  private final E[] constants;

  public EnumSerializer(Class<E> type) {
    this.type = Objects.requireNonNull(type, "type");
    if (!type.isEnum()) {
      throw new IllegalArgumentException(type.getName() + " is not an enum");
    }
    this.constants = type.getEnumConstants();
  }

  @Override
  public void serialize(E value, DataOut out) {
    out.writeVarInt(value.ordinal());
  }

  @Override
  public E deserialize(DataIn in) {
    int at = in.position();
    int ordinal = in.readVarInt();
    if (ordinal < 0 || ordinal >= constants.length) {
      throw new IllegalArgumentException("corrupt input: ordinal " + ordinal + " at position " + at
          + " is not a constant of " + type.getName());
    }
    return constants[ordinal];
  }

  @Override
  public Class<E> type() {
    return type;
  }
}
