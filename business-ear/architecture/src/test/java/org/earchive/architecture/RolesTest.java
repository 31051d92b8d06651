package org.earchive.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.earchive.archive.application.Roles;
import org.earchive.archive.domain.model.account.Role;
import org.junit.jupiter.api.Test;

/**
 * The role names are written once ({@link Roles}); the account's {@link Role} and the deployment descriptors, which
 * Jakarta EE requires to name them again, must agree with it — a role missing from the group mapping would silently
 * lock its users out.
 */
class RolesTest {
    @Test
    void theAccountsRolesAreTheConstants() {
        assertEquals(
                new TreeSet<>(Roles.ALL),
                new TreeSet<>(Arrays.stream(Role.values()).map(Role::name).toList()));
    }

    @Test
    void everyDescriptorDeclaresEveryRole() throws IOException {
        for (Path descriptor : List.of(
                Path.of("../web/src/main/webapp/WEB-INF/web.xml"),
                Path.of("../ear/src/main/application/META-INF/glassfish-application.xml"))) {
            assertTrue(Files.isRegularFile(descriptor), descriptor + " not found");
            Set<String> declared = new TreeSet<>();
            Matcher m = Pattern.compile("<role-name>\\s*(\\w+)\\s*</role-name>").matcher(Files.readString(descriptor));
            while (m.find()) {
                declared.add(m.group(1));
            }
            assertEquals(new TreeSet<>(Roles.ALL), declared, descriptor.toString());
        }
    }
}
