/**
 * The database: one application-scoped pool whose target (embedded H2 or PostgreSQL) is chosen by configuration, a
 * schema owned by Flyway migrations, and JPA repositories.
 */
package org.earchive.archive.infrastructure.persistence;
