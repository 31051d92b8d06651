package org.earchive.archive.domain.model.catalogue;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** A kind of business the agency accepts (参保登记, 基本养老金核定, …). */
@Entity
@Table(name = "business_type")
public class BusinessType {
    @Id
    @Column(name = "code", length = 32)
    private String code;

    @Column(name = "name_zh", nullable = false, length = 100)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 100)
    private String nameEn;

    @Column(name = "deadline_hours", nullable = false)
    private int deadlineHours;

    @Column(name = "archive_category", nullable = false, length = 16)
    private String archiveCategory;

    @Enumerated(EnumType.STRING)
    @Column(name = "retention", nullable = false, length = 16)
    private Retention retention;

    @Column(name = "reviewer_skill", nullable = false, length = 32)
    private String reviewerSkill;

    @Column(name = "supplement_allowed", nullable = false)
    private boolean supplementAllowed;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "business_type_material", joinColumns = @JoinColumn(name = "business_type"))
    @OrderColumn(name = "position")
    private List<MaterialRequirement> materials = new ArrayList<>();

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected BusinessType() {}

    public BusinessType(
            String code,
            String nameZh,
            String nameEn,
            int deadlineHours,
            String archiveCategory,
            Retention retention,
            String reviewerSkill,
            boolean supplementAllowed,
            List<MaterialRequirement> materials) {
        this.code = code;
        revise(nameZh, nameEn, deadlineHours, archiveCategory, retention, reviewerSkill, supplementAllowed, materials);
    }

    /** An administrator's change: everything but the code; the version guards against two editors at once. */
    public void revise(
            String nameZh,
            String nameEn,
            int deadlineHours,
            String archiveCategory,
            Retention retention,
            String reviewerSkill,
            boolean supplementAllowed,
            List<MaterialRequirement> materials) {
        if (deadlineHours <= 0) {
            throw new IllegalArgumentException("A business type needs a positive handling deadline");
        }
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.deadlineHours = deadlineHours;
        this.archiveCategory = archiveCategory;
        this.retention = retention;
        this.reviewerSkill = reviewerSkill;
        this.supplementAllowed = supplementAllowed;
        this.materials.clear();
        this.materials.addAll(materials);
    }

    public int version() {
        return version;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public Duration deadline() {
        return Duration.ofHours(deadlineHours);
    }

    public String archiveCategory() {
        return archiveCategory;
    }

    public Retention retention() {
        return retention;
    }

    public String reviewerSkill() {
        return reviewerSkill;
    }

    public boolean supplementAllowed() {
        return supplementAllowed;
    }

    public List<MaterialRequirement> materials() {
        return List.copyOf(materials);
    }

    /** The required materials not among {@code provided} (material codes), in code order. */
    public SortedSet<String> missingRequired(Collection<String> provided) {
        SortedSet<String> missing = new TreeSet<>();
        for (MaterialRequirement m : materials()) {
            if (m.required() && !provided.contains(m.code())) {
                missing.add(m.code());
            }
        }
        return missing;
    }

    public Optional<MaterialRequirement> material(String materialCode) {
        return materials.stream().filter(m -> m.code().equals(materialCode)).findFirst();
    }
}
