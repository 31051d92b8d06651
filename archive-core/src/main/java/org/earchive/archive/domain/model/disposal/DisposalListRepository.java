package org.earchive.archive.domain.model.disposal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Disposal lists and their items. */
public interface DisposalListRepository {
    /** Stores a new list and returns it with its id. */
    DisposalList store(DisposalList list);

    Optional<DisposalList> find(long id);

    /** The list, locked until the end of the transaction. */
    DisposalList lock(long id);

    void remove(long id);

    void add(DisposalItem item);

    /** The item, locked until the end of the transaction. */
    DisposalItem lockItem(long itemId);

    /** Which of these archive numbers are on another list still proposed or approved. */
    List<String> onOtherOpenLists(long listId, Collection<String> archiveNumbers);

    long itemCount(long listId);

    long destroyedCount(long listId);

    List<Long> itemIds(long listId);

    /** The list's items by archive number, at most {@code limit}. */
    List<DisposalItem> items(long listId, int limit);

    /** The newest lists first, at most {@code limit}. */
    List<DisposalList> recent(int limit);
}
