package io.vortex.api.internal.serialization;

import static java.lang.invoke.MethodType.methodType;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * Thread-safe (stateless after class initialisation). Spins a {@link RecordCodec} per record type:
 * a hidden class defined from {@link ConstantRecordCodec}'s bytes with the type's handles as class
 * data. The hidden class is not strongly tied to this class loader, so it goes when its serializer
 * does (a job's record classes are unloaded with the job's class loader).
 */
final class RecordCodecs {
  private static final byte[] TEMPLATE = templateBytes();

  private RecordCodecs() {
  }

  /**
   * @param writer (DataOut, Object) void
   * @param reader (DataIn) Object
   */
  static RecordCodec spin(MethodHandle writer, MethodHandle reader) throws ReflectiveOperationException {
    MethodHandles.Lookup hidden = MethodHandles.lookup()
        .defineHiddenClassWithClassData(TEMPLATE, List.of(writer, reader), true);
    try {
      return (RecordCodec) hidden.findConstructor(hidden.lookupClass(), methodType(void.class)).invoke();
    } catch (ReflectiveOperationException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t); // a no-argument constructor that throws nothing checked
    }
  }

  private static byte[] templateBytes() {
    String name = ConstantRecordCodec.class.getSimpleName() + ".class";
    try (InputStream in = RecordCodecs.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("class file " + name + " not found beside " + RecordCodecs.class.getName());
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
