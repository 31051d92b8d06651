package org.earchive.archive.domain.model.check;

/** The four properties DA/T 70 checks (四性): authenticity, integrity, usability, security. */
public enum Property {
    AUTHENTICITY,
    INTEGRITY,
    USABILITY,
    SECURITY
}
