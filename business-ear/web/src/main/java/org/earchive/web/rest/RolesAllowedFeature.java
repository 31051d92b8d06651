package org.earchive.web.rest;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

/**
 * Enforces {@link AllowedRoles} (and {@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll}) on resource methods
 * (portable JAX-RS, no implementation-specific feature), so a wrong role is refused before any work starts. The
 * application services check the same roles again.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {
    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method m = resource.getResourceMethod();
        String[] roles = m.isAnnotationPresent(DenyAll.class) ? new String[0] : rolesOf(m);
        if (roles == null && !m.isAnnotationPresent(PermitAll.class)) {
            roles = rolesOf(resource.getResourceClass());
        }
        if (roles != null) {
            context.register(new RoleFilter(roles));
        }
    }

    /** The roles {@link AllowedRoles} or {@code @RolesAllowed} names on a method or class, or null if neither is there. */
    private static String[] rolesOf(AnnotatedElement element) {
        AllowedRoles roles = element.getAnnotation(AllowedRoles.class);
        if (roles != null) {
            return roles.value();
        }
        RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
        return allowed == null ? null : allowed.value();
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class RoleFilter implements ContainerRequestFilter {
        private final String[] roles;

        RoleFilter(String[] roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                throw new NotAuthorizedException("Basic realm=\"earchive\"");
            }
            for (String role : roles) {
                if (security.isUserInRole(role)) {
                    return;
                }
            }
            throw new ForbiddenException();
        }
    }
}
