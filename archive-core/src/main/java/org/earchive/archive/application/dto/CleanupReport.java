package org.earchive.archive.application.dto;

import java.util.List;

/** Orphan objects removed, and those kept because they are under retention or legal hold. */
public record CleanupReport(List<String> removed, List<String> kept) {}
