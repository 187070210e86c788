package dev.megaplan.cloud.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The -api module speaks only JDK and our own types: a public signature that mentions Jackson,
 * Immutables, snakeyaml, JSch or OkHttp is a leak.
 */
class ApiSignatureTest {
  private static List<Class<?>> publicApiClasses() throws ClassNotFoundException {
    List<Class<?>> classes = new ArrayList<>();
    for (JavaClass javaClass :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.megaplan.cloud.api")) {
      if (javaClass.getPackageName().contains(".internal")) {
        continue;
      }
      Class<?> type = Class.forName(javaClass.getName());
      if (Modifier.isPublic(type.getModifiers())) {
        classes.add(type);
      }
    }
    return classes;
  }

  @Test
  void publicSignaturesMentionOnlyJdkAndOwnTypes() throws Exception {
    List<Class<?>> classes = publicApiClasses();
    assertTrue(classes.size() > 10, "the scan found the API classes: " + classes);
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : classes) {
      check(type.getGenericSuperclass(), type + " extends", leaks);
      for (Type implemented : type.getGenericInterfaces()) {
        check(implemented, type + " implements", leaks);
      }
      for (Method method : type.getDeclaredMethods()) {
        if (!Modifier.isPublic(method.getModifiers())
            && !Modifier.isProtected(method.getModifiers())) {
          continue;
        }
        check(method.getGenericReturnType(), method.toString(), leaks);
        for (Type parameter : method.getGenericParameterTypes()) {
          check(parameter, method.toString(), leaks);
        }
        for (Type thrown : method.getGenericExceptionTypes()) {
          check(thrown, method.toString(), leaks);
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (Modifier.isPublic(constructor.getModifiers())) {
          for (Type parameter : constructor.getGenericParameterTypes()) {
            check(parameter, constructor.toString(), leaks);
          }
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isPublic(field.getModifiers())) {
          check(field.getGenericType(), field.toString(), leaks);
        }
      }
    }
    assertEquals(List.of(), leaks);
  }

  @Test
  void theCheckCatchesAThirdPartyType() {
    List<String> leaks = new ArrayList<>();
    check(org.immutables.value.Value.class, "probe", leaks);
    assertEquals(1, leaks.size());
  }

  private static void check(Type type, String where, List<String> leaks) {
    if (type == null) {
      return;
    }
    if (type instanceof Class<?> raw) {
      Class<?> component = raw;
      while (component.isArray()) {
        component = component.getComponentType();
      }
      String name = component.getName();
      if (!component.isPrimitive()
          && !name.startsWith("java.")
          && !name.startsWith("dev.megaplan.cloud.")) {
        leaks.add(where + " mentions " + name);
      }
    } else if (type instanceof ParameterizedType parameterized) {
      check(parameterized.getRawType(), where, leaks);
      for (Type argument : parameterized.getActualTypeArguments()) {
        check(argument, where, leaks);
      }
    } else if (type instanceof GenericArrayType array) {
      check(array.getGenericComponentType(), where, leaks);
    } else if (type instanceof WildcardType wildcard) {
      for (Type bound : wildcard.getUpperBounds()) {
        check(bound, where, leaks);
      }
      for (Type bound : wildcard.getLowerBounds()) {
        check(bound, where, leaks);
      }
    } else if (type instanceof TypeVariable<?> variable) {
      for (Type bound : variable.getBounds()) {
        check(bound, where, leaks);
      }
    }
  }
}
