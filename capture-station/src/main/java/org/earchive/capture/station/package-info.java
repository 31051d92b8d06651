/**
 * The counter station around the pipeline: a durable spool on the station's disk (nothing is acknowledged before it
 * is there), processing, and idempotent, verified uploads to the server; sources (hot folder, files, SANE scanners)
 * put pages in, the local agent lets the web page drive it.
 */
package org.earchive.capture.station;
