/** The web module: the REST API under {@code /api}, the pages at {@code /}, health checks and sign-in. */
package org.earchive.web;
