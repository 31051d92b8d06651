/** Identifiers of people and employers as the national standards define them, validated where they enter. */
package org.earchive.archive.domain.model.identity;
