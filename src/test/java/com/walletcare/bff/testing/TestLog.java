package com.walletcare.bff.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The service's own log, as the test profile writes it: JSON lines in a file (%test.quarkus.log.file.*). */
public final class TestLog {

    private static final Path FILE = Path.of("target/quarkus-test.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestLog() {
    }

    public static List<String> lines() {
        try {
            return Files.readAllLines(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records the application wrote; lines written before its JSON logging started are plain text. */
    public static List<JsonNode> records() {
        return lines().stream().filter(line -> line.startsWith("{")).map(TestLog::parse).toList();
    }

    /** The records written after the log had {@code lines} lines. */
    public static List<JsonNode> recordsAfter(int lines) {
        List<String> all = lines();
        return all.subList(Math.min(lines, all.size()), all.size()).stream()
                .filter(line -> line.startsWith("{")).map(TestLog::parse).toList();
    }

    /** The audit records (their messages) of one request, by its X-Request-Id. */
    public static List<JsonNode> auditOf(String requestId) {
        return records().stream()
                .filter(record -> "audit".equals(record.path("loggerName").asText()))
                .map(record -> parse(record.path("message").asText()))
                .filter(audit -> requestId.equals(audit.path("requestId").asText()))
                .toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not a JSON log line: " + json, e);
        }
    }
}
