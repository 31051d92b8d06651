/**
 * The capture station: the imaging pipeline as a library (used by the counter station and by the server for online,
 * kiosk and phone uploads) and the station application. It talks to the server only over REST.
 */
package org.earchive.capture;
