/** Schema migrations (Flyway) run at start, on H2 and on PostgreSQL alike. */
package org.earchive.archive.infrastructure.persistence.migration;
