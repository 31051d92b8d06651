package org.earchive.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house's rules, one set over every module's main classes (storage, capture station, archive core, the business
 * modules, the web module). Arrows point inward: the domain knows nothing else, the application owns the ports and
 * knows no technology, the infrastructure implements the ports, and the business modules and the web see the archive
 * only through its application interfaces and DTOs.
 */
@AnalyzeClasses(packages = "org.earchive", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String DOMAIN = "org.earchive.archive.domain..";
    private static final String APPLICATION = "org.earchive.archive.application..";
    private static final String INTERNAL = "org.earchive.archive.application.internal..";
    private static final String PORT = "org.earchive.archive.application.port..";
    private static final String INFRASTRUCTURE = "org.earchive.archive.infrastructure..";
    private static final String[] CLIENTS = {"org.earchive.web..", "org.earchive.pension..", "org.earchive.risk.."};

    @ArchTest
    static final ArchRule theDomainDependsOnNothingOutsideIt = noClasses()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(APPLICATION, INFRASTRUCTURE, "org.earchive.web..", "jakarta.ejb..", "jakarta.ws..")
            .because("the domain is the archive's rules; everything else depends on it, never the reverse");

    @ArchTest
    static final ArchRule theApplicationKnowsNoInfrastructure = noClasses()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(INFRASTRUCTURE)
            .because("the application owns ports (application.port, domain repositories) that the infrastructure"
                    + " implements");

    @ArchTest
    static final ArchRule clientsSeeOnlyApplicationInterfaces = noClasses()
            .that()
            .resideInAnyPackage(CLIENTS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(DOMAIN, INFRASTRUCTURE, INTERNAL, PORT)
            .because("the web and the business modules use archive-core's application interfaces and DTOs only");

    @ArchTest
    static final ArchRule theInternalsAreReachedThroughInterfaces = noClasses()
            .that()
            .resideOutsideOfPackages(INTERNAL)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(INTERNAL)
            .because("application.internal holds the implementations; callers use the interfaces");

    @ArchTest
    static final ArchRule entityManagersOnlyInRepositories = noClasses()
            .that()
            .resideOutsideOfPackages("org.earchive.archive.infrastructure.persistence..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("jakarta.persistence.EntityManager")
            .because("queries live in the repositories of infrastructure.persistence.jpa");

    @ArchTest
    static final ArchRule theCaptureCoreKnowsNoAdapters = noClasses()
            .that()
            .resideInAnyPackage("org.earchive.capture.pipeline..", "org.earchive.capture.station..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.earchive.capture.infrastructure..")
            .because("the pipeline and the station own their ports; adapters implement them");

    @ArchTest
    static final ArchRule captureAdaptersWriteThroughPorts = noClasses()
            .that()
            .resideInAPackage("org.earchive.capture.infrastructure..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.earchive.capture.station", "org.earchive.capture.interfaces..")
            .because("a capture device hands its pages to the station through station.port");

    @ArchTest
    static final ArchRule theStationStandsApart = noClasses()
            .that()
            .resideInAPackage("org.earchive.capture..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.earchive.archive..", "org.earchive.web..", "org.earchive.pension..")
            .because("the capture station talks to the server over its REST API only");

    @ArchTest
    static final ArchRule storageIsTheBottom = noClasses()
            .that()
            .resideInAPackage("org.earchive.storage..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.earchive.archive..", "org.earchive.capture..", "org.earchive.web..")
            .because("storage is a library the archive uses");

    @ArchTest
    static final ArchRule settingsAreInjected = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "org.earchive.archive.infrastructure.config..", "org.earchive.archive.infrastructure.persistence")
            .should()
            .callMethod("org.earchive.archive.infrastructure.config.EarchiveSettings", "fromConfig")
            .because("settings are injected (the data source Payara instantiates outside CDI is the one exception)");
}
