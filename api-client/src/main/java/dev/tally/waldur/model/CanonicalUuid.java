package dev.tally.waldur.model;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that holds a Waldur UUID: Jackson reads it in the canonical form of
 * {@link Uuids#normalise}, so every record compares UUIDs the same way without normalising each field by hand.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonDeserialize(using = CanonicalUuidDeserializer.class)
@interface CanonicalUuid {
}
