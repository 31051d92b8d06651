package org.earchive.archive.infrastructure.seed;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.earchive.archive.application.port.ClusterCoordination;
import org.earchive.archive.domain.model.account.PasswordHasher;
import org.earchive.archive.domain.model.account.Role;
import org.earchive.archive.domain.model.account.UserAccount;
import org.earchive.archive.domain.model.account.UserAccountRepository;
import org.earchive.archive.domain.model.catalogue.BusinessType;
import org.earchive.archive.domain.model.catalogue.BusinessTypeRepository;
import org.earchive.archive.domain.model.catalogue.MaterialRequirement;
import org.earchive.archive.domain.model.catalogue.Retention;
import org.earchive.archive.infrastructure.config.EarchiveSettings;

/**
 * Runs once the schema is current. Loads the business catalogue from its seed file when the catalogue is empty, and
 * in the embedded default only creates the demo accounts (password from the launcher, never from git). Idempotent and
 * safe when several instances start at once: each seeds under the database's {@code seed} lock, checking first.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class StartupSeeder {
    @Inject
    EarchiveSettings settings;

    private static final Logger LOG = Logger.getLogger(StartupSeeder.class.getName());
    static final String CATALOGUE = "/org/earchive/archive/seed/catalogue.json";

    /** The demo accounts: user name, display name, hall, roles, reviewer skills. */
    static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("clerk", "前台受理员 王芳", "HALL-01", EnumSet.of(Role.clerk), Set.of()),
            new DemoAccount("clerk2", "前台受理员 李强", "HALL-02", EnumSet.of(Role.clerk), Set.of()),
            new DemoAccount(
                    "reviewer",
                    "后台审核员 张敏",
                    "BACK-01",
                    EnumSet.of(Role.reviewer),
                    Set.of("enrollment", "pension", "benefit", "collection", "transfer")),
            new DemoAccount(
                    "reviewer2", "后台审核员 陈刚", "BACK-01", EnumSet.of(Role.reviewer), Set.of("enrollment", "pension")),
            new DemoAccount(
                    "deputy",
                    "窗口副主任 周丽（受理兼审核）",
                    "HALL-01",
                    EnumSet.of(Role.clerk, Role.reviewer),
                    Set.of("enrollment", "pension", "benefit", "collection", "transfer")),
            new DemoAccount("archivist", "档案管理员 刘洋", "ARCHIVE", EnumSet.of(Role.archivist), Set.of()),
            new DemoAccount("auditor", "审计员 赵静", "AUDIT", EnumSet.of(Role.auditor), Set.of()),
            new DemoAccount("manager", "中心主任 孙伟", "HALL-01", EnumSet.of(Role.manager), Set.of()),
            new DemoAccount("admin", "系统管理员", "ADMIN", EnumSet.of(Role.admin), Set.of()),
            new DemoAccount("station", "高拍仪/扫描工作站", "SYSTEM", EnumSet.of(Role.station), Set.of()),
            new DemoAccount("reader", "业务系统接口账号（只读档案）", "SYSTEM", EnumSet.of(Role.reader), Set.of()),
            new DemoAccount("service", "档案移交接口账号（其他档案馆）", "SYSTEM", EnumSet.of(Role.service), Set.of()));

    record DemoAccount(String username, String displayName, String hall, Set<Role> roles, Set<String> skills) {}

    @Inject
    BusinessTypeRepository catalogue;

    @Inject
    UserAccountRepository accounts;

    @Inject
    ClusterCoordination coordination;

    @PostConstruct
    void seed() {
        // instances starting together on an empty database: the first seeds, the others wait and find it seeded
        coordination.lock("seed");
        if (catalogue.count() == 0) {
            List<BusinessType> types = readCatalogue();
            types.forEach(catalogue::store);
            LOG.info(() -> "Business catalogue seeded with " + types.size() + " business types");
        }
        if (settings.demoAccounts() && settings.demoPassword().isPresent()) {
            char[] password = settings.demoPassword().get().toCharArray();
            int created = 0;
            for (DemoAccount d : DEMO_ACCOUNTS) {
                if (accounts.find(d.username()).isEmpty()) {
                    accounts.store(new UserAccount(
                            d.username(),
                            d.displayName(),
                            PasswordHasher.hash(password),
                            d.hall(),
                            d.roles(),
                            d.skills()));
                    created++;
                }
            }
            int n = created;
            LOG.info(() -> "Demo accounts: " + n + " created");
        }
    }

    static List<BusinessType> readCatalogue() {
        try (InputStream in = StartupSeeder.class.getResourceAsStream(CATALOGUE);
                JsonReader reader = Json.createReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<BusinessType> types = new ArrayList<>();
            for (JsonValue v : reader.readObject().getJsonArray("businessTypes")) {
                JsonObject t = v.asJsonObject();
                List<MaterialRequirement> materials = new ArrayList<>();
                for (JsonValue mv : t.getJsonArray("materials")) {
                    JsonObject m = mv.asJsonObject();
                    materials.add(new MaterialRequirement(
                            m.getString("code"),
                            m.getString("nameZh"),
                            m.getString("nameEn"),
                            m.getBoolean("required")));
                }
                types.add(new BusinessType(
                        t.getString("code"),
                        t.getString("nameZh"),
                        t.getString("nameEn"),
                        t.getInt("deadlineHours"),
                        t.getString("archiveCategory"),
                        Retention.valueOf(t.getString("retention")),
                        t.getString("reviewerSkill"),
                        t.getBoolean("supplementAllowed"),
                        materials));
            }
            return types;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the catalogue seed " + CATALOGUE, e);
        }
    }
}
