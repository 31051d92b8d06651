package org.earchive.archive.infrastructure.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.earchive.archive.application.FixityPolicy;
import org.earchive.archive.application.Settings;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every setting of the archive core in one typed object, read from MicroProfile Config: system properties, the
 * environment ({@code EARCHIVE_HOME}, {@code EARCHIVE_DB_URL}, …) and {@code microprofile-config.properties}. With
 * nothing set, the embedded default runs under {@code ./data}.
 */
public final class EarchiveSettings implements Settings {
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 200L * 1024 * 1024;

    private final Config config;

    private EarchiveSettings(Config config) {
        this.config = config;
    }

    /**
     * Reads the settings visible to this module's class loader. Called by {@link SettingsProducer} and by the data
     * source Payara instantiates outside CDI; everything else has them injected.
     */
    public static EarchiveSettings fromConfig() {
        return new EarchiveSettings(ConfigProvider.getConfig(EarchiveSettings.class.getClassLoader()));
    }

    /** The data folder of the embedded default: database, objects and index live under it. */
    public Path home() {
        return Path.of(string("earchive.home").orElse("./data"))
                .toAbsolutePath()
                .normalize();
    }

    /** A JDBC URL when the production database is configured; empty for the embedded default. */
    public Optional<String> databaseUrl() {
        return string("earchive.db.url");
    }

    /** The production URL, or the embedded H2 file; WRITE_DELAY=0: a commit is on file before the answer (H2: 500 ms). */
    public String jdbcUrl() {
        return databaseUrl()
                .orElse("jdbc:h2:file:" + home().resolve("db").resolve("earchive")
                        + ";MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }

    public String databaseUser() {
        return string("earchive.db.user").orElse(databaseUrl().isPresent() ? "earchive" : "sa");
    }

    public String databasePassword() {
        return string("earchive.db.password").orElse("");
    }

    /** Embedded when neither a production database nor an S3 store is configured. */
    @Override
    public boolean embedded() {
        return databaseUrl().isEmpty() && s3Endpoint().isEmpty();
    }

    /** Cluster mode: several instances over shared engines ({@link ClusterMode} says what it needs). */
    public boolean cluster() {
        return string("earchive.cluster").map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * SolrCloud's nodes ({@code EARCHIVE_SOLR_URL}: base URLs such as {@code http://solr1:8983/solr}, comma separated),
     * when search runs on SolrCloud instead of the node-local Lucene index.
     */
    public Optional<String> solrUrl() {
        return string("earchive.solr.url");
    }

    /** The alias searches go to ({@code EARCHIVE_SOLR_COLLECTION}); a rebuild makes a new collection and moves it. */
    public String solrCollection() {
        return string("earchive.solr.collection").orElse("earchive");
    }

    /** Shards and replicas of a new collection ({@code EARCHIVE_SOLR_SHARDS}, {@code EARCHIVE_SOLR_REPLICAS}). */
    public int[] solrLayout() {
        return new int[] {
            config.getOptionalValue("earchive.solr.shards", Integer.class).orElse(2),
            config.getOptionalValue("earchive.solr.replicas", Integer.class).orElse(2)
        };
    }

    /**
     * {@code EARCHIVE_FIXITY_CYCLE_DAYS} (90), {@code EARCHIVE_FIXITY_MB_PER_SECOND} per node (25: a fraction of what
     * the store serves the counters), {@code EARCHIVE_FIXITY_ROUND_SECONDS} of each minute spent verifying (45).
     */
    @Override
    public FixityPolicy fixity() {
        return new FixityPolicy(
                Duration.ofDays(config.getOptionalValue("earchive.fixity.cycle.days", Integer.class)
                        .filter(d -> d > 0)
                        .orElse(90)),
                config.getOptionalValue("earchive.fixity.mb.per.second", Integer.class)
                                .filter(r -> r > 0)
                                .orElse(25)
                        * 1024L
                        * 1024L,
                Duration.ofSeconds(config.getOptionalValue("earchive.fixity.round.seconds", Integer.class)
                        .filter(s -> s >= 0 && s < 60)
                        .orElse(45)));
    }

    public boolean usesH2() {
        return jdbcUrl().startsWith("jdbc:h2:");
    }

    public Optional<String> s3Endpoint() {
        return string("earchive.s3.endpoint");
    }

    public String s3Bucket() {
        return string("earchive.s3.bucket").orElse("earchive");
    }

    public String s3Region() {
        return string("earchive.s3.region").orElse("us-east-1");
    }

    public String s3AccessKey() {
        return string("earchive.s3.access-key")
                .orElseThrow(() -> missing("earchive.s3.access-key", "EARCHIVE_S3_ACCESS_KEY"));
    }

    public String s3SecretKey() {
        return string("earchive.s3.secret-key")
                .orElseThrow(() -> missing("earchive.s3.secret-key", "EARCHIVE_S3_SECRET_KEY"));
    }

    /**
     * The at-rest cipher: {@code off}, {@code AES-256-GCM} or {@code SM4-GCM}. Off in the embedded default, AES-256-GCM
     * in the production profile (PostgreSQL or S3 configured) unless set.
     */
    public Optional<String> encryption() {
        String value = string("earchive.encryption").orElse(embedded() ? "off" : "AES-256-GCM");
        return "off".equalsIgnoreCase(value) ? Optional.empty() : Optional.of(value);
    }

    /**
     * Master keys, {@code id:base64[,id:base64…]}, current first: from {@code EARCHIVE_MASTER_KEYS} or a Payara
     * password alias, never from the data folder.
     */
    public Optional<String> masterKeys() {
        return string("earchive.master-keys");
    }

    /** A filesystem replica (e.g. an off-site mount); empty if none. */
    public Optional<Path> replicaPath() {
        return string("earchive.replica.path").map(Path::of);
    }

    /** An S3 replica endpoint; its bucket and keys are {@code earchive.replica.s3.*}. Empty if none. */
    public Optional<String> replicaS3Endpoint() {
        return string("earchive.replica.s3.endpoint");
    }

    public String replicaS3Bucket() {
        return string("earchive.replica.s3.bucket").orElse(s3Bucket());
    }

    public String replicaS3AccessKey() {
        return string("earchive.replica.s3.access-key")
                .orElseThrow(() -> missing("earchive.replica.s3.access-key", "EARCHIVE_REPLICA_S3_ACCESS_KEY"));
    }

    public String replicaS3SecretKey() {
        return string("earchive.replica.s3.secret-key")
                .orElseThrow(() -> missing("earchive.replica.s3.secret-key", "EARCHIVE_REPLICA_S3_SECRET_KEY"));
    }

    public Path objectsRoot() {
        return home().resolve("objects");
    }

    public Path indexDirectory() {
        return home().resolve("index");
    }

    @Override
    public Path spoolDirectory() {
        return home().resolve("spool");
    }

    /** Wrong passwords in a row after which each further attempt waits longer (1 s, 2 s, 4 s, …); default 5. */
    @Override
    public int signInDelayAfter() {
        return config.getOptionalValue("earchive.signin.delay-after", Integer.class)
                .orElse(5);
    }

    /** Wrong passwords in a row that lock an account; default 10. */
    @Override
    public int signInLockAfter() {
        return config.getOptionalValue("earchive.signin.lock-after", Integer.class)
                .orElse(10);
    }

    /** How long a locked account stays locked, unless an administrator unlocks it; default 15 minutes. */
    @Override
    public Duration signInLockFor() {
        return Duration.ofMinutes(config.getOptionalValue("earchive.signin.lock-minutes", Integer.class)
                .orElse(15));
    }

    /** Failed sign-ins from one address within 10 minutes after which that address is refused; default 30. */
    @Override
    public int signInAddressLimit() {
        return config.getOptionalValue("earchive.signin.address-limit", Integer.class)
                .orElse(30);
    }

    /** The only folder hot backups are written under ({@code EARCHIVE_BACKUP_ROOT}; default EARCHIVE_HOME/backups). */
    @Override
    public Path backupRoot() {
        return string("earchive.backup.root")
                .map(Path::of)
                .orElse(home().resolve("backups"))
                .toAbsolutePath()
                .normalize();
    }

    @Override
    public long maxUploadBytes() {
        return config.getOptionalValue("earchive.upload.max-bytes", Long.class).orElse(DEFAULT_MAX_UPLOAD_BYTES);
    }

    /** The largest transfer package accepted for verification or import (default 20 GiB). */
    @Override
    public long transferMaxBytes() {
        return config.getOptionalValue("earchive.transfer.max-bytes", Long.class)
                .orElse(20L * 1024 * 1024 * 1024);
    }

    /**
     * Where a pension transfer delivers its package: a folder the receiving office collects from
     * ({@code EARCHIVE_TRANSFER_OUTBOX}); the launcher's {@code transfer import} reads such a folder's packages.
     */
    @Override
    public Path transferOutbox() {
        return string("earchive.transfer.outbox")
                .map(Path::of)
                .orElse(home().resolve("transfer-outbox"))
                .toAbsolutePath();
    }

    /** The password of the demo accounts; only used in embedded mode, only if the launcher set one. */
    public Optional<String> demoPassword() {
        return string("earchive.demo.password");
    }

    /**
     * Whether the demo accounts are seeded (with {@link #demoPassword()}): in embedded mode, and where
     * {@code EARCHIVE_DEMO_ACCOUNTS=true} asks for them on production engines — the loopback cluster, never a city.
     */
    public boolean demoAccounts() {
        return string("earchive.demo.accounts").map(Boolean::parseBoolean).orElse(embedded());
    }

    /**
     * The workflow round's period: a minute, unless {@code EARCHIVE_JOB_SECONDS} shortens it (the cluster tests watch
     * which node runs each tick).
     */
    @Override
    public Duration workflowPeriod() {
        return Duration.ofSeconds(config.getOptionalValue("earchive.job.seconds", Integer.class)
                .filter(s -> s > 0)
                .orElse(60));
    }

    /** {@code EARCHIVE_CAPTURE_LEASE_SECONDS} (600: a document of a few hundred pages on one core). */
    @Override
    public Duration captureLease() {
        return Duration.ofSeconds(config.getOptionalValue("earchive.capture.lease.seconds", Integer.class)
                .filter(s -> s > 0)
                .orElse(600));
    }

    /** The fonds code (全宗号) that begins every archive number of this office. */
    @Override
    public String fonds() {
        return string("earchive.fonds").orElse("F001");
    }

    @Override
    public ZoneId zone() {
        return string("earchive.zone").map(ZoneId::of).orElse(ZoneId.systemDefault());
    }

    private Optional<String> string(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static IllegalStateException missing(String key, String env) {
        return new IllegalStateException("Set " + env + " (or " + key + ") to use the S3 store.");
    }
}
