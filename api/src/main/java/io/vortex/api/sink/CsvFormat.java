package io.vortex.api.sink;

import io.vortex.api.function.MapFunction;
import io.vortex.api.internal.Strings;
import io.vortex.api.tuple.Tuple2;
import io.vortex.api.tuple.Tuple3;
import io.vortex.api.tuple.Tuple4;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Formats a record as one CSV line: the fields of a tuple or the components of a Java record,
 * comma-separated (RFC 4180 quoting when a field holds a comma, quote or line break; a null field
 * is empty, as in Flink; arrays element by element); anything else by {@code toString()}. Record accessors are resolved once per class.
 */
public final class CsvFormat<T> implements MapFunction<T, String> {
  private static final long serialVersionUID = 1L;
  private static final Map<Class<?>, List<MethodHandle>> ACCESSORS = new ConcurrentHashMap<>();

  @Override
  public String map(T value) throws Exception {
    if (value instanceof Tuple2<?, ?> t) {
      return join(t.f0(), t.f1());
    } else if (value instanceof Tuple3<?, ?, ?> t) {
      return join(t.f0(), t.f1(), t.f2());
    } else if (value instanceof Tuple4<?, ?, ?, ?> t) {
      return join(t.f0(), t.f1(), t.f2(), t.f3());
    } else if (value instanceof Record r) {
      List<MethodHandle> accessors = ACCESSORS.computeIfAbsent(r.getClass(), CsvFormat::accessors);
      Object[] fields = new Object[accessors.size()];
      for (int i = 0; i < fields.length; i++) {
        try {
          fields[i] = accessors.get(i).invoke(r);
        } catch (Throwable e) {
          throw new IllegalStateException("cannot read a component of " + r.getClass().getName(), e);
        }
      }
      return join(fields);
    }
    return escape(Strings.valueOf(value));
  }

  private static List<MethodHandle> accessors(Class<?> type) {
    List<MethodHandle> handles = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      try {
        c.getAccessor().setAccessible(true);
        handles.add(MethodHandles.lookup().unreflect(c.getAccessor()));
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalArgumentException("cannot format record " + type.getName() + " as CSV: " + e, e);
      }
    }
    return handles;
  }

  private static String join(Object... fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(fields[i] == null ? "" : escape(Strings.valueOf(fields[i])));
    }
    return line.toString();
  }

  static String escape(String field) {
    boolean quote = false;
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
        break;
      }
    }
    return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
