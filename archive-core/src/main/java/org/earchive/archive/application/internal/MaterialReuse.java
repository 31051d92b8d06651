package org.earchive.archive.application.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.MaterialRequirement;
import org.earchive.archive.domain.model.document.DocumentRepository;
import org.earchive.archive.domain.model.record.ArchiveRecord;
import org.earchive.archive.domain.model.record.ArchiveRepository;

/** Which archived records of a person a case may reuse as its materials. */
@Stateless
public class MaterialReuse {
    static final String KEY_PREFIX = "reuse:";

    @Inject
    DocumentRepository documents;

    @Inject
    ArchiveRepository archive;

    public List<ArchiveRecord> offers(BusinessCase c, BusinessType type) {
        Set<String> materials =
                type.materials().stream().map(MaterialRequirement::code).collect(Collectors.toSet());
        Set<String> taken = documents.reuseKeys(c.id());
        return archive.reusable(c.applicant().idNumber(), materials, 200).stream()
                .filter(r -> !taken.contains(KEY_PREFIX + r.archiveNumber()))
                .toList();
    }

    /** The record to reuse in {@code c}, if the rules allow it. */
    public ArchiveRecord offered(BusinessCase c, BusinessType type, String archiveNumber) throws EarchiveException {
        ArchiveRecord r = archive.find(archiveNumber == null ? "" : archiveNumber)
                .orElseThrow(() -> Failures.recordNotFound(archiveNumber));
        String why = null;
        if (!r.citizenId().equals(c.applicant().idNumber())) {
            why = "它属于另一位参保人。It belongs to another person.";
        } else if (r.disposed()) {
            why = "它已销毁。Its content was destroyed.";
        } else if (r.restricted()) {
            why = "它是控制使用档案。It is restricted.";
        } else if (type.material(r.materialCode()).isEmpty()) {
            why = "本业务不需要材料 " + r.materialCode() + "。This business type does not ask for " + r.materialCode() + ".";
        }
        if (why != null) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "档案 " + archiveNumber + " 不能复用：" + why);
        }
        return r;
    }
}
