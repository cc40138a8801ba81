package com.walletcare.bff.aot;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The AOT cache's training run, owned by the build (pom.xml, profile "aot") and by the image (docker/Dockerfile.jvm),
 * so that both make the cache the same way with the JVM that will map it. Plain JDK only: it runs from the
 * application jar with nothing else on its class path, and imports nothing of the service.
 *
 * <pre>
 *   java -cp target/classes com.walletcare.bff.aot.AotTraining train target/quarkus-app docker/jvm.options -Xmx128m
 *   java -cp target/classes com.walletcare.bff.aot.AotTraining check target/quarkus-app docker/jvm.options -Xmx128m
 * </pre>
 *
 * {@code train} starts the packaged application ({@code java @<jvm.options without -XX:AOTCache> <JVM flags>
 * -XX:AOTCacheOutput=app.aot -jar quarkus-run.jar} in the application folder), in the prod profile, against a
 * stand-in gateway and identity provider served from this process; drives it through the hot path (search, get,
 * caller verification, unlock, deactivate, activate, history, the everyday errors); then stops it with SIGTERM and
 * waits until it has exited: the JVM writes the cache only at exit, and a launcher that kills it a few seconds
 * later (Quarkus' INTEGRATION_TESTS phase) leaves no cache on a slow machine. It fails when {@code app.aot} is not
 * there afterwards.
 *
 * {@code check} starts the application as shipped ({@code @jvm.options}, which names the cache) with
 * {@code -XX:AOTMode=on}: a JVM that cannot map the cache (missing, another JDK build, other object-header or GC
 * flags) then refuses to start instead of starting slowly, and the check fails. It prints launch to first 200.
 */
public final class AotTraining {

    static final String CUSTOMER_URI_PREFIX = "certnew:entity:customer#";
    /** Rounds of the hot path: enough for the JIT profiles the cache carries, ~10 s on a quiet 2-core machine. */
    static final int ROUNDS = Integer.getInteger("aot.training.rounds", 120);
    static final Duration EXIT_WAIT = Duration.ofSeconds(Long.getLong("aot.training.exit-wait-s", 300));
    static final Duration START_WAIT = Duration.ofSeconds(90);
    /**
     * Classes loaded and linked (JEP 483), without the method profiles of JEP 515. With them JDK 25.0.3 cannot write
     * this service's cache under docker/jvm.options: its -XX:MaxMetaspaceSize=96m caps the compressed class space at
     * 80 MB, the JVM assembles the cache in a buffer of that size, and the profiles take it ~100 bytes over ("Unable
     * to allocate from 'ro' region", 8 of 10 runs). A training run with -XX:MaxMetaspaceSize=256m writes it (90 MB)
     * and the service maps it, but the start then compiles more, not less: C1 and C2 took 0.4-0.6 s more CPU to
     * the first 200 on 2 CPUs (bench/RESULTS.md, "Start-up"). Nothing to set at run time: a cache without profiles
     * has none to replay.
     */
    static final List<String> NO_PROFILES = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining");

    private AotTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("stand-in")) {
            serveStandIn(Integer.parseInt(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]));
            return;
        }
        if (args.length < 3 || !(args[0].equals("train") || args[0].equals("check"))) {
            System.err.println("usage: AotTraining train|check <application folder> <jvm.options> [JVM flags...]\n"
                    + "       AotTraining stand-in <port> <lookup delay ms> <activation delay ms>");
            System.exit(2);
        }
        Path appDir = Path.of(args[1]).toAbsolutePath();
        Path options = Path.of(args[2]).toAbsolutePath();
        List<String> extra = List.of(args).subList(3, args.length);
        try {
            if (args[0].equals("train")) {
                train(appDir, options, extra);
            } else {
                check(appDir, options, extra);
            }
        } catch (TrainingFailed e) {
            System.err.println("[aot] FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    /** A training or check that did not do its job; its message says what to look at. */
    static final class TrainingFailed extends Exception {
        TrainingFailed(String message) {
            super(message);
        }
    }

    /**
     * The stand-in alone, for bench/unlock.sh: a gateway whose every lookup and activation takes the given time (any
     * customer id is a wallet, LOCKED until an unlock), and the identity provider. Prints the issuer and a 3 h agent
     * token, then serves until the process is stopped.
     */
    static void serveStandIn(int port, long lookupDelayMs, long activationDelayMs) throws Exception {
        StandIn standIn = StandIn.start(port, lookupDelayMs, activationDelayMs, 256);
        System.out.println("issuer=" + standIn.issuer());
        System.out.println("token=" + standIn.token("bench-agent", "care-agent", 3 * 3600));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    // ------------------------------------------------------------------------------------------------------------
    static void train(Path appDir, Path options, List<String> extra) throws Exception {
        Path cache = appDir.resolve("app.aot");
        Files.deleteIfExists(cache); // a cache left from an earlier build must not pass for this one
        Path recordOptions = Files.createTempFile("aot-training", ".options");
        try (StandIn standIn = StandIn.start(0, 0, 0, 4)) {
            Files.write(recordOptions, Files.readAllLines(options).stream()
                    .filter(line -> !line.strip().startsWith("-XX:AOTCache=")).collect(Collectors.toList()));
            List<String> command = new ArrayList<>(List.of(javaBin(), "@" + recordOptions));
            command.addAll(extra);
            command.addAll(NO_PROFILES);
            command.add("-XX:AOTCacheOutput=app.aot");
            Path log = logFile("train");
            long t0 = System.nanoTime();
            App app = App.start(appDir, command, standIn, log);
            System.out.printf("[aot] training run started (%s), log %s%n", String.join(" ", command), log);
            int requests;
            try {
                app.awaitReady();
                requests = drive(app, standIn);
            } catch (TrainingFailed | RuntimeException e) {
                app.process.destroyForcibly();
                throw e;
            }
            System.out.printf("[aot] %d requests in %.1f s; stopping with SIGTERM and waiting for the cache%n", requests,
                    (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            int exit = stopAndWait(app.process, EXIT_WAIT);
            if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
                throw new TrainingFailed("the training run exited (" + exit + ") without writing " + cache + ": see " + log
                        + tail(log));
            }
            System.out.printf("[aot] %s: %d MB, written in %.1f s after SIGTERM%n", cache, Files.size(cache) >> 20,
                    (System.nanoTime() - t1) / 1e9);
        } finally {
            Files.deleteIfExists(recordOptions);
        }
    }

    static void check(Path appDir, Path options, List<String> extra) throws Exception {
        Path cache = appDir.resolve("app.aot");
        if (!Files.isRegularFile(cache)) {
            throw new TrainingFailed("no AOT cache at " + cache + " (the training run writes it)");
        }
        if (Files.readAllLines(options).stream().noneMatch(line -> line.strip().equals("-XX:AOTCache=app.aot"))) {
            throw new TrainingFailed(options + " does not name the cache (-XX:AOTCache=app.aot)");
        }
        try (StandIn standIn = StandIn.start(0, 0, 0, 4)) {
            List<String> command = new ArrayList<>(List.of(javaBin(), "@" + options));
            command.addAll(extra);
            command.add("-XX:AOTMode=on");
            Path log = logFile("check");
            Path classLog = logFile("check-classes");
            Files.deleteIfExists(classLog);
            command.add("-Xlog:class+load=info:file=" + classLog);
            long t0 = System.nanoTime();
            App app = App.start(appDir, command, standIn, log);
            try {
                app.awaitReady();
                double firstAnswer = (System.nanoTime() - t0) / 1e9;
                app.search(standIn.token("aot-check"));
                System.out.printf("[aot] the cache maps (%s): first 200 %.2f s after launch%n", String.join(" ", command),
                        firstAnswer);
            } finally {
                stopAndWait(app.process, Duration.ofSeconds(60));
            }
            ClassSources sources = ClassSources.of(classLog);
            System.out.printf("[aot] %d of the %d classes loaded came from the cache%n", sources.fromCache(), sources.total());
            sources.require(MAX_OUTSIDE_CACHE);
        }
    }

    /**
     * At most this share of the classes a start loads may be defined outside the cache. A cache can map and still
     * hold little that the JVM may use: with Quarkus' default fast-jar packaging, whose own class loader the cache
     * cannot serve, 13 % of the classes (the libraries' lambdas, chiefly) were made at start and the rest read from
     * their jars again, and start-up took 1.7 times the CPU; with aot-jar, 1 % (bench/RESULTS.md, "Start-up").
     */
    static final double MAX_OUTSIDE_CACHE = 0.05;

    /** Where the classes of a start came from, read from its {@code -Xlog:class+load} output. */
    record ClassSources(long fromCache, long total) {

        static ClassSources of(Path classLog) throws IOException, TrainingFailed {
            if (!Files.isRegularFile(classLog)) {
                throw new TrainingFailed("the check's JVM wrote no class loading log (" + classLog + ")");
            }
            long fromCache = 0;
            long total = 0;
            try (var lines = Files.lines(classLog, StandardCharsets.UTF_8)) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.contains("[class,load]") && line.contains(" source: ")) {
                        total++;
                        if (line.endsWith("source: shared objects file")) {
                            fromCache++;
                        }
                    }
                }
            }
            return new ClassSources(fromCache, total);
        }

        void require(double maxOutside) throws TrainingFailed {
            if (total == 0 || total - fromCache > maxOutside * total) {
                throw new TrainingFailed(String.format("the cache maps, but %d of the %d classes loaded were defined "
                        + "outside it (at most %.0f %%): is the application packaged as aot-jar "
                        + "(quarkus.package.jar.type)?", total - fromCache, total, maxOutside * 100));
            }
        }
    }

    /**
     * SIGTERM, then wait for the exit (at most {@code wait}): the way to stop a JVM that writes something at exit.
     * Returns its exit code; a process still running after {@code wait} is killed and the training fails.
     */
    static int stopAndWait(Process process, Duration wait) throws InterruptedException, TrainingFailed {
        process.destroy(); // SIGTERM on Linux and macOS
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new TrainingFailed("process " + process.pid() + " did not exit within " + wait.toSeconds()
                    + " s of SIGTERM, killed");
        }
        return process.exitValue();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path logFile(String mode) throws IOException {
        String configured = System.getProperty("aot.training.log-dir");
        Path dir = configured != null ? Path.of(configured) : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(dir);
        return dir.resolve("aot-" + mode + ".log");
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - 12), lines.size()).stream()
                    .map(line -> "\n    " + (line.length() > 400 ? line.substring(0, 400) + "..." : line))
                    .collect(Collectors.joining());
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // The hot path, as the support portal uses it. Every answer is checked: a training run that only met errors
    // would train the error path.
    // ------------------------------------------------------------------------------------------------------------
    static int drive(App app, StandIn standIn) throws Exception {
        String agent = standIn.token("aot-agent");
        String viewer = standIn.token("aot-viewer", "care-viewer");
        int requests = 0;
        for (int round = 0; round < ROUNDS; round++) {
            standIn.reset();
            for (String search : List.of("{\"phone\": \"9991234444\"}", "{\"email\": \"pauls_wallet@yahoo.com\"}",
                    "{\"firstName\": \"Olivia\", \"lastName\": \"Smith\"}", "{\"customerId\": \"vmiTxZcaSEym\"}")) {
                app.expect(200, "POST", "/customers/search", viewer, search);
            }
            app.expect(200, "GET", "/customers/" + StandIn.PAUL, viewer, null);
            String verified = app.expect(200, "POST", "/customers/" + StandIn.PAUL + "/verification", agent,
                    "{\"birthday\": \"July 10 1969\", \"zip\": \"92651\"}");
            Matcher id = Pattern.compile("\"verificationId\"\\s*:\\s*\"([^\"]+)\"").matcher(verified);
            if (!id.find()) {
                throw new TrainingFailed("no verificationId in " + verified);
            }
            app.expect(200, "POST", "/customers/" + StandIn.PAUL + "/verification", agent,
                    "{\"birthday\": \"01/01/1970\", \"zip\": \"92651\"}");
            String unlock = "{\"verificationId\": \"" + id.group(1) + "\", \"reason\": \"FAILED_LOGINS\", \"ticketId\": \"CS-"
                    + round + "\"}";
            app.expect(200, "POST", "/customers/" + StandIn.PAUL + "/unlock", agent, unlock);
            app.expect(200, "POST", "/customers/" + StandIn.PAUL + "/unlock", agent, unlock); // ALREADY_UNLOCKED
            app.expect(200, "POST", "/customers/" + StandIn.OLIVIA + "/deactivate", agent,
                    "{\"reason\": \"LOST_DEVICE\"}");
            app.expect(200, "POST", "/customers/" + StandIn.OLIVIA + "/activate", agent, "");
            app.expect(200, "GET", "/customers/" + StandIn.PAUL + "/history?limit=20", viewer, null);
            app.expect(401, "POST", "/customers/search", null, "{\"phone\": \"9991234444\"}");
            app.expect(403, "POST", "/customers/" + StandIn.PAUL + "/unlock", viewer, "");
            app.expect(400, "POST", "/customers/search", agent, "{}");
            app.expect(404, "GET", "/customers/nobody123", viewer, null);
            requests += 16;
        }
        app.expect(200, "GET", "/q/health/ready", null, null);
        app.expect(200, "GET", "/q/metrics", null, null);
        return requests + 2;
    }

    /** The packaged application, started in its folder as the image starts it. */
    static final class App {
        final Process process;
        final String base;
        final Path log;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        /** Health and metrics: the packaged service serves them on its management interface only. */
        final String management;

        private App(Process process, String base, String management, Path log) {
            this.process = process;
            this.base = base;
            this.management = management;
            this.log = log;
        }

        static App start(Path appDir, List<String> command, StandIn standIn, Path log) throws IOException {
            List<String> full = new ArrayList<>(command);
            full.addAll(List.of("-jar", "quarkus-run.jar"));
            int port = freePort();
            int managementPort = freePort();
            ProcessBuilder builder = new ProcessBuilder(full).directory(appDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.remove("JDK_JAVA_OPTIONS"); // the options are the ones given here, nothing else
            env.remove("JAVA_TOOL_OPTIONS");
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            env.put("PAYDIANT_GATEWAY_URL", standIn.base());
            env.put("PAYDIANT_PARTNER_TOKEN", "aot-training");
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", standIn.issuer());
            env.put("QUARKUS_OIDC_CLIENT_ID", "wallet-care-bff");
            env.put("CARE_CHANGES_PER_AGENT_PER_MINUTE", "1000000");
            env.put("CARE_VERIFICATION_FAILURES_ALLOWED", "1000000");
            env.put("CARE_VERIFICATION_SECRET", Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)));
            return new App(builder.start(), "http://127.0.0.1:" + port, "http://127.0.0.1:" + managementPort, log);
        }

        void awaitReady() throws Exception {
            long deadline = System.nanoTime() + START_WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new TrainingFailed("the application exited (" + process.exitValue() + ") during start-up: see "
                            + log + tail(log));
                }
                try {
                    if (send("GET", "/q/health/live", null, null).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            throw new TrainingFailed("the application did not start within " + START_WAIT.toSeconds() + " s: see " + log
                    + tail(log));
        }

        void search(String token) throws Exception {
            expect(200, "POST", "/customers/search", token, "{\"phone\": \"9991234444\"}");
        }

        String expect(int status, String method, String path, String token, String body) throws Exception {
            HttpResponse<String> answer = send(method, path, token, body);
            if (answer.statusCode() != status) {
                throw new TrainingFailed(method + " " + path + " answered " + answer.statusCode() + ", not " + status + ": "
                        + answer.body() + tail(log));
            }
            return answer.body();
        }

        private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
            String root = path.startsWith("/q/health") || path.startsWith("/q/metrics") ? management : base;
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30));
            if (path.startsWith("/customers")) {
                request.header("Accept", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    /**
     * A stand-in Paydiant gateway with the state an unlock needs (active, locked per wallet; Paul and Olivia, and any
     * other customer id looked up by id: a LOCKED wallet), and an OpenID Connect identity provider (discovery, JWKS of
     * an RSA key made now, RS256 tokens), on a loopback port of this process. Each gateway call may be delayed.
     */
    static final class StandIn implements AutoCloseable {
        static final String PAUL = "vmiTxZcaSEym";
        static final String OLIVIA = "latYxDdNJhzm";
        private static final Pattern FIELD = Pattern.compile("\"(customerId|phone|email|lastName|customerUri|activate)\"\\s*:\\s*\"([^\"]*)\"");

        private final HttpServer server;
        private final KeyPair key;
        private final Map<String, boolean[]> wallets = new ConcurrentHashMap<>(); // customerId -> {active, locked}
        private final long lookupDelayMs;
        private final long activationDelayMs;

        private StandIn(HttpServer server, KeyPair key, long lookupDelayMs, long activationDelayMs) {
            this.server = server;
            this.key = key;
            this.lookupDelayMs = lookupDelayMs;
            this.activationDelayMs = activationDelayMs;
            reset();
        }

        /** On {@code port} (0: any free one), each lookup taking {@code lookupDelayMs} and so on, {@code threads} at once. */
        static StandIn start(int port, long lookupDelayMs, long activationDelayMs, int threads) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            HttpServer server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 1024);
            StandIn standIn = new StandIn(server, generator.generateKeyPair(), lookupDelayMs, activationDelayMs);
            server.createContext("/", standIn::handle);
            server.setExecutor(Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "aot-stand-in");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
            return standIn;
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        String issuer() {
            return base() + "/realms/aot";
        }

        /** Paul locked (too many failed logins), Olivia active. */
        void reset() {
            wallets.put(PAUL, new boolean[] { true, true });
            wallets.put(OLIVIA, new boolean[] { true, false });
        }

        String token(String subject) throws Exception {
            return token(subject, "care-agent");
        }

        String token(String subject, String role) throws Exception {
            return token(subject, role, 3600);
        }

        String token(String subject, String role, long seconds) throws Exception {
            long now = System.currentTimeMillis() / 1000;
            String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"aot\"}".getBytes(StandardCharsets.UTF_8));
            String claims = b64(String.format("{\"iss\":\"%s\",\"aud\":\"wallet-care-bff\",\"sub\":\"%s\","
                    + "\"preferred_username\":\"%s\",\"groups\":[\"%s\"],\"iat\":%d,\"exp\":%d}", issuer(), subject, subject,
                    role, now, now + seconds).getBytes(StandardCharsets.UTF_8));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.getPrivate());
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + b64(rsa.sign());
        }

        private static String b64(byte[] bytes) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        private static byte[] unsigned(java.math.BigInteger value) {
            byte[] bytes = value.toByteArray();
            return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String answer;
                if (path.equals("/realms/aot/.well-known/openid-configuration")) {
                    answer = "{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + issuer() + "/jwks\","
                            + "\"authorization_endpoint\":\"" + issuer() + "/auth\",\"token_endpoint\":\"" + issuer()
                            + "/token\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
                } else if (path.equals("/realms/aot/jwks")) {
                    RSAPublicKey pub = (RSAPublicKey) key.getPublic();
                    answer = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"aot\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                            + b64(unsigned(pub.getModulus())) + "\",\"e\":\"" + b64(unsigned(pub.getPublicExponent()))
                            + "\"}]}";
                } else if (path.equals("/b2b-gateway/customers/lookup")) {
                    pause(lookupDelayMs);
                    answer = lookup(fields(body));
                } else if (path.equals("/b2b-gateway/customers/activation")) {
                    pause(activationDelayMs);
                    answer = activation(fields(body));
                } else {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }

        private static void pause(long ms) {
            if (ms > 0) {
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private static Map<String, String> fields(String body) {
            Map<String, String> fields = new HashMap<>();
            Matcher m = FIELD.matcher(body);
            while (m.find()) {
                fields.put(m.group(1), m.group(2));
            }
            return fields;
        }

        private static final String HEADER = "\"messageHeader\":{\"partnerId\":\"\",\"messageId\":\"\",\"versionId\":\"\","
                + "\"environmentId\":\"\"},\"status\":{\"statusCode\":\"SUCCESS\",\"statusDescription\":\"Done\",\"errors\":[]}";

        private String lookup(Map<String, String> query) {
            List<String> records = new ArrayList<>();
            String id = query.get("customerId");
            boolean both = "9991234444".equals(query.get("phone"));
            if (both || PAUL.equals(id) || "pauls_wallet@yahoo.com".equalsIgnoreCase(query.get("email"))) {
                records.add(record(PAUL, "Paul", "Casey", "pauls_wallet@yahoo.com", "07101969", "445 Graceland Drive",
                        "Laguna Beach", "CA", "92651"));
            }
            if (both || OLIVIA.equals(id) || "Smith".equalsIgnoreCase(query.get("lastName"))) {
                records.add(record(OLIVIA, "Olivia", "Smith", "olivia_wallet_user@hotmail.com", "08281970",
                        "2750 Grove St", "Newton", "MA", "02246"));
            }
            if (id != null && id.matches("u[0-9A-Za-z]{3,40}")) { // bench/unlock.sh's wallets: LOCKED until unlocked
                wallets.computeIfAbsent(id, any -> new boolean[] { true, true });
                records.add(record(id, "Una", "Lock", "una@example.com", "01021980", "1 Main St", "Boston", "MA",
                        "02110"));
            }
            return "{\"retrieveCustomerLookUpInfoResponse\":{" + HEADER + ",\"configurationDetails\":[],"
                    + "\"customerLookUpInfo\":[" + String.join(",", records) + "]}}";
        }

        private String record(String id, String first, String last, String email, String birthday, String street,
                String city, String state, String zip) {
            boolean[] wallet = wallets.get(id);
            return "{\"devices\":[{\"deviceId\":\"dev-" + id + "\",\"deviceType\":\"IOS\",\"active\":true}],"
                    + "\"additionalCustomerInformation\":[{\"key\":\"birthday\",\"value\":\"" + birthday + "\"}],"
                    + "\"customerUri\":\"" + CUSTOMER_URI_PREFIX + id + "\","
                    + "\"issuingPartnerUri\":\"certnew:entity:issuingpartner#d72bb2cd-34f9-441e-9daf-4f3ef2838bcb\","
                    + "\"partnerUri\":\"paydiant:entity:partner#5df9ba6e-c3a5-4c7e-9f22-6812a069683a\","
                    + "\"createDate\":1493069461632,\"issuingPartnerShortName\":\"certnew\",\"active\":" + wallet[0]
                    + ",\"locked\":" + wallet[1] + ",\"email\":\"" + email + "\",\"emailPending\":null,\"customerId\":\"" + id
                    + "\",\"username\":\"" + email + "\",\"firstName\":\"" + first + "\",\"lastName\":\"" + last
                    + "\",\"address1\":\"" + street + "\",\"address2\":\"\",\"city\":\"" + city + "\",\"country\":\"USA\","
                    + "\"state\":\"" + state + "\",\"zip\":\"" + zip + "\",\"phone\":\"9991234444\","
                    + "\"passwordChangedDate\":1493069461703,\"passcodeChangedDate\":1493069461705,"
                    + "\"securityQuestionsChangedDate\":1493069461705,\"lastLoginDate\":null,\"emailVerified\":true,"
                    + "\"emailVerifiedDate\":null}";
        }

        private String activation(Map<String, String> request) {
            String uri = request.getOrDefault("customerUri", "");
            boolean[] wallet = uri.startsWith(CUSTOMER_URI_PREFIX) ? wallets.get(uri.substring(CUSTOMER_URI_PREFIX.length()))
                    : null;
            String status;
            if (wallet == null) {
                status = "{\"statusCode\":\"FAILED\",\"statusDescription\":\"Failure\",\"errors\":[{\"code\":\"415\","
                        + "\"description\":\"Invalid Customer URI\"}]}";
            } else {
                boolean active = "true".equals(request.get("activate"));
                synchronized (wallet) {
                    if (active && !wallet[0]) {
                        wallet[1] = false; // activating a deactivated wallet clears its lock, as the gateway does
                    }
                    wallet[0] = active;
                }
                status = "{\"statusCode\":\"SUCCESS\",\"statusDescription\":\"Done\",\"errors\":[]}";
            }
            return "{\"updateCustomerActivationResponse\":{\"messageHeader\":{\"partnerId\":\"\",\"messageId\":\"\","
                    + "\"versionId\":\"\",\"environmentId\":\"\"},\"status\":" + status + "}}";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
