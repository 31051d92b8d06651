/**
 * The embedded default: objects as files under one folder, written to a temporary file, fsync'd and moved into place
 * atomically, so a crash never leaves a half-written object visible.
 */
package org.earchive.storage.fs;
