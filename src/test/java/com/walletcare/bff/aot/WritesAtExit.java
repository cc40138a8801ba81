package com.walletcare.bff.aot;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stand-in for a training JVM: like {@code -XX:AOTCacheOutput}, it writes its file only while exiting, some time
 * after SIGTERM. {@code java WritesAtExit <file> <ms to write>}; prints "ready" once the hook is installed.
 */
public final class WritesAtExit {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long writeMs = Long.parseLong(args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(writeMs);
                Files.writeString(file, "written at exit");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
