/**
 * A second copy off-site: every write goes to the primary and the replica; a read whose bytes fail fixity on the
 * primary is served from the replica and the primary is repaired.
 */
package org.earchive.storage.replica;
