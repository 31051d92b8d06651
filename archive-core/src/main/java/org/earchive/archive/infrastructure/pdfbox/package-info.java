/** PDFBox on the server: pages rendered for the viewer (with the reader's watermark) and text read from PDFs. */
package org.earchive.archive.infrastructure.pdfbox;
