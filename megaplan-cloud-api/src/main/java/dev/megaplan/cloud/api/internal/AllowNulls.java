package dev.megaplan.cloud.api.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a collection attribute whose elements (or map values) may be JSON {@code null}. Immutables
 * recognizes the annotation by its simple name; without it a generated value rejects null elements,
 * and a remote document holding {@code "key": null} could not be kept unchanged.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.SOURCE)
public @interface AllowNulls {}
