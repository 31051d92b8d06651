/**
 * The audit trail: an append-only, hash-chained log of every action on cases, documents and records. Each event
 * carries the hash of the one before it, so a changed, inserted or deleted row breaks the chain where it happened.
 */
package org.earchive.archive.domain.model.audit;
