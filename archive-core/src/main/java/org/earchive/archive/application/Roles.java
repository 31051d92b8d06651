package org.earchive.archive.application;

import java.util.List;

/**
 * The one place the role names are written: the services' {@code @RolesAllowed} and the web resources'
 * {@code @AllowedRoles} use these constants; they match {@code domain.model.account.Role} (RolesTest) and the roles
 * the deployment descriptors declare.
 */
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

    /** Every role, in the order screens list them. */
    public static final List<String> ALL =
            List.of(CLERK, REVIEWER, ARCHIVIST, AUDITOR, ADMIN, MANAGER, STATION, READER, SERVICE);

    private Roles() {}
}
