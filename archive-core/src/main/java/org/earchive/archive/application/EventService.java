package org.earchive.archive.application;

import jakarta.ejb.Local;
import jakarta.json.JsonObject;

/**
 * Events the business modules announce to the other subsystems (fund control, credit), written in the caller's
 * transaction and delivered after it commits, like every event of the catalogue ({@code /asyncapi.json}).
 */
@Local
public interface EventService {
    /**
     * A pension was determined for the case: {@code details} holds the monthly amount and its parts, the figures used,
     * the filed computation sheet and the evidence (archive numbers) it rests on, as the AsyncAPI document describes.
     */
    void pensionDetermined(String caseNumber, JsonObject details) throws EarchiveException;
}
