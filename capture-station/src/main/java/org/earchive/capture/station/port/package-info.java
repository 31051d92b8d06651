/** The station's ports: what capture devices write into. */
package org.earchive.capture.station.port;
