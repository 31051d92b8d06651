/** Adapters of the archive core to its technologies: configuration, the database, the object store, the index. */
package org.earchive.archive.infrastructure;
