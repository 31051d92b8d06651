/**
 * Sign-in: HTTP Basic for API clients, a form that starts a session for the pages, one identity store backed by the
 * archive's user directory (PBKDF2 hashes). Everything but {@code /health} and the sign-in page needs a login.
 */
package org.earchive.web.security;
