package io.vortex.api.internal.serialization;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.dataformat.smile.SmileGenerator;
import com.fasterxml.jackson.dataformat.smile.SmileParser;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Immutable. The fallback for classes with no binary serializer: Jackson data binding in the binary
 * Smile format, framed by a 4-byte length. The class is fixed per serializer, so no type name is
 * written per value. Slower than the hand-written serializers; meant for the odd POJO.
 *
 * @param <T> type of the values
 */
public final class JacksonSerializer<T> implements TypeSerializer<T> {

  // Not the JSON VortexJson mapper: this one writes Smile and never sees wire/REST types. Both
  // sides know the format, so the 4-byte Smile header per value is dropped.
  private static final ObjectMapper SMILE = new ObjectMapper(SmileFactory.builder()
      .disable(SmileGenerator.Feature.WRITE_HEADER)
      .disable(SmileParser.Feature.REQUIRE_HEADER)
      .build());

  private final Class<T> type;
  private final ObjectWriter writer;
  private final ObjectReader reader;

  public JacksonSerializer(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
    this.writer = SMILE.writerFor(type);
    this.reader = SMILE.readerFor(type);
  }

  @Override
  public void serialize(T value, DataOut out) {
    int lengthAt = out.skip(Integer.BYTES);
    try {
      writer.writeValue(new Sink(out), value);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot serialize " + type.getName() + " with Jackson: " + e.getMessage(), e);
    }
    out.setInt(lengthAt, out.position() - lengthAt - Integer.BYTES);
  }

  @Override
  public T deserialize(DataIn in) {
    int at = in.position();
    int length = in.readInt();
    if (length < 0 || length > in.remaining()) {
      throw new IllegalArgumentException("corrupt input: Jackson length " + length + " at position " + at);
    }
    try {
      T value = reader.readValue(in.array(), in.position(), length);
      in.skip(length);
      return value;
    } catch (IOException e) {
      throw new IllegalArgumentException("corrupt input: cannot read " + type.getName() + " at position " + at
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Class<T> type() {
    return type;
  }

  /** Threading: confined to one thread. Lets Jackson write straight into the DataOut. */
  private static final class Sink extends OutputStream {
    private final DataOut out;

    Sink(DataOut out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      out.writeByte(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      out.writeBytes(b, off, len);
    }
  }
}
