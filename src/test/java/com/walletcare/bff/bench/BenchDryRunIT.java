package com.walletcare.bff.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/run.sh reports figures only for the service as shipped, with its AOT cache mapped: run in its dry mode
 * (DRY_RUN=1: the service's JVM alone, no load, no tools to install) against the packaged jar and, on JDK 25, the
 * cache the build trained. Needs bash and curl.
 */
class BenchDryRunIT {

    @TempDir
    Path dir;

    record Run(int exit, String output) {
    }

    private static Run dryRun(Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "bench/run.sh").redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("DRY_RUN", "1");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), output);
        return new Run(process.exitValue(), output);
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_25)
    void aServiceThatMapsTheCacheTheBuildTrainedWouldBeMeasured() throws Exception {
        Run run = dryRun(Map.of());

        assertEquals(0, run.exit(), run.output());
        assertTrue(run.output().contains("dry run: AOT cache mapped (") && run.output().contains("app.aot)"), run.output());
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_25)
    void aCacheTheJvmRefusesStopsTheRun() throws Exception {
        Path cache = Files.write(dir.resolve("other-jdk.aot"), new byte[8192]);
        Path options = Files.writeString(dir.resolve("jvm.options"), "-XX:+UseCompactObjectHeaders\n-XX:AOTCache=" + cache + "\n");

        Run run = dryRun(Map.of("JVM_OPTIONS", options.toString()));

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("refusing to report: no mapped AOT cache. AOT cache NOT mapped: the JVM refused "
                + cache), run.output());
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_25)
    void noCacheStopsTheRun() throws Exception {
        Path options = Files.writeString(dir.resolve("jvm.options"), "-XX:AOTCache=" + dir.resolve("none.aot") + "\n");

        Run missing = dryRun(Map.of("JVM_OPTIONS", options.toString()));
        Run unnamed = dryRun(Map.of("JVM_OPTIONS", ""));

        assertEquals(1, missing.exit(), missing.output());
        assertTrue(missing.output().contains("refusing to report: no mapped AOT cache. AOT cache NOT mapped: there is no "),
                missing.output());
        assertEquals(1, unnamed.exit(), unnamed.output());
        assertTrue(unnamed.output().contains("refusing to report: no mapped AOT cache. no AOT cache named"), unnamed.output());
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_24)
    void aJdkBeforeTheShippedOneStopsTheRun() throws Exception {
        Run run = dryRun(Map.of());

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("refusing to report: no mapped AOT cache."), run.output());
    }
}
