package org.earchive.archive.application.internal;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.earchive.archive.application.BackupService;
import org.earchive.archive.application.EarchiveException;
import org.earchive.archive.application.ErrorCode;
import org.earchive.archive.application.dto.BackupReport;
import org.earchive.archive.domain.service.SearchIndex;
import org.earchive.archive.infrastructure.config.EarchiveSettings;
import org.earchive.archive.infrastructure.persistence.migration.SchemaMigrator;

/**
 * A hot backup of the embedded default. Order matters: the database first, then the index, then the objects. Objects
 * are immutable and written before the rows that refer to them, so every row in the database copy finds its object
 * in the object copy; objects added meanwhile are merely extra.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultBackupService implements BackupService {
    private static final Logger LOG = Logger.getLogger(DefaultBackupService.class.getName());

    @Resource(lookup = SchemaMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    SearchIndex index;

    @EJB
    DocumentCounts counts;

    @EJB
    org.earchive.archive.application.AuditTrail audit;

    @Resource
    jakarta.ejb.SessionContext context;

    @Override
    @RolesAllowed(Roles.ADMIN)
    public BackupReport backup(String directory) throws EarchiveException {
        EarchiveSettings settings = EarchiveSettings.current();
        Path target = underBackupRoot(settings.backupRoot(), directory);
        if (!settings.usesH2()) {
            throw new EarchiveException(
                    ErrorCode.BACKUP_NOT_SUPPORTED,
                    "This installation runs on PostgreSQL: back it up with pg_dump or PITR and the object store's own replication"
                            + " (see the README's operations section).");
        }
        if (settings.s3Endpoint().isPresent()) {
            throw new EarchiveException(
                    ErrorCode.BACKUP_NOT_SUPPORTED,
                    "Objects live in S3: back them up with the store's own replication (see the README's operations section).");
        }
        try {
            Files.createDirectories(target.resolve("db"));
            Path dbZip = target.resolve("db").resolve("earchive.zip");
            Files.deleteIfExists(dbZip);
            try (Connection c = dataSource.getConnection();
                    PreparedStatement s = c.prepareStatement("BACKUP TO ?")) {
                s.setString(1, dbZip.toString());
                s.execute();
            }
            long indexFiles = index.snapshotTo(target.resolve("index"));
            long objects = copyTree(
                    settings.objectsRoot().resolve("objects"),
                    target.resolve("objects").resolve("objects"));
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
                    org.earchive.archive.domain.model.audit.AuditAction.BACKUP_TAKEN,
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
            while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
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

    /** Copies files that are not yet in the target (objects never change once written). */
    private static long copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        long copied = 0;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path dest = to.resolve(from.relativize(f).toString());
                if (!Files.exists(dest) || Files.size(dest) != Files.size(f)) {
                    Files.createDirectories(dest.getParent());
                    Files.copy(f, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
                copied++;
            }
        }
        return copied;
    }
}
