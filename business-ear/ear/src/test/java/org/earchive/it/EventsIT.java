package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A downstream system (statistics, credit) follows the archive without polling: it subscribes to the topic
 * {@code earchiveEvents} on the server's message broker with OpenMQ's own client, and receives an event when a case is
 * submitted and when its records are archived — case and archive numbers, never a citizen ID.
 */
@ExtendWith(ArquillianExtension.class)
class EventsIT {
    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("earchive.ear")));
    }

    @BeforeAll
    static void accounts() throws Exception {
        Accounts.ensureWorkflowAccounts();
    }

    private static ConnectionFactory broker() throws Exception {
        // OpenMQ's client, configured as an outside system would: the broker's address and its guest account
        Object factory = Class.forName("com.sun.messaging.ConnectionFactory")
                .getConstructor()
                .newInstance();
        factory.getClass()
                .getMethod("setProperty", String.class, String.class)
                .invoke(factory, "imqAddressList", "mq://127.0.0.1:7676");
        return (ConnectionFactory) factory;
    }

    @Test
    void aSubscriberHearsOfTheSubmissionAndOfTheArchivedRecords() throws Exception {
        // the broker starts with the first use of the topic: a submission makes sure it is up
        Cases.submit(Cases.ready("ENROLL", Cases.newPerson(), Map.of()));
        String person = Cases.newPerson();
        try (JMSContext context = broker().createContext("guest", "guest")) {
            JMSConsumer consumer = context.createConsumer(context.createTopic("earchiveEvents"));
            String caseNumber = Cases.ready("ENROLL", person, Map.of());
            String reviewer = Cases.submit(caseNumber);
            JsonObject submitted = next(consumer, caseNumber, "CASE_SUBMITTED");
            assertEquals("ENROLL", submitted.getString("businessType"));
            Cases.approve(caseNumber, reviewer);
            JsonObject archived = next(consumer, caseNumber, "RECORD_ARCHIVED");
            assertEquals(3, archived.getJsonArray("archiveNumbers").size(), archived.toString());
            assertFalse(archived.toString().contains(person), "no citizen ID leaves in an event");
            String number = archived.getJsonArray("archiveNumbers").getString(0);
            assertEquals(
                    200,
                    Api.as("archivist").get("/api/archive/records/" + number).status(),
                    "the event names a real record");
        }
    }

    /**
     * The catalogue an outside system (fund control, credit) codes against: the AsyncAPI document served beside OpenAPI
     * names every event it receives, and each event validates against that type's JSON Schema — a decision, a pension
     * with its amounts and evidence, a risk signal, a withdrawal, the daily summary.
     */
    @Test
    void everyEventAnOutsideSystemReceivesIsInTheCatalogueAndValidatesAgainstItsSchema() throws Exception {
        Api admin = Api.as("admin");
        Api.Response doc = admin.get("/asyncapi.json");
        assertEquals(200, doc.status(), doc.body());
        JsonObject messages = doc.json().getJsonObject("components").getJsonObject("messages");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        Map<String, Schema> schemas = new java.util.HashMap<>();
        for (var m : messages.values()) {
            String ref = m.asJsonObject().getJsonObject("payload").getString("$ref");
            Api.Response schema = admin.get("/" + ref);
            assertEquals(200, schema.status(), ref);
            schemas.put(m.asJsonObject().getString("name"), registry.getSchema(schema.body()));
        }
        Cases.submit(Cases.ready("ENROLL", Cases.newPerson(), Map.of())); // the broker is up
        try (JMSContext context = broker().createContext("guest", "guest")) {
            JMSConsumer consumer = context.createConsumer(context.createTopic("earchiveEvents"));
            java.util.List<JsonObject> seen = new java.util.ArrayList<>();
            // a pension determined from the case's own evidence, then approved and archived
            String pension = Cases.ready("PENSION", Cases.newPerson(), Map.of());
            String reviewer = Cases.submit(pension);
            Api.Response determined = Api.as(reviewer)
                    .post(
                            "/api/pension/cases/" + pension + "/determination",
                            "{\"region\":\"440300\",\"year\":2026,\"retirementAge\":60,\"contributionYears\":30,"
                                    + "\"deemedYears\":0,\"transferInYears\":0,\"backPayYears\":0,\"averageIndex\":1.0,"
                                    + "\"accountBalance\":100000.00}");
            assertEquals(200, determined.status(), determined.body());
            seen.add(next(consumer, pension, "CASE_SUBMITTED"));
            JsonObject p = next(consumer, pension, "PENSION_DETERMINED");
            seen.add(p);
            assertEquals(
                    determined.json().getJsonNumber("monthlyPension").bigDecimalValue(),
                    new java.math.BigDecimal(p.getJsonObject("details").getString("monthlyPension")),
                    "the amount fund control audits is the one determined");
            assertFalse(p.getJsonObject("details").getJsonArray("evidence").isEmpty());
            Cases.approve(pension, reviewer);
            seen.add(next(consumer, pension, "CASE_DECIDED"));
            seen.add(next(consumer, pension, "RECORD_ARCHIVED"));
            // a withdrawal
            String withdrawn = Cases.open(Api.as("clerk"), "ENROLL", Cases.newPerson(), "郑洁");
            assertEquals(
                    200,
                    Api.as("clerk")
                            .post("/api/cases/" + withdrawn + "/withdraw", "{\"reason\":\"申请人撤回\"}")
                            .status());
            seen.add(next(consumer, withdrawn, "CASE_ENDED"));
            // a risk signal: one death certificate for two lump sums
            byte[] certificate = Samples.pdf("居民死亡医学证明书 编号 L440300"
                    + (100000000
                            + java.util.concurrent.ThreadLocalRandom.current().nextInt(899999999)));
            Cases.archived("LUMP_SUM", Cases.newPerson(), Map.of("DEATH_CERTIFICATE", certificate));
            String second = Cases.ready("LUMP_SUM", Cases.newPerson(), Map.of("DEATH_CERTIFICATE", certificate));
            Cases.submit(second);
            seen.add(next(consumer, second, "CASE_FLAGGED"));
            // the daily summary, published now instead of at 07:30
            assertEquals(200, admin.post("/api/admin/daily-summary", "{}").status());
            seen.add(next(consumer, "", "DAILY_SUMMARY"));

            for (JsonObject event : seen) {
                String type = event.getString("type");
                assertTrue(schemas.containsKey(type), type + " is not in the AsyncAPI document");
                List<com.networknt.schema.Error> errors =
                        schemas.get(type).validate(event.toString(), InputFormat.JSON);
                assertTrue(errors.isEmpty(), type + " does not match its schema: " + errors + "\n" + event);
            }
            assertTrue(
                    seen.stream()
                            .noneMatch(e -> CITIZEN_ID.matcher(e.toString()).find()),
                    "no citizen ID leaves in an event");
        }
    }

    private static final java.util.regex.Pattern CITIZEN_ID = java.util.regex.Pattern.compile("\\b\\d{17}[\\dX]\\b");

    /** Events received while waiting for another, kept for a later {@link #next}: the order of types is not asserted. */
    private static final List<JsonObject> PENDING = new java.util.ArrayList<>();

    /** The next event of this case and type, within 30 s (other cases' events are skipped). */
    private static JsonObject next(JMSConsumer consumer, String caseNumber, String type) throws Exception {
        for (JsonObject kept : PENDING) {
            if (kept.getString("caseNumber").equals(caseNumber)
                    && kept.getString("type").equals(type)) {
                PENDING.remove(kept);
                return kept;
            }
        }
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            Message m = consumer.receive(1000);
            if (m == null) {
                continue;
            }
            assertNotNull(m.getStringProperty("type"));
            JsonObject body = Json.createReader(new StringReader(((TextMessage) m).getText()))
                    .readObject();
            assertEquals(m.getStringProperty("type"), body.getString("type"));
            if (caseNumber.equals(m.getStringProperty("caseNumber")) && type.equals(m.getStringProperty("type"))) {
                assertEquals(caseNumber, body.getString("caseNumber"));
                return body;
            }
            if (caseNumber.equals(m.getStringProperty("caseNumber"))) {
                PENDING.add(body);
            }
        }
        assertTrue(false, "no " + type + " event for " + caseNumber + " within 30 s");
        return null;
    }
}
