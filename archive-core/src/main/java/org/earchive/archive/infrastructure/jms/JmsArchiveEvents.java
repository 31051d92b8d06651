package org.earchive.archive.infrastructure.jms;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.earchive.archive.application.port.ArchiveEvents;

/**
 * Publishes what happened to the archive on a JMS topic of the server's message broker, so other systems
 * (statistics, monitoring, credit, the risk module) follow without polling. Each message is JSON text with a
 * {@code type} property: {@code CASE_SUBMITTED}, {@code RECORD_ARCHIVED}, {@code RECORD_DISPOSED} and the others
 * of the catalogue ({@code /asyncapi.json}), with their {@code details}. Events say what
 * and which (case number, archive numbers), never a full citizen ID; subscribers read the rest through the service
 * API. A broker that is down never fails the business step: the event is logged as lost.
 */
@Stateless
@JMSDestinationDefinition(
        name = JmsArchiveEvents.TOPIC,
        interfaceName = "jakarta.jms.Topic",
        destinationName = "earchiveEvents",
        description = "earchive: records archived and disposed, cases submitted")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JmsArchiveEvents implements ArchiveEvents {
    public static final String TOPIC = "java:app/jms/earchiveEvents";
    private static final Logger LOG = Logger.getLogger(JmsArchiveEvents.class.getName());
    /** Looked up once: {@code Json.create…} runs a service-loader lookup on every call (2% of the server's CPU). */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    JMSContext jms;

    @Resource(lookup = TOPIC)
    Topic topic;

    @Override
    public void caseSubmitted(String caseNumber, String businessType) {
        publish("CASE_SUBMITTED", caseNumber, businessType, List.of());
    }

    @Override
    public void recordsArchived(String caseNumber, String businessType, List<String> archiveNumbers) {
        publish("RECORD_ARCHIVED", caseNumber, businessType, archiveNumbers);
    }

    @Override
    public void recordDisposed(String caseNumber, String businessType, String archiveNumber) {
        publish("RECORD_DISPOSED", caseNumber, businessType, List.of(archiveNumber));
    }

    private void publish(String type, String caseNumber, String businessType, List<String> archiveNumbers) {
        publish(type, caseNumber, businessType, archiveNumbers, null);
    }

    @Override
    public void publish(
            String type, String caseNumber, String businessType, List<String> archiveNumbers, String details) {
        JsonArrayBuilder numbers = JSON.createArrayBuilder();
        archiveNumbers.forEach(numbers::add);
        JsonObjectBuilder event = JSON.createObjectBuilder()
                .add("type", type)
                .add("caseNumber", caseNumber == null ? "" : caseNumber)
                .add("businessType", businessType == null ? "" : businessType)
                .add("archiveNumbers", numbers)
                .add("at", Instant.now().toString());
        if (details != null) {
            try (JsonReader reader = JSON.createReader(new StringReader(details))) {
                event.add("details", reader.readObject());
            }
        }
        String body = event.build().toString();
        try {
            jms.createProducer()
                    .setProperty("type", type)
                    .setProperty("caseNumber", caseNumber == null ? "" : caseNumber)
                    .send(topic, body);
        } catch (JMSRuntimeException | IllegalStateException e) {
            LOG.log(Level.WARNING, "Event " + type + " of " + caseNumber + " not published: " + e.getMessage(), e);
        }
    }
}
