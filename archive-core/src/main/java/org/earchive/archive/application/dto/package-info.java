/** The shapes in which cases, materials and documents leave the archive core. */
package org.earchive.archive.application.dto;
