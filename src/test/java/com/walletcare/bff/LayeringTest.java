package com.walletcare.bff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.walletcare.bff.care.BackDependency;

/**
 * The arrows point into the core: {@code api -> care <- gateway, journal}. The core ({@code care}, with the domain
 * model in {@code customer}) owns its ports and failures, and knows no adapter, no HTTP, no fault-tolerance library,
 * no database client; the adapters implement its ports and know nothing of each other or of the API; the simulator
 * stands for the remote gateway and knows nothing of the service. A back-dependency fails the build here.
 */
class LayeringTest {

    private static final String API = "com.walletcare.bff.api..";
    private static final String CARE = "com.walletcare.bff.care..";
    private static final String CUSTOMER = "com.walletcare.bff.customer..";
    private static final String GATEWAY = "com.walletcare.bff.gateway..";
    private static final String JOURNAL = "com.walletcare.bff.journal..";
    private static final String SIMULATOR = "com.walletcare.bff.simulator..";
    private static final String AOT = "com.walletcare.bff.aot..";

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.walletcare.bff");

    private static final ArchRule CORE_KNOWS_NO_ADAPTER = noClasses().that().resideInAnyPackage(CARE, CUSTOMER)
            .should().dependOnClassesThat().resideInAnyPackage(API, GATEWAY, JOURNAL, SIMULATOR);

    @Test
    void theCoreKnowsNoAdapterAndNoApi() {
        CORE_KNOWS_NO_ADAPTER.check(SERVICE);
    }

    @Test
    void aBackDependencyFromTheCoreFailsTheRule() {
        JavaClasses withBackDependency = new ClassFileImporter().importClasses(BackDependency.class);

        assertThrows(AssertionError.class, () -> CORE_KNOWS_NO_ADAPTER.check(withBackDependency));
    }

    @Test
    void theCoreKnowsNoTransportFaultToleranceOrDatabaseLibrary() {
        noClasses().that().resideInAnyPackage(CARE, CUSTOMER)
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.microprofile.faulttolerance..",
                        "io.smallrye.faulttolerance..", "org.eclipse.microprofile.rest.client..", "jakarta.ws.rs..",
                        "org.jboss.resteasy..", "io.vertx..", "io.quarkus.reactive..", "io.quarkus.rest..")
                .check(SERVICE);
    }

    @Test
    void theModelKnowsOnlyItself() {
        noClasses().that().resideInAPackage(CUSTOMER).should().dependOnClassesThat().resideInAPackage(CARE).check(SERVICE);
    }

    @Test
    void theGatewayAdapterKnowsNeitherTheApiNorTheJournal() {
        noClasses().that().resideInAPackage(GATEWAY)
                .should().dependOnClassesThat().resideInAnyPackage(API, JOURNAL, SIMULATOR).check(SERVICE);
    }

    @Test
    void theJournalKnowsNeitherTheApiNorTheGateway() {
        noClasses().that().resideInAPackage(JOURNAL)
                .should().dependOnClassesThat().resideInAnyPackage(API, GATEWAY, SIMULATOR).check(SERVICE);
    }

    @Test
    void theApiGoesThroughTheCore() {
        noClasses().that().resideInAPackage(API)
                .should().dependOnClassesThat().resideInAnyPackage(GATEWAY, JOURNAL, SIMULATOR).check(SERVICE);
    }

    @Test
    void theSimulatorKnowsNothingOfTheService() {
        noClasses().that().resideInAPackage(SIMULATOR)
                .should().dependOnClassesThat().resideInAnyPackage(API, CARE, CUSTOMER, GATEWAY, JOURNAL).check(SERVICE);
    }

    /** The AOT cache's training run starts the packaged service from outside, over HTTP; the service never calls it. */
    @Test
    void theAotTrainingAndTheServiceKnowNothingOfEachOther() {
        noClasses().that().resideInAPackage(AOT)
                .should().dependOnClassesThat().resideInAnyPackage(API, CARE, CUSTOMER, GATEWAY, JOURNAL, SIMULATOR)
                .check(SERVICE);
        noClasses().that().resideInAnyPackage(API, CARE, CUSTOMER, GATEWAY, JOURNAL, SIMULATOR)
                .should().dependOnClassesThat().resideInAPackage(AOT).check(SERVICE);
    }
}
