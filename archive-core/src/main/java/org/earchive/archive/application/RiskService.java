package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.earchive.archive.application.dto.CaseEvidence;
import org.earchive.archive.application.dto.CaseFlagView;
import org.earchive.archive.application.dto.Sighting;

/**
 * Risk signals (风险提示) on cases. The core keeps the flags and answers the questions detection asks (where else was
 * this file, this text, presented?); the rules that decide what is suspicious live in the business module
 * {@code risk}, which calls {@link #raise}. The detection methods serve modules inside the application only: they are
 * not published over HTTP.
 */
@Local
public interface RiskService {
    /** The flags of a case, for its reviewer, the archive room and managers. */
    List<CaseFlagView> flags(String caseNumber) throws EarchiveException;

    /** The latest flags of all cases, for managers. */
    List<CaseFlagView> recent(int limit) throws EarchiveException;

    /**
     * The case's documents with their digests, and the text of those whose material is in {@code textOf} (a text is
     * extracted from the PDF the first time it is asked for: only ask for what a rule reads).
     */
    CaseEvidence evidence(String caseNumber, Set<String> textOf) throws EarchiveException;

    /**
     * For each of these SHA-256 digests (a case's documents, asked in one call), the documents with it in other cases
     * than {@code exceptCase}, at most 20 each; a digest seen nowhere else has no entry.
     */
    Map<String, List<Sighting>> sameContent(Collection<String> sha256s, String exceptCase) throws EarchiveException;

    /** Archived records of other cases whose text holds {@code phrase} exactly (full-text search, then confirmed). */
    List<Sighting> sameText(String phrase, String exceptCase) throws EarchiveException;

    /** Raises a flag; raising the same flag (case, kind, evidence key) again changes nothing. */
    CaseFlagView raise(String caseNumber, String kind, String evidenceKey, String evidence, String otherCase)
            throws EarchiveException;
}
