package org.earchive.archive.domain.model.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A document's searchable text, kept apart from the document row so that loading documents stays light. */
@Entity
@Table(name = "document_text")
public class DocumentText {
    @Id
    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "content", nullable = false, length = 100_000)
    private String content;

    protected DocumentText() {}

    public DocumentText(long documentId, String content) {
        this.documentId = documentId;
        this.content = content;
    }

    public String content() {
        return content;
    }
}
