package org.earchive.archive.domain.model.transfer;

import java.util.List;

/** The transfer register: every package sent, delivered, refused, received or rejected. */
public interface TransferEntryRepository {
    void store(TransferEntry entry);

    /** The newest entries first, at most {@code limit}. */
    List<TransferEntry> recent(int limit);
}
