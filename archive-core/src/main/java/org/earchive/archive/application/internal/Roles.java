package org.earchive.archive.application.internal;

/** Role names as constants, for {@code @RolesAllowed}. They match {@code domain.model.account.Role}. */
public final class Roles {
    public static final String CLERK = "clerk";
    public static final String REVIEWER = "reviewer";
    public static final String ARCHIVIST = "archivist";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String STATION = "station";
    public static final String READER = "reader";
    public static final String SERVICE = "service";

    private Roles() {}
}
