package org.earchive.archive.domain.model.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Recomputes the chain page by page and reports the first broken link: a row whose hash does not match its content
 * (changed), whose predecessor hash does not match the previous row (inserted or deleted before it), a gap in the
 * sequence (deleted), or an end that does not match the head (cut off).
 */
public final class ChainVerifier {
    private ChainVerifier() {}

    /** The outcome; {@code brokenAt} and {@code reason} are empty when the chain is whole. */
    public record Result(long checked, Optional<Long> brokenAt, Optional<String> reason) {
        public boolean valid() {
            return brokenAt.isEmpty();
        }
    }

    public static Result verify(AuditHead head, BiFunction<Long, Integer, List<AuditEvent>> pages, int pageSize) {
        long expectedSeq = 1;
        String expectedPrev = AuditEvent.GENESIS;
        long checked = 0;
        while (true) {
            List<AuditEvent> page = pages.apply(expectedSeq - 1, pageSize);
            if (page.isEmpty()) {
                break;
            }
            for (AuditEvent e : page) {
                if (e.seq() != expectedSeq) {
                    return broken(
                            checked,
                            expectedSeq,
                            "event " + expectedSeq + " is missing (the next one is " + e.seq() + ")");
                }
                if (!e.prevHash().equals(expectedPrev)) {
                    return broken(checked, e.seq(), "event " + e.seq() + " does not follow the event before it");
                }
                if (!e.computeHash().equals(e.hash())) {
                    return broken(checked, e.seq(), "event " + e.seq() + " was changed after it was written");
                }
                expectedPrev = e.hash();
                expectedSeq++;
                checked++;
            }
        }
        if (checked != head.lastSeq() || !expectedPrev.equals(head.lastHash())) {
            return broken(
                    checked,
                    checked + 1,
                    "the chain ends at event " + checked + " but " + head.lastSeq() + " were written");
        }
        return new Result(checked, Optional.empty(), Optional.empty());
    }

    private static Result broken(long checked, long at, String reason) {
        return new Result(checked, Optional.of(at), Optional.of(reason));
    }
}
