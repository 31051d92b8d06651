package org.earchive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
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

    /** The next event of this case and type, within 30 s (other tests' events are skipped). */
    private static JsonObject next(JMSConsumer consumer, String caseNumber, String type) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            Message m = consumer.receive(1000);
            if (m == null) {
                continue;
            }
            assertNotNull(m.getStringProperty("type"));
            if (caseNumber.equals(m.getStringProperty("caseNumber")) && type.equals(m.getStringProperty("type"))) {
                JsonObject body = Json.createReader(new StringReader(((TextMessage) m).getText()))
                        .readObject();
                assertEquals(type, body.getString("type"));
                assertEquals(caseNumber, body.getString("caseNumber"));
                return body;
            }
        }
        assertTrue(false, "no " + type + " event for " + caseNumber + " within 30 s");
        return null;
    }
}
