/** Virus scanning by ClamAV's daemon. */
package org.earchive.archive.infrastructure.clamav;
