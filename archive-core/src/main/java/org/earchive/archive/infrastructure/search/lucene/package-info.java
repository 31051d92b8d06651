/**
 * The embedded default search index: Lucene with the smartcn analyzer (Chinese word segmentation) in a folder under
 * {@code EARCHIVE_HOME}. Lucene is imported here and nowhere else.
 */
package org.earchive.archive.infrastructure.search.lucene;
