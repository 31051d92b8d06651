package org.earchive.web.rest;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.UserAdministration;
import org.earchive.archive.application.dto.UserView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@RequestScoped
@Path("admin/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users", description = "Accounts, roles, reviewer skills and absence (administrators)")
public class UserResource {
    @EJB
    UserAdministration users;

    @GET
    @AllowedRoles(Roles.ADMIN)
    @Operation(summary = "Every account with its roles, skills, hall and absence (never a password)")
    public List<UserView> list() {
        return users.users();
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles(Roles.ADMIN)
    @Operation(
            summary = "Creates or changes an account: {displayName, hall, roles, skills, absent, enabled, password?};"
                    + " an absent reviewer is given no new cases")
    public UserView save(@PathParam("username") String username, UserView user) throws EarchiveException {
        if (user == null || !username.equals(user.username())) {
            throw new EarchiveException(ErrorCode.INVALID_REQUEST, "The body's username must be the one in the URL.");
        }
        return users.save(user);
    }

    @POST
    @Path("{username}/unlock")
    @AllowedRoles(Roles.ADMIN)
    @Operation(summary = "Lifts the sign-in lock of an account (locked after too many wrong passwords); audited")
    public UserView unlock(@PathParam("username") String username) throws EarchiveException {
        return users.unlock(username);
    }
}
