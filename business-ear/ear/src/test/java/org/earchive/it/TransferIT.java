package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pension transfer between two instances of the product: this office (the deployment under test) sends an applicant's
 * archive to the receiving office — a second Payara domain with its own data and fonds — which verifies the package and
 * imports it under its own numbers, keeping where each record came from.
 */
@ExtendWith(ArquillianExtension.class)
class TransferIT {
    private static final Api CLERK = Api.as("clerk");
    private static final Api ARCHIVIST = Api.as("archivist");
    private static final Api THERE = Api.at(ReceivingOffice.URL, "archivist");
    private static ReceivingOffice receiver;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void offices() throws Exception {
        Accounts.ensureWorkflowAccounts();
        receiver = ReceivingOffice.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
    }

    private static String send(String caseNumber) {
        return "/api/pension/transfers/" + caseNumber + "/send";
    }

    @Test
    void anApprovedTransferSendsThePersonsArchiveToTheOtherInstanceWhichVerifiesAndImportsItOnce() throws Exception {
        String person = Cases.newPerson();
        String enroll = Cases.archived("ENROLL", person, Map.of());
        String transfer = Cases.archived("TRANSFER", person, Map.of());
        List<JsonObject> here =
                ARCHIVIST.get("/api/archive/persons/" + person).jsonArray().getValuesAs(JsonObject.class);
        Map<String, String> shaByNumber =
                here.stream().collect(Collectors.toMap(r -> r.getString("archiveNumber"), r -> r.getString("sha256")));
        assertEquals(
                0,
                THERE.get("/api/archive/persons/" + person).jsonArray().size(),
                "the receiving office starts without them");

        assertEquals(403, CLERK.post(send(transfer), "{\"receiver\":\"F902\"}").status());
        Api.Response notTransfer = ARCHIVIST.post(send(enroll), "{\"receiver\":\"F902\"}");
        assertEquals(409, notTransfer.status(), notTransfer.body());
        assertEquals("WRONG_BUSINESS_TYPE", notTransfer.json().getString("code"));
        Api.Response unknown = ARCHIVIST.post(send(transfer), "{\"receiver\":\"X1\"}");
        assertEquals(400, unknown.status(), unknown.body());

        Api.Response sent = ARCHIVIST.post(send(transfer), "{\"receiver\":\"F902\"}");
        assertEquals(200, sent.status(), sent.body());
        JsonObject d = sent.json();
        assertEquals("DELIVERED", d.getString("outcome"), d.toString());
        assertEquals("IMPORTED", d.getString("receiverOutcome"), d.toString());
        assertEquals(here.size(), d.getInt("imported"));

        // there: the same files under the receiving office's own numbers, each naming its origin here
        List<JsonObject> there =
                THERE.get("/api/archive/persons/" + person).jsonArray().getValuesAs(JsonObject.class);
        assertEquals(here.size(), there.size(), there.toString());
        for (JsonObject r : there) {
            assertTrue(r.getString("archiveNumber").startsWith(ReceivingOffice.FONDS + "-"), r.toString());
            assertEquals("F001", r.getString("sourceOffice"), r.toString());
            assertEquals(shaByNumber.get(r.getString("sourceArchiveNumber")), r.getString("sha256"), r.toString());
        }
        Set<String> received =
                there.stream().map(r -> r.getString("archiveNumber")).collect(Collectors.toSet());
        assertEquals(
                received,
                Set.copyOf(d.getJsonArray("receiverArchiveNumbers").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList()));
        // a received file reads back byte-identical there (fixity checked as it streams)
        JsonObject first = there.get(0);
        Api.Response content =
                THERE.get("/api/documents/" + first.getJsonNumber("documentId").longValue() + "/content");
        assertEquals(200, content.status());
        assertEquals(first.getString("sha256"), Cases.sha256Hex(content.bytes()));
        // its received dossier passes the four-property check there
        Api.Response check = THERE.post("/api/archive/dossiers/" + first.getString("caseNumber") + "/checks", "{}");
        assertEquals(200, check.status(), check.body());
        assertTrue(check.json().getBoolean("passed"), check.body());

        // sending again adds nothing there
        Api.Response again = ARCHIVIST.post(send(transfer), "{\"receiver\":\"F902\"}");
        assertEquals(200, again.status(), again.body());
        assertEquals("ALREADY_HELD", again.json().getString("receiverOutcome"));
        assertEquals(here.size(), again.json().getInt("alreadyHeld"));
        assertEquals(
                here.size(),
                THERE.get("/api/archive/persons/" + person).jsonArray().size());

        // both registers have it: delivered here, imported there from F001
        assertTrue(ARCHIVIST.get("/api/transfers/register").jsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("packageId").equals(d.getString("packageId"))
                        && e.getString("outcome").equals("DELIVERED")));
        assertTrue(THERE.get("/api/transfers/register").jsonArray().getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("packageId").equals(d.getString("packageId"))
                        && e.getString("outcome").equals("IMPORTED")
                        && e.getString("sourceOffice").equals("F001")));
    }

    @Test
    void aReceiverWithoutAnInstanceGetsThePackageInItsFolderReadyToVerify() throws Exception {
        String person = Cases.newPerson();
        String transfer = Cases.archived("TRANSFER", person, Map.of());
        Api.Response sent = ARCHIVIST.post(send(transfer), "{\"receiver\":\"F903\"}");
        assertEquals(200, sent.status(), sent.body());
        assertEquals("LEFT_IN_FOLDER", sent.json().getString("receiverOutcome"));
        Path outbox = Path.of(System.getProperty("earchive.ear")).getParent().resolve("it-outbox-F903");
        Path pkg = outbox.resolve(sent.json().getString("packageId") + ".zip");
        assertTrue(Files.isRegularFile(pkg), pkg.toString());
        try (Stream<Path> files = Files.list(outbox)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".part")), "no half-written package is left");
        }
        Api.Response verified = THERE.postBytes("/api/transfers/verify", "application/zip", Files.readAllBytes(pkg));
        assertEquals(200, verified.status(), verified.body());
        assertEquals("VERIFIED", verified.json().getString("outcome"));
    }
}
