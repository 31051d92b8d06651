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
import java.lang.reflect.Method;

/**
 * Enforces {@link Roles} (and {@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll}) on resource methods
 * (portable JAX-RS, no implementation-specific feature), so a wrong role is refused before any work starts. The application services check the same roles again.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {
  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method m = resource.getResourceMethod();
    Class<?> type = resource.getResourceClass();
    if (m.isAnnotationPresent(DenyAll.class)) {
      context.register(new RoleFilter(new String[0]));
    } else if (m.isAnnotationPresent(Roles.class)) {
      context.register(new RoleFilter(m.getAnnotation(Roles.class).value()));
    } else if (m.isAnnotationPresent(RolesAllowed.class)) {
      context.register(new RoleFilter(m.getAnnotation(RolesAllowed.class).value()));
    } else if (m.isAnnotationPresent(PermitAll.class)) {
      return;
    } else if (type.isAnnotationPresent(Roles.class)) {
      context.register(new RoleFilter(type.getAnnotation(Roles.class).value()));
    } else if (type.isAnnotationPresent(RolesAllowed.class)) {
      context.register(new RoleFilter(type.getAnnotation(RolesAllowed.class).value()));
    }
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
