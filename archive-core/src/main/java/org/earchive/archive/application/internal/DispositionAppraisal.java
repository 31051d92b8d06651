package org.earchive.archive.application.internal;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.Properties;

/**
 * The step of the {@code disposition-appraisal} job: one destruction list of every record due on the appraisal day,
 * built page by page. Its exit status is {@code LIST <id>} or {@code NOTHING_DUE}.
 */
@Named("dispositionAppraisal")
@Dependent
public class DispositionAppraisal extends AbstractBatchlet {
    @Inject
    JobContext job;

    @EJB
    DisposalLists lists;

    @Override
    public String process() {
        Properties p = BatchRuntime.getJobOperator().getParameters(job.getExecutionId());
        LocalDate day = LocalDate.parse(p.getProperty("appraisedOn"));
        String actor = p.getProperty("actor", "system");
        long listId = lists.create(day, actor);
        for (long after = 0; after >= 0; ) {
            after = lists.addDue(listId, after);
        }
        String result = lists.keepIfItems(listId, actor) ? "LIST " + listId : "NOTHING_DUE";
        job.setExitStatus(result); // the job's exit status, read by DispositionService.run
        return result;
    }
}
