package org.earchive.archive.application.dto;

import java.time.Instant;
import org.earchive.archive.domain.model.identity.CitizenId;

/**
 * What a transfer package holds: one dossier (一事一档, by case number), one person's archive (一人一档, by citizen ID)
 * or everything archived in a period [from, to).
 */
public record TransferScope(Kind kind, String caseNumber, String citizenId, Instant from, Instant to) {
    public enum Kind {
        DOSSIER,
        PERSON,
        PERIOD
    }

    public static TransferScope dossier(String caseNumber) {
        return new TransferScope(Kind.DOSSIER, caseNumber, null, null, null);
    }

    public static TransferScope person(String citizenId) {
        return new TransferScope(Kind.PERSON, null, citizenId, null, null);
    }

    public static TransferScope period(Instant from, Instant to) {
        return new TransferScope(Kind.PERIOD, null, null, from, to);
    }

    /** The scope in words for the register, with a citizen ID masked. */
    public String describe() {
        return switch (kind) {
            case DOSSIER -> "dossier " + caseNumber;
            case PERSON -> "person " + CitizenId.mask(citizenId);
            case PERIOD -> "archived " + from + " .. " + to;
        };
    }
}
