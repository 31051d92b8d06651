/** Page images for viewing, rendered with a watermark (PDFBox, ImageIO). */
package org.earchive.archive.infrastructure.render;
