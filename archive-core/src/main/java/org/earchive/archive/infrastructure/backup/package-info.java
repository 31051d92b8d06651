/** Hot backups of the embedded default: H2's online backup and a copy of the object folder. */
package org.earchive.archive.infrastructure.backup;
