package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.CatalogueService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.dto.BusinessTypeView;
import org.earchive.archive.domain.model.audit.AuditAction;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.catalogue.MaterialRequirement;
import org.earchive.archive.domain.model.catalogue.Retention;

@Stateless
public class DefaultCatalogueService implements CatalogueService {
    @Inject
    BusinessTypeRepository catalogue;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext context;

    @Override
    @RolesAllowed({
        Roles.CLERK,
        Roles.MANAGER,
        Roles.REVIEWER,
        Roles.ARCHIVIST,
        Roles.AUDITOR,
        Roles.ADMIN,
        Roles.STATION,
        Roles.READER
    })
    public List<BusinessTypeView> types() {
        return catalogue.findAll().stream().map(DefaultCatalogueService::view).toList();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public BusinessTypeView save(BusinessTypeView t) throws EarchiveException {
        if (t == null || t.code() == null || !t.code().matches("[A-Z][A-Z0-9_]{1,31}")) {
            throw invalid("code: 2–32 capital letters, digits or _ (e.g. PENSION)");
        }
        Retention retention = validRetention(t);
        List<MaterialRequirement> materials = validMaterials(t.materials());
        String actor = context.getCallerPrincipal().getName();
        Optional<BusinessType> existing = catalogue.findForChange(t.code());
        BusinessType type;
        if (existing.isPresent()) {
            type = existing.get();
            if (t.version() != null && t.version() != type.version()) {
                throw new EarchiveException(
                        ErrorCode.ILLEGAL_TRANSITION,
                        "业务类型 " + t.code() + " 已被他人修改，请刷新后重试。" + t.code()
                                + " was changed by someone else meanwhile: reload it and apply your change again.");
            }
            type.revise(
                    t.nameZh().strip(),
                    t.nameEn().strip(),
                    t.deadlineHours(),
                    t.archiveCategory(),
                    retention,
                    t.reviewerSkill(),
                    t.supplementAllowed(),
                    materials);
        } else {
            type = new BusinessType(
                    t.code(),
                    t.nameZh().strip(),
                    t.nameEn().strip(),
                    t.deadlineHours(),
                    t.archiveCategory(),
                    retention,
                    t.reviewerSkill(),
                    t.supplementAllowed(),
                    materials);
            catalogue.store(type);
        }
        audit.record(
                actor,
                AuditAction.CATALOGUE_CHANGED,
                "type:" + t.code(),
                (existing.isPresent() ? "revised: " : "created: ") + t.deadlineHours() + " h, " + t.archiveCategory()
                        + ", " + retention + ", skill " + t.reviewerSkill() + ", materials "
                        + materials.stream().map(MaterialRequirement::code).toList());
        catalogue.flush(); // the version the answer carries is the saved one
        return view(type);
    }

    /** The type's fields checked one by one (a clear message names the first that is wrong); its retention. */
    private static Retention validRetention(BusinessTypeView t) throws EarchiveException {
        require(t.nameZh() != null && !t.nameZh().isBlank() && t.nameZh().length() <= 100, "nameZh: 1–100 characters");
        require(t.nameEn() != null && !t.nameEn().isBlank() && t.nameEn().length() <= 100, "nameEn: 1–100 characters");
        require(t.deadlineHours() > 0 && t.deadlineHours() <= 24 * 366, "deadlineHours: 1 to 8784");
        require(
                t.archiveCategory() != null && t.archiveCategory().matches("[A-Z]{1,8}"),
                "archiveCategory: 1–8 capital letters (it is part of every archive number)");
        Retention retention;
        try {
            retention = Retention.valueOf(t.retention());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid("retention: PERMANENT, Y100, Y50, Y30 or Y10 (order No. 3: permanent or 10/30/50/100 years)");
        }
        require(
                t.reviewerSkill() != null && t.reviewerSkill().matches("[a-z][a-z0-9_-]{0,31}"),
                "reviewerSkill: e.g. pension");
        return retention;
    }

    /** The checklist: at least one material, codes unique and well-formed, both names given. */
    private static List<MaterialRequirement> validMaterials(List<BusinessTypeView.Material> materials)
            throws EarchiveException {
        require(materials != null && !materials.isEmpty(), "materials: at least one");
        List<MaterialRequirement> requirements = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (BusinessTypeView.Material m : materials) {
            require(
                    m.code() != null && m.code().matches("[A-Z][A-Z0-9_]{1,31}") && codes.add(m.code()),
                    "materials: each code 2–32 capital letters, digits or _, and unique (" + m.code() + ")");
            require(
                    m.nameZh() != null
                            && !m.nameZh().isBlank()
                            && m.nameEn() != null
                            && !m.nameEn().isBlank(),
                    "materials: " + m.code() + " needs nameZh and nameEn");
            requirements.add(new MaterialRequirement(
                    m.code(), m.nameZh().strip(), m.nameEn().strip(), m.required()));
        }
        return requirements;
    }

    static BusinessTypeView view(BusinessType t) {
        return new BusinessTypeView(
                t.code(),
                t.nameZh(),
                t.nameEn(),
                (int) t.deadline().toHours(),
                t.archiveCategory(),
                t.retention().name(),
                t.reviewerSkill(),
                t.supplementAllowed(),
                t.materials().stream()
                        .map(m -> new BusinessTypeView.Material(m.code(), m.nameZh(), m.nameEn(), m.required()))
                        .toList(),
                t.version());
    }

    private static void require(boolean ok, String what) throws EarchiveException {
        if (!ok) {
            throw invalid(what);
        }
    }

    private static EarchiveException invalid(String what) {
        return new EarchiveException(
                ErrorCode.INVALID_REQUEST, "业务目录数据不正确：" + what + "。The business type is invalid: " + what + ".");
    }
}
