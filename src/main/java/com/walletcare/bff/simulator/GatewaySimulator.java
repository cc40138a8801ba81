package com.walletcare.bff.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A stateful, in-memory stand-in for the Paydiant B2B Customer Care gateway: the same paths, envelopes, Basic
 * authentication and activation semantics (activating an inactive wallet clears its lock). Served by this same
 * application over real HTTP when {@code simulator.enabled} is true (the dev-mode default), so the REST client is
 * exercised exactly as against Paydiant. Not part of the public API.
 *
 * <p>Its fault mode ({@link SimulatedFaults}) makes it behave like a slow and lossy gateway: a write is applied at the
 * end of its latency, whether or not the caller still waits, so a caller that gives up early sees it land late.
 */
@ApplicationScoped
public class GatewaySimulator {

    static final String CUSTOMER_URI_PREFIX = "certnew:entity:customer#";
    static final String ISSUING_PARTNER_URI = "certnew:entity:issuingpartner#d72bb2cd-34f9-441e-9daf-4f3ef2838bcb";
    static final String PARTNER_URI = "paydiant:entity:partner#5df9ba6e-c3a5-4c7e-9f22-6812a069683a";

    private final ObjectMapper mapper;
    private final boolean enabled;
    private final String expectedAuthorization;
    /** Wallet records by customerUri, in seed order; every access synchronises on the map. */
    private final Map<String, ObjectNode> wallets = new LinkedHashMap<>();
    private final Map<String, String> externalIds = new LinkedHashMap<>();
    private final SimulatedFaults configuredFaults;
    private volatile SimulatedFaults faults;

    GatewaySimulator(ObjectMapper mapper, @ConfigProperty(name = "simulator.enabled") boolean enabled,
            @ConfigProperty(name = "simulator.partner-token") String partnerToken, SimulatedFaults.Config faults) {
        this.mapper = mapper;
        this.enabled = enabled;
        this.expectedAuthorization = "Basic " + partnerToken;
        this.configuredFaults = SimulatedFaults.of(faults);
        this.faults = configuredFaults;
        // The Router observer below makes every instance create this bean at start. A disabled simulator serves
        // nothing, so it seeds no wallets: building their JSON records took 5-15 ms of the packaged service's
        // start-up on a busy machine (bench/RESULTS.md, "Start-up: what ran that need not").
        if (enabled) {
            reset();
        }
    }

    void routes(@Observes Router router) {
        if (!enabled) {
            return;
        }
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            Log.warn("The Paydiant gateway simulator is enabled: this instance serves fake wallets at /b2b-gateway");
        }
        router.post("/b2b-gateway/customers/*").handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.post("/b2b-gateway/customers/lookup").handler(rc -> gatewayCall(rc, "retrieveCustomerLookUpInfo", this::lookup));
        router.post("/b2b-gateway/customers/activation").handler(rc -> gatewayCall(rc, "updateCustomerActivation", this::activation));
        router.post("/simulator/customers/:customerId/lock").handler(this::lock);
        router.get("/simulator/faults").handler(rc -> rc.response().putHeader("Content-Type", "application/json")
                .end(Buffer.buffer(write(mapper.valueToTree(faults)))));
        router.put("/simulator/faults").handler(BodyHandler.create().setBodyLimit(4096)).handler(this::setFaults);
        router.post("/simulator/reset").handler(rc -> {
            reset();
            rc.response().setStatusCode(204).end();
        });
    }

    /** Makes the simulator slow and lossy from now on ({@link SimulatedFaults#NONE} to stop). */
    public void faults(SimulatedFaults faults) {
        this.faults = faults;
    }

    private void setFaults(RoutingContext rc) {
        SimulatedFaults asked;
        try {
            asked = mapper.readValue(rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes(),
                    SimulatedFaults.class);
        } catch (Exception e) {
            // Jackson's message names classes and echoes input: say what is expected instead.
            problem(rc, 400, "VALIDATION_FAILED", "The body must be one JSON object with lookupLatencyMs, "
                    + "activationLatencyMs, serverErrorRate, resetRate, garbledRate and lostAnswerRate (numbers).");
            return;
        }
        try {
            faults = asked.checked();
        } catch (IllegalArgumentException e) {
            problem(rc, 400, "VALIDATION_FAILED", e.getMessage());
            return;
        }
        rc.response().setStatusCode(204).end();
    }

    /**
     * The simulator's controls fail as the service does, with an RFC 9457 problem carrying the request's id, written
     * here because the simulator depends on nothing of the service (it stands in for a remote system).
     */
    private void problem(RoutingContext rc, int status, String code, String detail) {
        ObjectNode problem = mapper.createObjectNode()
                .put("type", "/problems/" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .put("title", status == 404 ? "Customer not found" : "Invalid request")
                .put("status", status).put("detail", detail).put("code", code);
        String requestId = rc.response().headers().get("X-Request-Id");
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json").end(Buffer.buffer(write(problem)));
    }

    /** The wallet flags the simulator holds now, by customerId: what the gateway "really" holds. */
    public Map<String, boolean[]> flags() {
        Map<String, boolean[]> flags = new LinkedHashMap<>();
        synchronized (wallets) {
            wallets.values().forEach(wallet -> flags.put(wallet.get("customerId").asText(),
                    new boolean[] { wallet.path("active").asBoolean(), wallet.path("locked").asBoolean() }));
        }
        return flags;
    }

    /** Puts every wallet back as seeded, and the fault mode as configured. */
    public void reset() {
        faults = configuredFaults;
        synchronized (wallets) {
            wallets.clear();
            externalIds.clear();
            for (SimulatedCustomers.Seed seed : SimulatedCustomers.SEEDS) {
                ObjectNode wallet = record(seed);
                wallets.put(wallet.get("customerUri").asText(), wallet);
                externalIds.put(wallet.get("customerUri").asText(), seed.externalId());
            }
        }
    }

    private interface Operation {
        ObjectNode answer(JsonNode request, ObjectNode response);
    }

    private void gatewayCall(RoutingContext rc, String method, Operation operation) {
        if (!expectedAuthorization.equals(rc.request().getHeader("Authorization"))) {
            rc.response().setStatusCode(401).end();
            return;
        }
        SimulatedFaults now = faults;
        boolean write = "updateCustomerActivation".equals(method);
        long latency = write ? now.activationLatencyMs() : now.lookupLatencyMs();
        if (latency > 0) {
            rc.vertx().setTimer(latency, timer -> answer(rc, method, operation, now.draw(write)));
        } else {
            answer(rc, method, operation, now.draw(write));
        }
    }

    private void answer(RoutingContext rc, String method, Operation operation, SimulatedFaults.Fault fault) {
        if (fault == SimulatedFaults.Fault.SERVER_ERROR) {
            rc.response().setStatusCode(503).end();
            return;
        }
        if (fault == SimulatedFaults.Fault.RESET) {
            rc.request().connection().close();
            return;
        }
        ObjectNode response = mapper.createObjectNode();
        ObjectNode answer = response.putObject(method + "Response");
        JsonNode request;
        try {
            request = mapper.readTree(rc.body().buffer().getBytes()).path(method + "Request");
        } catch (Exception e) {
            request = mapper.missingNode();
        }
        answer.set("messageHeader", request.path("messageHeader").isObject() ? request.get("messageHeader")
                : mapper.createObjectNode());
        if (!request.isObject()) {
            failed(answer, "403", "Invalid Arguments");
        } else {
            operation.answer(request, answer);
        }
        switch (fault) {
            case LOST_ANSWER -> rc.request().connection().close();
            case GARBLED -> rc.response().putHeader("Content-Type", "application/json").end("{\"updateCustomerActiv");
            default -> rc.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(write(response)));
        }
    }

    private ObjectNode lookup(JsonNode request, ObjectNode answer) {
        List<String> criteria = List.of("phone", "email", "firstName", "lastName", "externalId", "customerId");
        if (criteria.stream().allMatch(name -> request.path(name).asText("").isBlank())) {
            return failed(answer, "403", "Invalid Arguments");
        }
        List<JsonNode> found = new ArrayList<>();
        synchronized (wallets) {
            wallets.forEach((uri, wallet) -> {
                boolean matches = criteria.stream().allMatch(name -> {
                    String wanted = request.path(name).asText("");
                    String actual = "externalId".equals(name) ? externalIds.get(uri) : wallet.path(name).asText("");
                    return wanted.isBlank() || ("phone".equals(name)
                            ? actual.equals(wanted.replaceAll("\\D", ""))
                            : actual.equalsIgnoreCase(wanted.strip()));
                });
                if (matches) {
                    found.add(wallet.deepCopy());
                }
            });
        }
        success(answer).putArray("customerLookUpInfo").addAll(found);
        return answer;
    }

    private ObjectNode activation(JsonNode request, ObjectNode answer) {
        String activate = request.path("activate").asText("");
        if (!"true".equals(activate) && !"false".equals(activate)) {
            return failed(answer, "403", "Invalid Arguments");
        }
        synchronized (wallets) {
            ObjectNode wallet = wallets.get(request.path("customerUri").asText(""));
            if (wallet == null || !ISSUING_PARTNER_URI.equals(request.path("issuingPartnerUri").asText())
                    || !PARTNER_URI.equals(request.path("partnerUri").asText())) {
                return failed(answer, "415", "Invalid Customer URI");
            }
            boolean wasActive = wallet.path("active").asBoolean();
            boolean active = Boolean.parseBoolean(activate);
            wallet.put("active", active);
            if (active && !wasActive) {
                wallet.put("locked", false);
            }
        }
        success(answer);
        return answer;
    }

    /** What too many failed logins do to a wallet: it stays active, and becomes locked. */
    private void lock(RoutingContext rc) {
        String customerId = rc.pathParam("customerId");
        boolean found = false;
        synchronized (wallets) {
            for (ObjectNode wallet : wallets.values()) {
                if (wallet.path("customerId").asText().equals(customerId)) {
                    wallet.put("locked", true);
                    found = true;
                }
            }
        }
        if (found) {
            rc.response().setStatusCode(204).end();
        } else {
            problem(rc, 404, "CUSTOMER_NOT_FOUND", "No simulated customer with id '" + customerId
                    + "': the simulated customers are listed in README.md.");
        }
    }

    private static ObjectNode success(ObjectNode answer) {
        ObjectNode status = answer.putObject("status");
        status.put("statusCode", "SUCCESS").put("statusDescription", "Done").putArray("errors");
        answer.putArray("configurationDetails");
        return answer;
    }

    private static ObjectNode failed(ObjectNode answer, String code, String description) {
        ObjectNode status = answer.putObject("status");
        status.put("statusCode", "FAILED").put("statusDescription", "Failure");
        status.putArray("errors").addObject().put("code", code).put("description", description);
        return answer;
    }

    private ObjectNode record(SimulatedCustomers.Seed seed) {
        ObjectNode wallet = mapper.createObjectNode();
        wallet.set("devices", mapper.valueToTree(seed.devices()));
        wallet.putArray("additionalCustomerInformation").addObject().put("key", "birthday").put("value", seed.birthday());
        wallet.put("customerUri", CUSTOMER_URI_PREFIX + UUID.nameUUIDFromBytes(seed.customerId().getBytes()));
        wallet.put("issuingPartnerUri", ISSUING_PARTNER_URI);
        wallet.put("partnerUri", PARTNER_URI);
        wallet.put("createDate", seed.createDate());
        wallet.put("issuingPartnerShortName", "certnew");
        wallet.put("active", seed.active());
        wallet.put("locked", seed.locked());
        wallet.put("email", seed.email());
        wallet.putNull("emailPending");
        wallet.put("customerId", seed.customerId());
        wallet.put("username", seed.email());
        wallet.put("firstName", seed.firstName());
        wallet.put("lastName", seed.lastName());
        wallet.put("address1", seed.address1());
        wallet.put("address2", seed.address2());
        wallet.put("city", seed.city());
        wallet.put("country", "USA");
        wallet.put("state", seed.state());
        wallet.put("zip", seed.zip());
        wallet.put("phone", seed.phone());
        wallet.put("passwordChangedDate", seed.passwordChangedDate());
        wallet.put("passcodeChangedDate", seed.passwordChangedDate());
        wallet.put("securityQuestionsChangedDate", seed.passwordChangedDate());
        wallet.putNull("lastLoginDate");
        wallet.put("emailVerified", true);
        wallet.putNull("emailVerifiedDate");
        return wallet;
    }

    private byte[] write(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
