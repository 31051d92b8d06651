package org.earchive.archive.application;

import jakarta.ejb.Local;
import java.util.List;
import org.earchive.archive.application.dto.AppraisalRun;
import org.earchive.archive.application.dto.DisposalListView;

/**
 * Disposition (到期鉴定与销毁): a batch job lists the records past retention (never a held one); a list is approved by
 * someone other than its author; executing it destroys the content, keeps the metadata and the list, and writes the
 * audit trail.
 */
@Local
public interface DispositionService {
    /** Starts the appraisal job (Jakarta Batch {@code disposition-appraisal}); returns its execution. */
    AppraisalRun appraise() throws EarchiveException;

    AppraisalRun run(long execution) throws EarchiveException;

    List<DisposalListView> lists() throws EarchiveException;

    DisposalListView list(long id) throws EarchiveException;

    DisposalListView decide(long id, boolean approve, String comment) throws EarchiveException;

    /** Destroys the content of every item still due; a record held or no longer due is skipped with the reason. */
    DisposalListView execute(long id) throws EarchiveException;
}
