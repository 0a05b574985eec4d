package io.vortex.api.internal.serialization;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Immutable. Hand-written serializers for boxed primitives, strings, primitive arrays and BigDecimal. */
public final class BasicSerializers {

  public static final TypeSerializer<Long> LONG = new LongSerializer();
  public static final TypeSerializer<Integer> INT = new IntSerializer();
  public static final TypeSerializer<Double> DOUBLE = new DoubleSerializer();
  public static final TypeSerializer<Float> FLOAT = new FloatSerializer();
  public static final TypeSerializer<Short> SHORT = new ShortSerializer();
  public static final TypeSerializer<Byte> BYTE = new ByteSerializer();
  public static final TypeSerializer<Boolean> BOOLEAN = new BooleanSerializer();
  public static final TypeSerializer<Character> CHAR = new CharSerializer();
  public static final TypeSerializer<String> STRING = new StringSerializer();
  public static final TypeSerializer<byte[]> BYTES = new BytesSerializer();
  public static final TypeSerializer<long[]> LONGS = new LongsSerializer();
  public static final TypeSerializer<int[]> INTS = new IntsSerializer();
  public static final TypeSerializer<double[]> DOUBLES = new DoublesSerializer();
  public static final TypeSerializer<BigDecimal> BIG_DECIMAL = new BigDecimalSerializer();

  private BasicSerializers() {
  }

  private static final class LongSerializer implements TypeSerializer<Long> {
    @Override
    public void serialize(Long value, DataOut out) {
      out.writeLong(value);
    }

    @Override
    public Long deserialize(DataIn in) {
      return in.readLong();
    }

    @Override
    public Class<Long> type() {
      return Long.class;
    }
  }

  private static final class IntSerializer implements TypeSerializer<Integer> {
    @Override
    public void serialize(Integer value, DataOut out) {
      out.writeInt(value);
    }

    @Override
    public Integer deserialize(DataIn in) {
      return in.readInt();
    }

    @Override
    public Class<Integer> type() {
      return Integer.class;
    }
  }

  private static final class DoubleSerializer implements TypeSerializer<Double> {
    @Override
    public void serialize(Double value, DataOut out) {
      out.writeDouble(value);
    }

    @Override
    public Double deserialize(DataIn in) {
      return in.readDouble();
    }

    @Override
    public Class<Double> type() {
      return Double.class;
    }
  }

  private static final class FloatSerializer implements TypeSerializer<Float> {
    @Override
    public void serialize(Float value, DataOut out) {
      out.writeFloat(value);
    }

    @Override
    public Float deserialize(DataIn in) {
      return in.readFloat();
    }

    @Override
    public Class<Float> type() {
      return Float.class;
    }
  }

  private static final class ShortSerializer implements TypeSerializer<Short> {
    @Override
    public void serialize(Short value, DataOut out) {
      out.writeShort(value);
    }

    @Override
    public Short deserialize(DataIn in) {
      return in.readShort();
    }

    @Override
    public Class<Short> type() {
      return Short.class;
    }
  }

  private static final class ByteSerializer implements TypeSerializer<Byte> {
    @Override
    public void serialize(Byte value, DataOut out) {
      out.writeByte(value);
    }

    @Override
    public Byte deserialize(DataIn in) {
      return in.readByte();
    }

    @Override
    public Class<Byte> type() {
      return Byte.class;
    }
  }

  private static final class BooleanSerializer implements TypeSerializer<Boolean> {
    @Override
    public void serialize(Boolean value, DataOut out) {
      out.writeBoolean(value);
    }

    @Override
    public Boolean deserialize(DataIn in) {
      return in.readBoolean();
    }

    @Override
    public Class<Boolean> type() {
      return Boolean.class;
    }
  }

  private static final class CharSerializer implements TypeSerializer<Character> {
    @Override
    public void serialize(Character value, DataOut out) {
      out.writeChar(value);
    }

    @Override
    public Character deserialize(DataIn in) {
      return in.readChar();
    }

    @Override
    public Class<Character> type() {
      return Character.class;
    }
  }

  private static final class StringSerializer implements TypeSerializer<String> {
    @Override
    public void serialize(String value, DataOut out) {
      out.writeString(value);
    }

    @Override
    public String deserialize(DataIn in) {
      return in.readString();
    }

    @Override
    public Class<String> type() {
      return String.class;
    }
  }

  private static final class BytesSerializer implements TypeSerializer<byte[]> {
    @Override
    public void serialize(byte[] value, DataOut out) {
      out.writeVarInt(value.length);
      out.writeBytes(value);
    }

    @Override
    public byte[] deserialize(DataIn in) {
      return in.readBytes(in.readLength(1));
    }

    @Override
    public Class<byte[]> type() {
      return byte[].class;
    }
  }

  private static final class LongsSerializer implements TypeSerializer<long[]> {
    @Override
    public void serialize(long[] value, DataOut out) {
      out.writeVarInt(value.length);
      for (long v : value) {
        out.writeLong(v);
      }
    }

    @Override
    public long[] deserialize(DataIn in) {
      long[] value = new long[in.readLength(Long.BYTES)];
      for (int i = 0; i < value.length; i++) {
        value[i] = in.readLong();
      }
      return value;
    }

    @Override
    public Class<long[]> type() {
      return long[].class;
    }
  }

  private static final class IntsSerializer implements TypeSerializer<int[]> {
    @Override
    public void serialize(int[] value, DataOut out) {
      out.writeVarInt(value.length);
      for (int v : value) {
        out.writeInt(v);
      }
    }

    @Override
    public int[] deserialize(DataIn in) {
      int[] value = new int[in.readLength(Integer.BYTES)];
      for (int i = 0; i < value.length; i++) {
        value[i] = in.readInt();
      }
      return value;
    }

    @Override
    public Class<int[]> type() {
      return int[].class;
    }
  }

  private static final class DoublesSerializer implements TypeSerializer<double[]> {
    @Override
    public void serialize(double[] value, DataOut out) {
      out.writeVarInt(value.length);
      for (double v : value) {
        out.writeDouble(v);
      }
    }

    @Override
    public double[] deserialize(DataIn in) {
      double[] value = new double[in.readLength(Double.BYTES)];
      for (int i = 0; i < value.length; i++) {
        value[i] = in.readDouble();
      }
      return value;
    }

    @Override
    public Class<double[]> type() {
      return double[].class;
    }
  }

  /** Scale as a zig-zag varint, then the unscaled value's two's-complement bytes. */
  private static final class BigDecimalSerializer implements TypeSerializer<BigDecimal> {
    @Override
    public void serialize(BigDecimal value, DataOut out) {
      out.writeSignedVarInt(value.scale());
      byte[] unscaled = value.unscaledValue().toByteArray();
      out.writeVarInt(unscaled.length);
      out.writeBytes(unscaled);
    }

    @Override
    public BigDecimal deserialize(DataIn in) {
      int scale = in.readSignedVarInt();
      int length = in.readLength(1);
      if (length == 0) {
        throw new IllegalArgumentException("corrupt input: empty BigDecimal at position " + in.position());
      }
      return new BigDecimal(new BigInteger(in.readBytes(length)), scale);
    }

    @Override
    public Class<BigDecimal> type() {
      return BigDecimal.class;
    }
  }
}
