/**
 * The ports the application owns and the infrastructure implements: settings, events, transfer packages, the
 * database's status and hot backups. The application sees these interfaces only, never the technology behind them.
 */
package org.earchive.archive.application.port;
