package org.followthrough.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A property of an answer that may be {@code null}. The API description types it as such (OpenAPI 3.1:
 * {@code "type": ["string", "null"]}), so a client generated from it handles the null and a client
 * checking answers against the description accepts it; a property without it is never null.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Nullable {}
