/**
 * The archive's domain and its application services: what a case, a material and an archive record are, and the
 * rules that bind them. Nothing here knows about HTTP.
 */
package org.earchive.archive;
