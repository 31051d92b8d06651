package org.earchive.archive.application.dto;

/**
 * The counts behind the counter's badges, over the cases the caller may see: their own open cases, those sent back to
 * them, cases past their deadline, 容缺受理 promises due today and promises already overdue.
 */
public record Reminders(long myOpen, long returnedToMe, long overdue, long promisesDueToday, long promisesOverdue) {}
