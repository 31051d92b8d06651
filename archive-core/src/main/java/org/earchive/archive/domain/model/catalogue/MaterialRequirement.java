package org.earchive.archive.domain.model.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One material a business type asks for. */
@Embeddable
public class MaterialRequirement {
    @Column(name = "code", nullable = false, length = 32)
    private String code;

    @Column(name = "name_zh", nullable = false, length = 100)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 100)
    private String nameEn;

    @Column(name = "required", nullable = false)
    private boolean required;

    protected MaterialRequirement() {}

    public MaterialRequirement(String code, String nameZh, String nameEn, boolean required) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.required = required;
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

    public boolean required() {
        return required;
    }
}
