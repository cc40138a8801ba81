package com.walletcare.bff.simulator;

import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The simulator's fault mode: how slow each operation is, and how often a call goes wrong. Rates are fractions of
 * calls (0 to 1, summing to at most 1). A server error or a reset happens before the call is processed; a garbled
 * answer or a lost answer (the connection closed instead of answering) after it, so a write is applied and the
 * caller cannot tell. Set at start with SIMULATOR_FAULTS_* or at run time with {@code PUT /simulator/faults}.
 */
public record SimulatedFaults(long lookupLatencyMs, long activationLatencyMs, double serverErrorRate, double resetRate,
        double garbledRate, double lostAnswerRate) {

    public static final SimulatedFaults NONE = new SimulatedFaults(0, 0, 0, 0, 0, 0);

    @ConfigMapping(prefix = "simulator.faults")
    public interface Config {
        @WithDefault("0")
        long lookupLatencyMs();

        @WithDefault("0")
        long activationLatencyMs();

        @WithDefault("0")
        double serverErrorRate();

        @WithDefault("0")
        double resetRate();

        @WithDefault("0")
        double garbledRate();

        @WithDefault("0")
        double lostAnswerRate();
    }

    enum Fault {
        NONE, SERVER_ERROR, RESET, GARBLED, LOST_ANSWER
    }

    static SimulatedFaults of(Config config) {
        return new SimulatedFaults(config.lookupLatencyMs(), config.activationLatencyMs(), config.serverErrorRate(),
                config.resetRate(), config.garbledRate(), config.lostAnswerRate()).checked();
    }

    SimulatedFaults checked() {
        double[] rates = { serverErrorRate, resetRate, garbledRate, lostAnswerRate };
        double sum = 0;
        for (double rate : rates) {
            if (rate < 0 || rate > 1) {
                throw new IllegalArgumentException("Fault rates are fractions from 0 to 1.");
            }
            sum += rate;
        }
        if (sum > 1 || lookupLatencyMs < 0 || activationLatencyMs < 0) {
            throw new IllegalArgumentException("Fault rates add up to at most 1, and latencies are not negative.");
        }
        return this;
    }

    /** What goes wrong with one call; a lookup applies nothing, so losing its answer is a reset. */
    Fault draw(boolean write) {
        double r = ThreadLocalRandom.current().nextDouble();
        if ((r -= serverErrorRate) < 0) {
            return Fault.SERVER_ERROR;
        }
        if ((r -= resetRate) < 0) {
            return Fault.RESET;
        }
        if ((r -= garbledRate) < 0) {
            return Fault.GARBLED;
        }
        if ((r -= lostAnswerRate) < 0) {
            return write ? Fault.LOST_ANSWER : Fault.RESET;
        }
        return Fault.NONE;
    }
}
