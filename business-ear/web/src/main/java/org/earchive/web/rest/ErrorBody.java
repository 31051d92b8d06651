package org.earchive.web.rest;

/** Every error the API returns: a stable code to match on and a message that says what to do. */
public record ErrorBody(String code, String message) {}
