package org.earchive.archive.domain.model.audit;

import java.util.Collection;
import java.util.List;
import java.util.Set;

public interface AuditRepository {
    /** The head, locked until the end of the transaction. */
    AuditHead lockHead();

    AuditHead head();

    void store(AuditEvent event);

    /** Events with seq greater than {@code afterSeq}, in order, at most {@code limit}. */
    List<AuditEvent> page(long afterSeq, int limit);

    List<AuditEvent> latest(int limit);

    /** The events about any of {@code targets} (a case number, an archive number), oldest first. */
    List<AuditEvent> about(Collection<String> targets, int limit);

    /** Which actions the trail holds about these targets, as {@code target|ACTION} (at most 500 targets). */
    Set<String> actionsAbout(Collection<String> targets);
}
