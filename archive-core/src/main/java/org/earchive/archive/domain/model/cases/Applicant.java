package org.earchive.archive.domain.model.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.earchive.archive.domain.model.identity.CitizenId;

/** The person a case is about. */
@Embeddable
public class Applicant {
    @Column(name = "applicant_id_number", nullable = false, length = 18)
    private String idNumber;

    @Column(name = "applicant_name", nullable = false, length = 100)
    private String name;

    protected Applicant() {}

    public Applicant(CitizenId id, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The applicant's name is required");
        }
        this.idNumber = id.value();
        this.name = name.strip();
    }

    public String idNumber() {
        return idNumber;
    }

    public String name() {
        return name;
    }
}
