package org.earchive.archive.application.dto;

import java.util.Set;

/**
 * An account as administrators see and change it; {@code password} is only ever sent, never returned (null in
 * answers; when sent, the new password).
 */
public record UserView(
        String username,
        String displayName,
        String hall,
        Set<String> roles,
        Set<String> skills,
        boolean absent,
        boolean enabled,
        String password) {}
