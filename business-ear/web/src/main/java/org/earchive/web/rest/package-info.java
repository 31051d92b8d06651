/**
 * REST resources: thin adapters that turn HTTP into calls of the archive core's application services and their
 * results or stable error codes back into JSON.
 */
package org.earchive.web.rest;
