package com.walletcare.bff.aot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

import com.walletcare.bff.aot.AotTraining.TrainingFailed;

/**
 * The training run's exit path and the cache check of the build (pom.xml, profile "aot"): a JVM that writes at exit
 * is waited for, one that does not exit fails the training, and a missing or refused cache fails the check.
 */
class AotTrainingTest {

    @TempDir
    Path dir;

    private Process writerThatTakes(long writeMs, Path file) throws Exception {
        Path classes = Path.of(WritesAtExit.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes.toString(), WritesAtExit.class.getName(), file.toString(), Long.toString(writeMs))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", out.readLine());
        return process;
    }

    @Test
    void theTrainingRunIsStoppedWithSigtermAndWaitedForUntilItHasWrittenAtExit() throws Exception {
        Path file = dir.resolve("app.aot");
        Process jvm = writerThatTakes(3000, file);

        int exit = AotTraining.stopAndWait(jvm, Duration.ofSeconds(60));

        assertTrue(Files.isRegularFile(file), "the file the JVM writes at exit is there once stopAndWait returns");
        assertEquals(143, exit, "ended by SIGTERM (128 + 15), not killed");
    }

    @Test
    void aTrainingRunThatDoesNotExitIsKilledAndFailsTheTraining() throws Exception {
        Process jvm = writerThatTakes(120_000, dir.resolve("never"));

        TrainingFailed failed = assertThrows(TrainingFailed.class, () -> AotTraining.stopAndWait(jvm, Duration.ofSeconds(2)));

        assertTrue(failed.getMessage().contains("did not exit within 2 s"), failed.getMessage());
        assertFalse(jvm.isAlive());
    }

    @Test
    void theCheckFailsWhenThereIsNoCache() throws Exception {
        Path options = Files.writeString(dir.resolve("jvm.options"), "-XX:AOTCache=app.aot\n");

        TrainingFailed failed = assertThrows(TrainingFailed.class, () -> AotTraining.check(dir, options, List.of()));

        assertTrue(failed.getMessage().startsWith("no AOT cache at "), failed.getMessage());
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_24)
    void theCheckFailsWhenTheJvmRefusesTheCache() throws Exception {
        Files.write(dir.resolve("app.aot"), new byte[4096]); // not a cache this JVM can map
        Files.writeString(dir.resolve("quarkus-run.jar"), "");
        Path options = Files.writeString(dir.resolve("jvm.options"), "# as shipped\n-XX:AOTCache=app.aot\n");

        TrainingFailed failed = assertThrows(TrainingFailed.class, () -> AotTraining.check(dir, options, List.of()));

        assertTrue(failed.getMessage().contains("exited (1) during start-up"), failed.getMessage());
    }

    @Test
    void theCheckFailsWhenTooManyClassesAreDefinedOutsideTheCache() throws Exception {
        // as a fast-jar start logged it: the cache mapped, 13 % of the classes were made at start
        Path log = Files.write(dir.resolve("classes.log"), List.of(
                "[0.010s][info][class,load] java.lang.Object source: shared objects file",
                "[0.011s][info][class,load] io.vertx.core.Vertx source: shared objects file",
                "[0.012s][info][class,load] io.vertx.core.Vertx$$Lambda/0x00000000a9000800 source: io.vertx.core.Vertx",
                "[0.013s][info][class,load] jdk.proxy1.$Proxy0 source: __dynamic_proxy__",
                "[0.014s][info][class,load] java.lang.String source: shared objects file"));
        AotTraining.ClassSources sources = AotTraining.ClassSources.of(log);

        assertEquals(new AotTraining.ClassSources(3, 5), sources);
        TrainingFailed failed = assertThrows(TrainingFailed.class, () -> sources.require(AotTraining.MAX_OUTSIDE_CACHE));
        assertTrue(failed.getMessage().contains("2 of the 5 classes loaded were defined outside it"), failed.getMessage());
    }

    @Test
    void theCheckPassesWhenNearlyEveryClassComesFromTheCache() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 99; i++) {
            lines.add("[0.010s][info][class,load] a.B" + i + " source: shared objects file");
        }
        lines.add("[0.020s][info][class,load] jdk.proxy1.$Proxy0 source: __dynamic_proxy__");

        AotTraining.ClassSources.of(Files.write(dir.resolve("classes.log"), lines)).require(AotTraining.MAX_OUTSIDE_CACHE);
    }
}
