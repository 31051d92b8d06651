/** JPA implementations of the domain's repositories (persistence unit {@code earchive}). */
package org.earchive.archive.infrastructure.persistence.jpa;
