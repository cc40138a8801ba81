#!/usr/bin/env bash
# Two replicas on one PostgreSQL: bash ops/replica-checks/run-all.sh after ./mvnw package (needs nginx, openssl, curl, jq and
# Debian's postgresql package; run as root, PostgreSQL itself runs as user postgres). Results: ops/replica-checks/RESULTS.md.
# Starts PostgreSQL, the identity provider, the simulator and replicas A and B; runs scenario A (twice), then B (inflight and
# landed, restarting A in between); stops everything it started. Bounded: the whole run is killed after 25 min.
set -uo pipefail
cd "$(dirname "$0")" && source ./env.sh
trap stop_all EXIT
trap 'exit 130' INT; trap 'exit 143' TERM
[[ -f $APP/quarkus-run.jar ]] || die "no $APP/quarkus-run.jar: ./mvnw package first"
start_pg
start_idp
start_simulator
start_replica replica-a $A_PORT replica-a
start_replica replica-b $B_PORT replica-b
grep -h 'Care journal' "$RUN/logs/replica-a.log" "$RUN/logs/replica-b.log" >&2

# one unlock through each replica to warm them (and check the token), then back to a clean wallet
source ./common.sh
for r in "$A" "$B"; do
    sim_reset 0
    curl -s -o /dev/null -w "warm-up unlock via $r: %{http_code}\n" -X POST -H "Authorization: Bearer $TOK_A" "$r/customers/$CID/unlock" >&2
done

if [[ ${SKIP_A:-0} != 1 ]]; then
    timeout 600 ./scenario-a.sh                 # both calls sent at the same instant
    STAGGER=1 timeout 600 ./scenario-a.sh       # the deactivate sent 0-450 ms after the unlock
fi
for mode in ${B_MODES:-inflight landed}; do
    [[ -f $RUN/pids/replica-a ]] && kill -0 "$(cat "$RUN/pids/replica-a")" 2>/dev/null || start_replica replica-a $A_PORT replica-a
    MODE=$mode timeout 180 ./scenario-b.sh
    kill -0 "$(cat "$RUN/pids/replica-a")" 2>/dev/null || rm -f "$RUN/pids/replica-a"   # killed by the scenario
done
