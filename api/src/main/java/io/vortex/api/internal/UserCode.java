package io.vortex.api.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * Ships user functions (serializable lambdas and classes) inside the JobGraph as bytes. This is
 * the control plane only: records on the data path never go through Java serialization.
 */
public final class UserCode {
  private UserCode() {}

  public static byte[] serialize(Serializable function, String what) {
    var bytes = new ByteArrayOutputStream();
    try (var out = new ObjectOutputStream(bytes)) {
      out.writeObject(function);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          what + " is not serializable: " + e.getMessage()
              + " (functions must be Serializable and capture only serializable values)",
          e);
    }
    return bytes.toByteArray();
  }

  public static <T> T deserialize(byte[] bytes, ClassLoader loader) {
    try (var in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
      @SuppressWarnings("unchecked")
      T value = (T) in.readObject();
      return value;
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException("cannot load user code: " + e, e);
    }
  }

  /** Resolves classes through the job's class loader rather than the caller's. */
  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
