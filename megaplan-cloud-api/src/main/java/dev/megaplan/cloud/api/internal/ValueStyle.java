package dev.megaplan.cloud.api.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The project's one Immutables style: an abstract {@code AbstractFoo} generates the public value
 * type {@code Foo}, with a builder, {@code with*} copies and structural equality. Applied per
 * package in {@code package-info.java}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeAbstract = "Abstract*",
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    jdkOnly = true,
    allParameters = false,
    defaults = @Value.Immutable(copy = true),
    optionalAcceptNullable = true,
    privateNoargConstructor = false,
    passAnnotations = {com.fasterxml.jackson.annotation.JsonProperty.class},
    redactedMask = "****",
    // Immutables is compile-only: no annotation of its own may reach the generated classes, or
    // every module compiling against them would warn about a missing annotation type.
    allowedClasspathAnnotations = {java.lang.Override.class})
public @interface ValueStyle {}
