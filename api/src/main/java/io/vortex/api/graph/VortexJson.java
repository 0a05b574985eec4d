package io.vortex.api.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one configured Jackson mapper for wire and persisted types (graphs, messages). */
public final class VortexJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .setSubtypeResolver(new SealedSubtypeResolver());

  /**
   * The attribute, on a reader, holding the class loader that resolves record classes inside
   * messages (collected results); without it they resolve through the thread's context loader.
   */
  public static final String RECORD_CLASSES = "vortex.recordClasses";

  private VortexJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }

  public static <T> T fromJson(String json, Class<T> type) {
    return fromJson(json, type, null);
  }

  /**
   * Reads {@code json}; record classes inside it (collected results) resolve through {@code
   * recordClasses} (null: the thread's context class loader), e.g. a job jar's loader.
   */
  public static <T> T fromJson(String json, Class<T> type, ClassLoader recordClasses) {
    try {
      var reader = MAPPER.readerFor(type);
      return recordClasses == null ? reader.readValue(json) : reader.withAttribute(RECORD_CLASSES, recordClasses).readValue(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed " + type.getSimpleName() + " JSON: " + e.getOriginalMessage(), e);
    }
  }
}
