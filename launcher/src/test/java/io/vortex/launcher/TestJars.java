package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Job jars compiled by a test: classes that are on no classpath of the test's processes. */
final class TestJars {
  private TestJars() {}

  /**
   * Compiles {@code source}, the Java source of class {@code className}, against the test's
   * classpath into {@code dir/NAME.jar}, NAME being the class's simple name.
   */
  static Path compile(Path dir, String className, String source) throws IOException {
    String simpleName = className.substring(className.lastIndexOf('.') + 1);
    Path src = Files.createDirectories(dir.resolve("src-" + simpleName).resolve(className.replace('.', '/')).getParent());
    Path file = src.resolve(simpleName + ".java");
    Files.writeString(file, source);
    Path classes = Files.createDirectories(dir.resolve("classes-" + simpleName));
    var compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
    int rc = compiler.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
        file.toString());
    assertEquals(0, rc, "compiling " + className);
    Path jar = dir.resolve(simpleName + ".jar");
    try (var out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    return jar;
  }
}
