/**
 * The archival object store: one port ({@link org.earchive.storage.ObjectStore}) through which every original scan,
 * archival PDF/A and transfer package is kept. Keys are content-addressed by SHA-256, so a stored object can never be
 * silently replaced, and every read is verified against its key.
 */
package org.earchive.storage;
