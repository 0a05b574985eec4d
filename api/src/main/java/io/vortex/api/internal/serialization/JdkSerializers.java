package io.vortex.api.internal.serialization;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import java.util.function.Function;

/**
 * Immutable. Hand-written serializers for the JDK's common value types: BigInteger, UUID and the
 * java.time values Instant, Duration, LocalDate, LocalTime and LocalDateTime.
 */
public final class JdkSerializers {

  public static final TypeSerializer<BigInteger> BIG_INTEGER = new BigIntegerSerializer();
  public static final TypeSerializer<UUID> UUID = new UuidSerializer();
  public static final TypeSerializer<Instant> INSTANT =
      new TimeSerializer<>(Instant.class, JdkSerializers::writeInstant, JdkSerializers::readInstant);
  public static final TypeSerializer<Duration> DURATION =
      new TimeSerializer<>(Duration.class, JdkSerializers::writeDuration, JdkSerializers::readDuration);
  public static final TypeSerializer<LocalDate> LOCAL_DATE =
      new TimeSerializer<>(LocalDate.class, (d, out) -> out.writeLong(d.toEpochDay()),
          in -> LocalDate.ofEpochDay(in.readLong()));
  public static final TypeSerializer<LocalTime> LOCAL_TIME =
      new TimeSerializer<>(LocalTime.class, (t, out) -> out.writeLong(t.toNanoOfDay()),
          in -> LocalTime.ofNanoOfDay(in.readLong()));
  public static final TypeSerializer<LocalDateTime> LOCAL_DATE_TIME =
      new TimeSerializer<>(LocalDateTime.class, JdkSerializers::writeDateTime, JdkSerializers::readDateTime);

  private JdkSerializers() {
  }

  private static void writeInstant(Instant value, DataOut out) {
    out.writeLong(value.getEpochSecond());
    out.writeInt(value.getNano());
  }

  private static Instant readInstant(DataIn in) {
    long seconds = in.readLong();
    return Instant.ofEpochSecond(seconds, in.readInt());
  }

  private static void writeDuration(Duration value, DataOut out) {
    out.writeLong(value.getSeconds());
    out.writeInt(value.getNano());
  }

  private static Duration readDuration(DataIn in) {
    long seconds = in.readLong();
    return Duration.ofSeconds(seconds, in.readInt());
  }

  private static void writeDateTime(LocalDateTime value, DataOut out) {
    out.writeLong(value.toLocalDate().toEpochDay());
    out.writeLong(value.toLocalTime().toNanoOfDay());
  }

  private static LocalDateTime readDateTime(DataIn in) {
    LocalDate date = LocalDate.ofEpochDay(in.readLong());
    return LocalDateTime.of(date, LocalTime.ofNanoOfDay(in.readLong()));
  }

  /** Writes a value of one of the fixed-layout types above. */
  @FunctionalInterface
  private interface Writer<T> {
    void write(T value, DataOut out);
  }

  /** A java.time value; an out-of-range field read back means corrupt input. */
  private static final class TimeSerializer<T> implements TypeSerializer<T> {
    private final Class<T> type;
    private final Writer<T> writer;
    private final Function<DataIn, T> reader;

    TimeSerializer(Class<T> type, Writer<T> writer, Function<DataIn, T> reader) {
      this.type = type;
      this.writer = writer;
      this.reader = reader;
    }

    @Override
    public void serialize(T value, DataOut out) {
      writer.write(value, out);
    }

    @Override
    public T deserialize(DataIn in) {
      int at = in.position();
      try {
        return reader.apply(in);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("corrupt input: " + type.getSimpleName() + " at position " + at
            + ": " + e.getMessage(), e);
      }
    }

    @Override
    public Class<T> type() {
      return type;
    }
  }

  /** The two's-complement bytes, after their count. */
  private static final class BigIntegerSerializer implements TypeSerializer<BigInteger> {
    @Override
    public void serialize(BigInteger value, DataOut out) {
      byte[] bytes = value.toByteArray();
      out.writeVarInt(bytes.length);
      out.writeBytes(bytes);
    }

    @Override
    public BigInteger deserialize(DataIn in) {
      int length = in.readLength(1);
      if (length == 0) {
        throw new IllegalArgumentException("corrupt input: empty BigInteger at position " + in.position());
      }
      return new BigInteger(in.readBytes(length));
    }

    @Override
    public Class<BigInteger> type() {
      return BigInteger.class;
    }
  }

  private static final class UuidSerializer implements TypeSerializer<UUID> {
    @Override
    public void serialize(UUID value, DataOut out) {
      out.writeLong(value.getMostSignificantBits());
      out.writeLong(value.getLeastSignificantBits());
    }

    @Override
    public UUID deserialize(DataIn in) {
      long most = in.readLong();
      return new UUID(most, in.readLong());
    }

    @Override
    public Class<UUID> type() {
      return UUID.class;
    }
  }
}
