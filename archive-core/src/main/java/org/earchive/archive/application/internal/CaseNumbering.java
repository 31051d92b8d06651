package org.earchive.archive.application.internal;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.earchive.archive.domain.model.cases.CaseDayCounter;
import org.earchive.archive.domain.model.cases.CaseNumber;
import org.earchive.archive.domain.model.cases.CaseRepository;

/**
 * Takes case numbers from the day's counter in the database, each in a transaction of its own, so that the counter's
 * row is locked for one update and not for the whole of opening a case. A number taken by a case that then fails to
 * open is not given again: case numbers are unique, not gap-free (archive numbers are both).
 */
@Stateless
public class CaseNumbering {
    @Inject
    CaseRepository cases;

    @EJB
    CaseNumbering self;

    /** The next number of the day {@code at} falls on in {@code zone}. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String next(Instant at, ZoneId zone) {
        String day = CaseNumber.dayOf(at, zone);
        Optional<String> number = self.take(day);
        if (number.isPresent()) {
            return number.get();
        }
        try {
            self.createDay(day);
        } catch (EJBException e) {
            // another node created the day's counter at the same moment: it exists now, which is all we need
        }
        return self.take(day).orElseThrow(() -> new IllegalStateException("no counter for " + day));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<String> take(String day) {
        return cases.lockDay(day).map(CaseDayCounter::next);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createDay(String day) {
        cases.createDayIfAbsent(day);
    }
}
