package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * EclipseLink 4.0 (as bundled with Payara 6) does not map {@link Instant} natively and would serialise it. Instants
 * are written as UTC {@link OffsetDateTime}s into {@code TIMESTAMP WITH TIME ZONE} columns, which H2 and PostgreSQL
 * both store as a point in time; declaring the column type lets a null bind as a timestamp. Reading accepts what
 * either driver returns.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {
    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
