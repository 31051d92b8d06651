package org.earchive.archive.domain.model.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * Who decided, when, and why: the same three columns on a case (the reviewer's decision), a borrowing and a disposal
 * list (an archivist's or a manager's). Immutable; a new decision replaces the old.
 */
@Embeddable
public class Decision {
    @Column(name = "decided_by", length = 64)
    private String by;

    @Column(name = "decided_at")
    private Instant at;

    @Column(name = "decision_comment", length = 1000)
    private String comment;

    protected Decision() {}

    public Decision(String by, Instant at, String comment) {
        this.by = by;
        this.at = at;
        this.comment = comment;
    }

    public String by() {
        return by;
    }

    public Instant at() {
        return at;
    }

    public String comment() {
        return comment;
    }
}
