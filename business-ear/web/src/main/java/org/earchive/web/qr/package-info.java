/** The receipt's QR code: the web module's only use of ZXing. */
package org.earchive.web.qr;
