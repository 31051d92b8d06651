/** PDF/A validation by veraPDF. */
package org.earchive.archive.infrastructure.verapdf;
