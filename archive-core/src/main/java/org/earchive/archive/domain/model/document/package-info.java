/**
 * Documents: the files a case's materials consist of. The bytes live in the object store under a content-addressed
 * key; the row keeps the digests that make any later change detectable.
 */
package org.earchive.archive.domain.model.document;
