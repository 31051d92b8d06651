/**
 * Electronic transfer packages: BagIt (RFC 8493) serialised as one zip, written as a stream and read back with every
 * check a receiving archive makes (completeness, every digest, nothing extra), and the XML description of a record
 * ({@code earchive-record-1.0.xsd}).
 */
package org.earchive.archive.infrastructure.bagit;
