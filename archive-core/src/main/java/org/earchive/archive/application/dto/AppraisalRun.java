package org.earchive.archive.application.dto;

/**
 * A run of the appraisal batch job.
 *
 * @param status the Jakarta Batch status (STARTING, STARTED, COMPLETED, FAILED, …)
 * @param listId the destruction list it proposed, or null (still running, or nothing was due)
 */
public record AppraisalRun(long execution, String status, Long listId, String exitStatus) {}
