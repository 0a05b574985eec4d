package io.vortex.api.internal.serialization;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * Immutable. The template of the hidden classes {@link RecordCodecs#spin} defines: never loaded as
 * itself, its bytes are defined once per record type with that type's writer and reader handles
 * as class data, read into static finals (constants for the JIT).
 */
final class ConstantRecordCodec implements RecordCodec {
  private static final MethodHandle WRITER; // (DataOut, Object) void
  private static final MethodHandle READER; // (DataIn) Object

  static {
    try {
      MethodHandles.Lookup self = MethodHandles.lookup();
      WRITER = MethodHandles.classDataAt(self, "_", MethodHandle.class, 0);
      READER = MethodHandles.classDataAt(self, "_", MethodHandle.class, 1);
    } catch (IllegalAccessException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  ConstantRecordCodec() {
  }

  @Override
  public void write(DataOut out, Object record) {
    try {
      WRITER.invokeExact(out, record);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t); // the composed handles throw nothing checked
    }
  }

  @Override
  public Object read(DataIn in) {
    try {
      return (Object) READER.invokeExact(in);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
