package org.earchive.web.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.stream.Stream;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.UserDirectory;
import org.earchive.web.security.PasswordChangeFilter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The pages' sign-in: {@code POST /api/session} with a form (j_username, j_password) is authenticated by the
 * application's authentication mechanism before it gets here; this resource only reports who signed in.
 */
@RequestScoped
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "session", description = "Sign-in for the pages")
public class SessionResource {
    private static final List<String> ROLES = Roles.ALL;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    public record Me(String username, List<String> roles, boolean mustChangePassword) {}

    /** The body of {@code POST /api/session/password}. */
    public record PasswordChange(String currentPassword, String newPassword) {}

    @EJB
    UserDirectory directory;

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(
            summary =
                    "Changes the signed-in user's own password: {currentPassword, newPassword}; at least 10"
                            + " characters with letters and digits, not the user name, none of the last five (400 PASSWORD_POLICY)")
    public Response changePassword(PasswordChange change) throws EarchiveException {
        if (security.getUserPrincipal() == null) {
            throw new NotAuthorizedException("Basic realm=\"earchive\"");
        }
        if (change == null || change.currentPassword() == null || change.newPassword() == null) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "Send {\"currentPassword\", \"newPassword\"}.");
        }
        directory.changePassword(
                security.getUserPrincipal().getName(),
                change.currentPassword().toCharArray(),
                change.newPassword().toCharArray());
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PasswordChangeFilter.MUST_CHANGE);
        }
        return Response.noContent().build();
    }

    @POST
    @PermitAll
    @Operation(summary = "Sign in with a form (j_username, j_password); starts a session")
    public Me signIn() {
        return me();
    }

    @GET
    @PermitAll
    @Operation(summary = "Who is signed in")
    public Me me() {
        if (security.getUserPrincipal() == null) {
            throw new NotAuthorizedException("Basic realm=\"earchive\"");
        }
        return new Me(
                security.getUserPrincipal().getName(),
                Stream.of(ROLES.toArray(String[]::new))
                        .filter(security::isUserInRole)
                        .toList(),
                PasswordChangeFilter.mustChange(request));
    }

    @DELETE
    @PermitAll
    @Operation(summary = "Sign out")
    public Response signOut() throws ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }
}
