package org.earchive.archive.infrastructure.backup;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.earchive.archive.application.port.HotBackup;
import org.earchive.archive.infrastructure.config.EarchiveSettings;
import org.earchive.archive.infrastructure.persistence.migration.SchemaMigrator;

/** H2's {@code BACKUP TO} for the database, a copy of new files for the object folder. */
@ApplicationScoped
public class EmbeddedHotBackup implements HotBackup {
    @Resource(lookup = SchemaMigrator.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    EarchiveSettings settings;

    @Override
    public Optional<String> refusal() {
        if (!settings.usesH2()) {
            return Optional.of("This installation runs on PostgreSQL: back it up with pg_dump or PITR and the object"
                    + " store's own replication (see the README's operations section).");
        }
        if (settings.s3Endpoint().isPresent()) {
            return Optional.of("Objects live in S3: back them up with the store's own replication (see the README's"
                    + " operations section).");
        }
        return Optional.empty();
    }

    @Override
    public void copyDatabase(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("BACKUP TO ?")) {
            s.setString(1, file.toString());
            s.execute();
        } catch (SQLException e) {
            throw new IOException("the database backup failed: " + e.getMessage(), e);
        }
    }

    @Override
    public long copyObjects(Path folder) throws IOException {
        Path from = settings.objectsRoot().resolve("objects");
        Path to = folder.resolve("objects");
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
