/**
 * The transactional outbox: what other parts of the system must hear of a change (the search index, the event topic),
 * written in the change's own transaction and delivered afterwards by any node, so a crash loses neither.
 */
package org.earchive.archive.domain.model.outbox;
