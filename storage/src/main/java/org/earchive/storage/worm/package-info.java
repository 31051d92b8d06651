/**
 * Write-once rules over any object store: the decorator both the file-system and the S3 store are wrapped in, so that
 * retention and legal hold are enforced the same way whatever the bytes' backend.
 */
package org.earchive.storage.worm;
