/** Ports the domain needs from the outside world, implemented under {@code infrastructure}. */
package org.earchive.archive.domain.service;
