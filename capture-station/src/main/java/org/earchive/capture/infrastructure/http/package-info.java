/** The archive server's REST API from the station and the command line: uploads, transfer packages, administration. */
package org.earchive.capture.infrastructure.http;
