/** Readiness checks (MicroProfile Health at /health): ready only when the database, the object store and the index answer. */
package org.earchive.web.health;
