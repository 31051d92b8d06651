/** Opens the configured object store once for the application and closes it at shutdown. */
package org.earchive.archive.infrastructure.storage;
