/**
 * The archive's application services: the only entry points the web module and the business modules use. They speak
 * in DTOs and stable error codes, never in entities or HTTP.
 */
package org.earchive.archive.application;
