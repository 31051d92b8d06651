package org.earchive.web.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.earchive.archive.application.Roles;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("api")
@DeclareRoles({
    Roles.CLERK,
    Roles.REVIEWER,
    Roles.ARCHIVIST,
    Roles.AUDITOR,
    Roles.ADMIN,
    Roles.MANAGER,
    Roles.STATION,
    Roles.READER,
    Roles.SERVICE
})
@OpenAPIDefinition(
        info =
                @Info(
                        title = "earchive API",
                        version = "0.1",
                        description =
                                "Cases, materials and the electronic archive of a social-insurance agency. Every call but /health needs"
                                        + " HTTP Basic credentials and the right role. Errors are {\"code\", \"message\"}."),
        security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class RestApplication extends Application {}
