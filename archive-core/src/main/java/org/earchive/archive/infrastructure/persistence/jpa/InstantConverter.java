package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * EclipseLink 4.0 (as bundled with Payara 6) does not map {@link Instant} natively and would serialise it. Instants
 * are written as UTC {@link OffsetDateTime}s into {@code TIMESTAMP WITH TIME ZONE} columns, which H2 and PostgreSQL
 * both store as a point in time. The column side is declared {@code Object} because the drivers read such columns
 * back as different types (H2: OffsetDateTime, PostgreSQL: Timestamp).
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Object> {
  @Override
  public Object convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public Instant convertToEntityAttribute(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (value instanceof Instant i) {
      return i;
    }
    throw new IllegalArgumentException("Cannot read a point in time from a " + value.getClass().getName());
  }
}
