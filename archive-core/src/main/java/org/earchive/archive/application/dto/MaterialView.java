package org.earchive.archive.application.dto;

/** One material of a case's checklist and whether it has been provided yet. */
public record MaterialView(String code, String nameZh, String nameEn, boolean required, boolean provided) {}
