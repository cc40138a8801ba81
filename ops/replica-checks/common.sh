# Helpers for the scenario drivers (sourced after env.sh).
# shellcheck shell=bash
TOK_A=$(mint_token_for agent-a)
TOK_B=$(mint_token_for agent-b)

sim_reset() { # reset the simulator, set the activation latency, lock Paul's wallet: ACTIVE + locked = LOCKED
    local latency=$1
    curl -sf -X POST "$SIM/simulator/reset" >/dev/null || die "reset failed"
    curl -sf -X PUT -H 'Content-Type: application/json' -d "{\"activationLatencyMs\":$latency}" "$SIM/simulator/faults" >/dev/null \
        || die "faults failed"
    curl -sf -X POST "$SIM/simulator/customers/$CID/lock" >/dev/null || die "lock failed"
}

# The wallet's raw flags at the simulator (diagnostic; our own throwaway simulator and token): "active=.. locked=.."
sim_flags() {
    curl -s -X POST -H 'Content-Type: application/json' -H 'Authorization: Basic t' \
        -d "{\"retrieveCustomerLookUpInfoRequest\":{\"messageHeader\":{\"partnerId\":\"\",\"messageId\":\"\",\"versionId\":\"\",\"environmentId\":\"\"},\"customerId\":\"$CID\"}}" \
        "$SIM/b2b-gateway/customers/lookup" \
        | jq -r '.retrieveCustomerLookUpInfoResponse.customerLookUpInfo[0] | "active=\(.active) locked=\(.locked)"'
}

status_via() { # base-url -> the wallet's status as the replica reports it (GET /customers/{id})
    curl -s -m 10 -H "Authorization: Bearer $TOK_B" "$1/customers/$CID" | jq -r '.status // ("HTTP error: " + (.code // "?"))'
}

open_changes() { sql "SELECT count(*) FROM wallet_change WHERE finished_at IS NULL"; }
