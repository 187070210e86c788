package dev.megaplan.cloud.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The emulator must start in well under 0.2 s, so it may use nothing but the JDK's {@code java.*}
 * packages: every class it compiles to is checked for the types its constant pool names, and every
 * source file for its imports.
 */
class EmulatorIsJdkOnlyTest {
  private static final String OWN_PACKAGE = "dev/megaplan/cloud/testkit/emulator/";
  private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L([\\w/$]+);");

  @Test
  void compiledEmulatorClassesReferenceOnlyJavaAndThemselves() throws IOException {
    Path packageDir = EmulatorProcess.classesDirectory().resolve(OWN_PACKAGE);
    List<Path> classFiles;
    try (Stream<Path> files = Files.list(packageDir)) {
      classFiles = files.filter(f -> f.toString().endsWith(".class")).toList();
    }
    assertFalse(classFiles.isEmpty(), "no classes in " + packageDir);
    Set<String> foreign = new TreeSet<>();
    for (Path classFile : classFiles) {
      for (String type : referencedTypes(classFile)) {
        if (!type.startsWith("java/") && !type.startsWith(OWN_PACKAGE)) {
          foreign.add(classFile.getFileName() + " -> " + type);
        }
      }
    }
    assertEquals(Set.of(), foreign);
  }

  @Test
  void theScanSeesTypesOutsideJava() throws Exception {
    Path thisClass =
        Path.of(
                EmulatorIsJdkOnlyTest.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI())
            .resolve(OWN_PACKAGE)
            .resolve("EmulatorIsJdkOnlyTest.class");
    Set<String> types = referencedTypes(thisClass);
    assertTrue(types.contains("org/junit/jupiter/api/Test"), types.toString());
    assertTrue(types.contains("java/util/regex/Pattern"), types.toString());
  }

  @Test
  void emulatorSourcesImportOnlyJava() throws IOException {
    Path sources = Path.of("src/main/java").resolve(OWN_PACKAGE);
    List<String> foreign = new ArrayList<>();
    try (Stream<Path> files = Files.list(sources)) {
      for (Path source : files.toList()) {
        for (String line : Files.readAllLines(source)) {
          String trimmed = line.trim();
          if (trimmed.startsWith("import ") && !trimmed.matches("import (static )?java\\..*")) {
            foreign.add(source.getFileName() + ": " + trimmed);
          }
        }
      }
    }
    assertEquals(List.of(), foreign);
  }

  /** Class names and descriptor types named in a class file's constant pool. */
  private static Set<String> referencedTypes(Path classFile) throws IOException {
    Set<String> types = new TreeSet<>();
    try (InputStream in = Files.newInputStream(classFile);
        DataInputStream data = new DataInputStream(in)) {
      data.readInt(); // magic
      data.readUnsignedShort(); // minor
      data.readUnsignedShort(); // major
      int count = data.readUnsignedShort();
      List<String> utf8 = new ArrayList<>();
      for (int i = 0; i <= count; i++) {
        utf8.add(null);
      }
      List<Integer> classNameIndexes = new ArrayList<>();
      for (int i = 1; i < count; i++) {
        int tag = data.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8.set(i, data.readUTF());
          case 7 -> classNameIndexes.add(data.readUnsignedShort());
          case 8, 16, 19, 20 -> data.readUnsignedShort();
          case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
          case 5, 6 -> {
            data.readLong();
            i++;
          }
          case 15 -> {
            data.readUnsignedByte();
            data.readUnsignedShort();
          }
          default -> throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
        }
      }
      for (int index : classNameIndexes) {
        String name = utf8.get(index);
        if (name.startsWith("[")) {
          addDescriptorTypes(name, types);
        } else {
          types.add(name);
        }
      }
      for (String entry : utf8) {
        if (entry != null
            && (entry.startsWith("(") || entry.startsWith("L") || entry.startsWith("["))) {
          addDescriptorTypes(entry, types);
        }
      }
    }
    return types;
  }

  private static void addDescriptorTypes(String descriptor, Set<String> types) {
    Matcher matcher = TYPE_IN_DESCRIPTOR.matcher(descriptor);
    while (matcher.find()) {
      types.add(matcher.group(1));
    }
  }
}
