package org.earchive.archive.infrastructure.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.earchive.archive.application.port.CaptureQueue;

/** The capture jobs as the {@code capture_job} table (V15), in native SQL that H2 and PostgreSQL both run. */
@ApplicationScoped
public class JpaCaptureQueue implements CaptureQueue {
    private static final String COLUMNS =
            "document_id, case_id, state, attempts, claimed_by, error_code, error_message,"
                    + " result_document_id, pages, created_at, finished_at";

    @PersistenceContext(unitName = "earchive")
    private EntityManager em;

    @Override
    public void enqueue(long documentId, long caseId, Instant now) {
        em.createNativeQuery("INSERT INTO capture_job (document_id, case_id, state, due_at, attempts, created_at)"
                        + " VALUES (?1, ?2, 'QUEUED', ?3, 0, ?3)")
                .setParameter(1, documentId)
                .setParameter(2, caseId)
                .setParameter(3, NativeSql.utc(now))
                .executeUpdate();
    }

    @Override
    public List<Job> claim(Instant now, int limit, Instant leaseUntil, String worker) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT document_id, attempts FROM capture_job"
                        + " WHERE state IN ('QUEUED', 'RUNNING') AND due_at <= ?1 ORDER BY due_at, document_id LIMIT "
                        + Math.max(1, limit) + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, NativeSql.utc(now))
                .getResultList();
        List<Job> claimed = new ArrayList<>();
        for (Object[] row : rows) {
            long id = NativeSql.number(row[0]);
            if (NativeSql.number(row[1]) >= MAX_ATTEMPTS) {
                em.createNativeQuery("UPDATE capture_job SET state = 'FAILED', error_code = 'PROCESSING_FAILED',"
                                + " error_message = ?1, finished_at = ?2 WHERE document_id = ?3")
                        .setParameter(
                                1,
                                "文件处理 " + MAX_ATTEMPTS + " 次均未完成，请重新扫描或换一个文件。The file stopped " + MAX_ATTEMPTS
                                        + " capture workers: scan the paper again or upload another file.")
                        .setParameter(2, NativeSql.utc(now))
                        .setParameter(3, id)
                        .executeUpdate();
                continue;
            }
            em.createNativeQuery("UPDATE capture_job SET state = 'RUNNING', due_at = ?1, claimed_by = ?2,"
                            + " attempts = attempts + 1 WHERE document_id = ?3")
                    .setParameter(1, NativeSql.utc(leaseUntil))
                    .setParameter(2, worker)
                    .setParameter(3, id)
                    .executeUpdate();
            job(id).ifPresent(claimed::add);
        }
        return claimed;
    }

    @Override
    public Optional<Job> job(long documentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM capture_job WHERE document_id = ?1")
                .setParameter(1, documentId)
                .getResultList();
        return rows.stream().findFirst().map(JpaCaptureQueue::job);
    }

    @Override
    public boolean finish(long documentId, String worker, long resultDocumentId, int pages, Instant at) {
        return em.createNativeQuery("UPDATE capture_job SET state = 'DONE', result_document_id = ?1, pages = ?2,"
                                + " finished_at = ?3, error_code = NULL, error_message = NULL"
                                + " WHERE document_id = ?4 AND state = 'RUNNING' AND claimed_by = ?5")
                        .setParameter(1, resultDocumentId)
                        .setParameter(2, pages)
                        .setParameter(3, NativeSql.utc(at))
                        .setParameter(4, documentId)
                        .setParameter(5, worker)
                        .executeUpdate()
                == 1;
    }

    @Override
    public boolean fail(long documentId, String worker, String code, String message, Instant at) {
        return em.createNativeQuery("UPDATE capture_job SET state = 'FAILED', error_code = ?1, error_message = ?2,"
                                + " finished_at = ?3 WHERE document_id = ?4 AND state = 'RUNNING' AND claimed_by = ?5")
                        .setParameter(1, code)
                        .setParameter(
                                2, message == null ? null : message.substring(0, Math.min(1000, message.length())))
                        .setParameter(3, NativeSql.utc(at))
                        .setParameter(4, documentId)
                        .setParameter(5, worker)
                        .executeUpdate()
                == 1;
    }

    @Override
    public List<Job> ofCase(long caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT " + COLUMNS + " FROM capture_job WHERE case_id = ?1 ORDER BY document_id")
                .setParameter(1, caseId)
                .getResultList();
        return rows.stream().map(JpaCaptureQueue::job).toList();
    }

    @Override
    public void forget(long documentId) {
        em.createNativeQuery("DELETE FROM capture_job WHERE document_id = ?1")
                .setParameter(1, documentId)
                .executeUpdate();
    }

    @Override
    public Depth depth(Instant since) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT"
                        + " coalesce(sum(CASE WHEN state = 'QUEUED' THEN 1 ELSE 0 END), 0),"
                        + " coalesce(sum(CASE WHEN state = 'RUNNING' THEN 1 ELSE 0 END), 0),"
                        + " coalesce(sum(CASE WHEN state = 'DONE' AND finished_at >= ?1 THEN 1 ELSE 0 END), 0),"
                        + " coalesce(sum(CASE WHEN state = 'DONE' AND finished_at >= ?1 THEN pages ELSE 0 END), 0),"
                        + " coalesce(sum(CASE WHEN state = 'FAILED' AND finished_at >= ?1 THEN 1 ELSE 0 END), 0),"
                        + " min(CASE WHEN state IN ('QUEUED', 'RUNNING') THEN created_at END)"
                        + " FROM capture_job WHERE state IN ('QUEUED', 'RUNNING') OR finished_at >= ?1")
                .setParameter(1, NativeSql.utc(since))
                .getSingleResult();
        return new Depth(
                NativeSql.number(r[0]),
                NativeSql.number(r[1]),
                NativeSql.number(r[2]),
                NativeSql.number(r[3]),
                NativeSql.number(r[4]),
                NativeSql.instant(r[5]));
    }

    private static Job job(Object[] r) {
        return new Job(
                NativeSql.number(r[0]),
                NativeSql.number(r[1]),
                (String) r[2],
                (int) NativeSql.number(r[3]),
                (String) r[4],
                (String) r[5],
                (String) r[6],
                r[7] == null ? null : NativeSql.number(r[7]),
                r[8] == null ? null : (int) NativeSql.number(r[8]),
                NativeSql.instant(r[9]),
                NativeSql.instant(r[10]));
    }
}
