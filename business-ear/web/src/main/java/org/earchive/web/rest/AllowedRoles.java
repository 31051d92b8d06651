package org.earchive.web.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call a REST resource method (or every method of a resource class), enforced by
 * {@link RolesAllowedFeature} before the method runs; the application services (EJBs) check the same roles again
 * with {@code @RolesAllowed}.
 *
 * <p>Not {@code jakarta.annotation.security.RolesAllowed} on the resources: for that annotation Payara's MicroProfile
 * JWT module adds a second filter to every JAX-RS resource of an EAR (its {@code jaxrs-roles-allowed-enabled} switch
 * is read from a web module's descriptor only when the WAR is deployed on its own), and that filter resolves the
 * caller through Soteria's subject parser on every request — failed class lookups for other servers' security
 * classes, 2–3% of the server's CPU at the counter's peak (JFR, {@code ./earchive bench ingest}), for a check this
 * application already makes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AllowedRoles {
    String[] value();
}
