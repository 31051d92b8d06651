/**
 * The PDF/A essentials in one place: what makes a file PDF/A-2b (XMP identification, metadata, sRGB output intent,
 * embedded fonts, document ID) and veraPDF's verdict on a file as data. The capture station, the archive's
 * four-property check and the pension module's computation sheet all use it.
 */
package org.earchive.pdfa;
