/** Apache Tika, for detecting formats from bytes. */
package org.earchive.archive.infrastructure.tika;
