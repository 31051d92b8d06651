/**
 * The business catalogue: which kinds of business the agency accepts, the materials each needs, its deadline and how
 * its records are archived. Data an administrator edits, not code.
 */
package org.earchive.archive.domain.model.catalogue;
