package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.earchive.archive.application.AuditTrail;
import org.earchive.archive.application.BackupService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.Roles;
import org.earchive.archive.application.Settings;
import org.earchive.archive.application.dto.BackupReport;
import org.earchive.archive.application.port.HotBackup;
import org.earchive.archive.application.port.SearchIndex;
import org.earchive.archive.domain.model.audit.AuditAction;

/**
 * A hot backup of the embedded default. Order matters: the database first, then the index, then the objects. Objects
 * are immutable and written before the rows that refer to them, so every row in the database copy finds its object
 * in the object copy; objects added meanwhile are merely extra.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultBackupService implements BackupService {
    @Inject
    Settings settings;

    private static final Logger LOG = Logger.getLogger(DefaultBackupService.class.getName());

    @Inject
    HotBackup hot;

    @Inject
    SearchIndex index;

    @EJB
    DocumentCounts counts;

    @EJB
    AuditTrail audit;

    @Resource
    SessionContext context;

    @Override
    @RolesAllowed(Roles.ADMIN)
    public BackupReport backup(String directory) throws EarchiveException {
        Path target = underBackupRoot(settings.backupRoot(), directory);
        Optional<String> refusal = hot.refusal();
        if (refusal.isPresent()) {
            throw new EarchiveException(ErrorCode.BACKUP_NOT_SUPPORTED, refusal.get());
        }
        try {
            hot.copyDatabase(target.resolve("db").resolve("earchive.zip"));
            long indexFiles = index.snapshotTo(target.resolve("index"));
            long objects = hot.copyObjects(target.resolve("objects"));
            long[] rows = counts.casesAndDocuments();
            BackupReport report =
                    new BackupReport(target.toString(), Instant.now(), rows[0], rows[1], objects, indexFiles);
            try (Writer w = Files.newBufferedWriter(target.resolve("backup.properties"), StandardCharsets.UTF_8)) {
                w.write("takenAt=" + report.takenAt() + "\ncases=" + report.cases() + "\ndocuments="
                        + report.documents() + "\nobjectFiles=" + objects + "\nindexFiles=" + indexFiles + "\n");
            }
            LOG.info(() -> "Backup written to " + target + ": " + report);
            audit.record(
                    context.getCallerPrincipal().getName(),
                    AuditAction.BACKUP_TAKEN,
                    target.toString(),
                    rows[0] + " cases, " + rows[1] + " documents, " + objects + " object files");
            return report;
        } catch (Exception e) {
            throw new EarchiveException(
                    ErrorCode.BACKUP_FAILED, "The backup to " + target + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The backup folder, which must lie under the backup root (a relative name is taken inside it): an administrator's
     * request never makes the server write elsewhere on its disk, not through "..", not through a symbolic link.
     */
    static Path underBackupRoot(Path root, String directory) throws EarchiveException {
        Path target = root.resolve(directory).toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            Path existing = target;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (target.startsWith(root)
                    && existing != null
                    && existing.toRealPath().startsWith(root.toRealPath())) {
                return target;
            }
        } catch (IOException e) {
            // refused below
        }
        throw new EarchiveException(
                ErrorCode.INVALID_REQUEST,
                "备份只能写入备份目录 " + root + " 之下。Backups are written under " + root
                        + " (EARCHIVE_BACKUP_ROOT): give a folder name there.");
    }
}
