package com.walletcare.bff.api;

import java.time.Duration;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.walletcare.bff.care.CareHistory;
import com.walletcare.bff.care.HitCounter;

import io.vertx.ext.web.Router;

/**
 * The service's half of {@code POST /simulator/reset}: where the gateway simulator runs, a reset of the demo puts back
 * the service's own demo state too — the finished entries of the care journal (history, and what a later unlock
 * reads from it), and every limit's counters (failed verifications, changes per agent) — so that five wrong answers
 * do not lock a demo customer for an hour after a reset.
 *
 * <p>Why it is done this way: the simulator stands in for a remote gateway and must not know this service (it
 * imports nothing of it), and the service must not reach into a fake it does not otherwise call but over HTTP. The
 * reset request itself is the signal both observe: this route takes it first, clears the service's state, then
 * hands it on to the simulator's route, which resets the wallets and the fault mode and answers. One call, in the
 * order that leaves no change of ours pointing at a wallet that was put back. Registered only when the simulator is
 * enabled, i.e. on a demo instance (dev mode, or the stand-alone fake, which logs a warning at start).
 */
class DemoReset {

    static final String PATH = "/simulator/reset";

    void routes(@Observes Router router, @ConfigProperty(name = "simulator.enabled") boolean simulator,
            CareHistory journal, HitCounter counters) {
        if (!simulator) {
            return;
        }
        router.post(PATH).order(-100).handler(context -> journal.forgetFinished()
                // Windows that started before a day from now: every one, the current windows included.
                .chain(() -> counters.forgetOlderThan(Duration.ofDays(-1)))
                .subscribe().with(done -> context.next(), context::fail));
    }
}
