package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.util.List;
import org.earchive.archive.application.dto.UserView;

/** Users, roles, reviewer skills and absence, changed by administrators; every change is audited. */
@Local
public interface UserAdministration {
    List<UserView> users();

    /** Creates the account (a password is then required) or changes it (a password only if it is to change). */
    UserView save(UserView user) throws EarchiveException;

    /** Lifts a sign-in lock (and the count of wrong passwords) before it expires; audited. */
    UserView unlock(String username) throws EarchiveException;
}
