package org.earchive.archive.application.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.earchive.archive.application.dto.PropertyCheckView;
import org.earchive.archive.application.dto.PropertyCheckView.Item;
import org.earchive.archive.domain.model.cases.BusinessCase;
import org.earchive.archive.domain.model.check.PropertyCheck;
import org.earchive.archive.domain.model.check.PropertyCheckRepository;

/** The four-property reports: saved each in its own transaction, read back as views. */
@Stateless
public class CheckReports {

    @Inject
    PropertyCheckRepository checks;

    /** Saves a report in its own transaction and returns it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public PropertyCheckView save(BusinessCase c, PropertyCheck.Occasion occasion, String actor, List<Item> items) {
        boolean passed = items.stream().allMatch(Item::passed);
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Item i : items) {
            array.add(Json.createObjectBuilder()
                    .add("property", i.property())
                    .add("subject", i.subject())
                    .add("check", i.check())
                    .add("passed", i.passed())
                    .add("detail", i.detail() == null ? "" : i.detail()));
        }
        // failed only because the scanner or the store did not answer: the dossier is not at fault (the schedule tries
        // it again)
        boolean outage = items.stream().filter(i -> !i.passed()).allMatch(CheckItems::outage);
        PropertyCheck check = new PropertyCheck(
                c.id(),
                occasion,
                Instant.now(),
                actor,
                passed,
                outage,
                array.build().toString());
        checks.store(check);
        return view(check, c.caseNumber());
    }

    /** The stored reports of a case, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<PropertyCheck> reports(long caseId) {
        return checks.byCase(caseId);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<PropertyCheck> report(long id) {
        return checks.find(id);
    }

    public static PropertyCheckView view(PropertyCheck p, String caseNumber) {
        List<Item> items = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(p.items()))) {
            for (JsonObject o : reader.readArray().getValuesAs(JsonObject.class)) {
                items.add(new Item(
                        o.getString("property"),
                        o.getString("subject"),
                        o.getString("check"),
                        o.getBoolean("passed"),
                        o.getString("detail", "")));
            }
        }
        return new PropertyCheckView(p.id(), caseNumber, p.occasion(), p.checkedAt(), p.checkedBy(), p.passed(), items);
    }

    /** The failed items in words, for an error message. */
    public static String summary(List<Item> items) {
        Map<String, List<String>> byProperty = new TreeMap<>();
        for (Item i : items) {
            if (!i.passed()) {
                byProperty
                        .computeIfAbsent(i.property(), k -> new ArrayList<>())
                        .add(i.subject() + " " + i.check() + ": " + i.detail());
            }
        }
        return byProperty.entrySet().stream()
                .map(e -> e.getKey() + " — " + String.join("; ", e.getValue()))
                .collect(Collectors.joining(" | "));
    }
}
