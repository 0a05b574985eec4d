package io.vortex.api.internal.serialization;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import io.vortex.api.graph.VortexJson;
import java.io.IOException;
import java.util.List;

/**
 * Records inside JSON messages (collected results): JSON would turn a {@code Long} that fits an
 * {@code int} into an {@code Integer} and a tuple into a map, so the list travels in the binary
 * form of {@link DynamicSerializer} (base64 in the JSON), every record with its exact type.
 */
public final class RecordsJson {
  private RecordsJson() {}

  /** Writes the list as the binary value of one dynamically typed list. */
  public static final class Writer extends JsonSerializer<List<?>> {
    @Override
    public void serialize(List<?> records, JsonGenerator gen, SerializerProvider provider) throws IOException {
      DataOut out = new DataOut();
      serializer(null).serialize(records, out);
      gen.writeBinary(out.array(), 0, out.position());
    }
  }

  /**
   * Reads what {@link Writer} wrote; record classes resolve through the reader's {@link
   * VortexJson#RECORD_CLASSES} loader when set, else the thread's context class loader.
   */
  public static final class Reader extends JsonDeserializer<List<?>> {
    @Override
    public List<?> deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      Object value = serializer(ctx.getAttribute(VortexJson.RECORD_CLASSES)).deserialize(new DataIn(p.getBinaryValue()));
      if (!(value instanceof List<?> list)) {
        throw new IOException("expected a list of records, got " + (value == null ? "null" : value.getClass().getName()));
      }
      return list;
    }
  }

  private static DynamicSerializer serializer(Object recordClasses) {
    ClassLoader loader = recordClasses instanceof ClassLoader given ? given : Thread.currentThread().getContextClassLoader();
    return new DynamicSerializer(loader != null ? loader : RecordsJson.class.getClassLoader());
  }
}
