#!/usr/bin/env bash
# The change path measured: unlocks with the PostgreSQL journal against a stand-in gateway that takes LOOKUP_MS per
# lookup and ACTIVATION_MS per activation, with one replica and then two on one PostgreSQL.
#
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bash bench/unlock.sh      # ~2 min; root (PostgreSQL runs as postgres)
#
# On loopback: a private PostgreSQL cluster (Debian's postgresql package), the stand-in (AotTraining stand-in: the
# gateway, every customer id u... a LOCKED wallet, and the identity provider that mints the token), and replicas A
# and B as shipped (`java -Xmx128m @docker/jvm.options -jar quarkus-run.jar`, AOT cache mapped or no report). Every
# request unlocks another wallet (bench/unlock.lua): lookup, deactivate, activate, confirming lookup, and the
# journal's rows. Figures:
#   - own time per unlock at 1 connection: the client's latency minus the stand-in's delays (2 x LOOKUP_MS +
#     2 x ACTIVATION_MS), p50 and p99; what is left is the service, PostgreSQL, loopback and the stand-in's handling;
#   - unlocks/s at CONNS connections on replica A alone, then on A and B together (CONNS/2 each, same total).
# Knobs: LOOKUP_MS=20 ACTIVATION_MS=40 DURATION=20s CONNS=32 WARMUP=20s OUT_DIR=... KEEP_WORK=0
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

LOOKUP_MS=${LOOKUP_MS:-20}
ACTIVATION_MS=${ACTIVATION_MS:-40}
DURATION=${DURATION:-20s}
CONNS=${CONNS:-32}
WARMUP=${WARMUP:-20s}
GATEWAY_MS=$((2 * LOOKUP_MS + 2 * ACTIVATION_MS))

install_traps
(($(java_feature) >= 25)) || die "refusing to report: no mapped AOT cache. JDK $(java_feature); JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64"
[[ $(id -u) == 0 ]] || die "run as root: the private PostgreSQL cluster runs as user postgres"
ensure_tools
build_if_needed
WORK=$(mktemp -d /tmp/wallet-care-unlock.XXXXXX)
chmod 755 "$WORK"
OUT=${OUT_DIR:-$BENCH_DIR/out/$(date +%Y%m%d-%H%M%S)-unlock}
mkdir -p "$OUT"
bench_cleanup_more() { pg_stop "$WORK/pg/data"; }

read -r STANDIN_PORT PG_PORT A_PORT B_PORT < <(free_ports 4)
pg_start "$WORK/pg/data" "$PG_PORT"
log "PostgreSQL up on 127.0.0.1:$PG_PORT"

APP_DIR=$(dirname "$APP_JAR")
"$JAVA_BIN" -Xmx64m -XX:+UseSerialGC -cp "$(echo "$APP_DIR"/app/*.jar)" com.walletcare.bff.aot.AotTraining stand-in \
    "$STANDIN_PORT" "$LOOKUP_MS" "$ACTIVATION_MS" > "$WORK/stand-in.out" 2>&1 &
EXTRA_PIDS+=($!)
for ((i = 0; i < 300; i++)); do grep -q '^token=' "$WORK/stand-in.out" 2>/dev/null && break; sleep 0.1; done
ISSUER=$(sed -n 's/^issuer=//p' "$WORK/stand-in.out")
TOKEN=$(sed -n 's/^token=//p' "$WORK/stand-in.out")
[[ -n $TOKEN ]] || die "the stand-in did not start: $(tail -5 "$WORK/stand-in.out")"
log "stand-in on :$STANDIN_PORT (lookup ${LOOKUP_MS} ms, activation ${ACTIVATION_MS} ms)"

JAVA_FLAGS=(-Xmx128m "@$PROJECT_DIR/docker/jvm.options")
start_replica() { # name port -> SERVICE_PID
    SERVICE_ENV=(HOSTNAME="$1" CARE_CHANGES_PER_AGENT_PER_MINUTE=100000000
        QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/wallet_care"
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/wallet_care"
        QUARKUS_DATASOURCE_USERNAME=wallet_care QUARKUS_DATASOURCE_PASSWORD=wc)
    SERVICE_LOG=$OUT/$1.log
    start_service "$2" "${JAVA_FLAGS[@]}"
    require_mapped_cache
    grep -q 'Care journal: PostgreSQL' "$SERVICE_LOG" || die "$1 is not on the PostgreSQL journal: $(grep -m1 'Care journal' "$SERVICE_LOG")"
}
start_replica replica-b "$B_PORT"
B_PID=$SERVICE_PID B_URL=$SERVICE_URL
EXTRA_PIDS+=("$B_PID")
start_replica replica-a "$A_PORT"
A_URL=$SERVICE_URL

export WRK_SCRIPT=$BENCH_DIR/unlock.lua
unlocks() { # label threads conns url -> R_* (run_wrk), a distinct wallet per request
    BENCH_PREFIX=$(tr -dc 'a-z0-9' < /dev/urandom | head -c 6) run_wrk "$1" "$2" "$3" "$DURATION" "$4" /dev/null "$TOKEN"
}
ms() { awk -v v="$1" 'BEGIN { printf "%.1f", v / 1000 }'; }
own() { awk -v v="$1" -v g="$GATEWAY_MS" 'BEGIN { printf "%.1f", v / 1000 - g }'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

log "warm-up: $WARMUP of unlocks on each replica"
for url in "$A_URL" "$B_URL"; do
    BENCH_PREFIX=w$RANDOM run_wrk "warmup-$RANDOM" 2 8 "$WARMUP" "$url/customers/x" /dev/null "$TOKEN"
done

L1=$(load); unlocks a-c1 1 1 "$A_URL/customers/x"
C1_P50=$R_p50_us C1_P99=$R_p99_us C1_RPS=$R_rps C1_BAD=$((R_non2xx + R_errors)) C1_N=$R_requests C1_NOISE=$R_noise

L2=$(load); unlocks a-c$CONNS 2 "$CONNS" "$A_URL/customers/x"
ONE_RPS=$R_rps ONE_P50=$R_p50_us ONE_P99=$R_p99_us ONE_BAD=$((R_non2xx + R_errors)) ONE_NOISE=$R_noise

# both replicas at once, half the connections each; the wrk on B runs beside run_wrk's on A
L3=$(load)
half=$((CONNS / 2))
BENCH_PREFIX=b$RANDOM BENCH_TOKEN=$TOKEN wrk -t1 -c"$half" -d"$DURATION" --latency -s "$WRK_SCRIPT" "$B_URL/customers/x" \
    > "$OUT/wrk-b-c$half.txt" 2>&1 &
WRK_B=$!
EXTRA_PIDS+=("$WRK_B")
unlocks a-c$half-with-b 1 "$half" "$A_URL/customers/x"
TWO_A_RPS=$R_rps TWO_A_P50=$R_p50_us TWO_A_P99=$R_p99_us TWO_BAD=$((R_non2xx + R_errors)) TWO_NOISE=$R_noise
wait "$WRK_B" || die "wrk on B failed: $(cat "$OUT/wrk-b-c$half.txt")"
line=$(grep '^BENCH ' "$OUT/wrk-b-c$half.txt") || die "wrk on B printed no result"
for kv in ${line#BENCH }; do printf -v "B_${kv%%=*}" '%s' "${kv#*=}"; done
TWO_RPS=$(awk -v a="$TWO_A_RPS" -v b="$B_rps" 'BEGIN { printf "%.1f", a + b }')
TWO_BAD=$((TWO_BAD + B_non2xx + B_connect_errors + B_read_errors + B_write_errors + B_timeouts))

# the journal's view, once the unlocks wrk left in flight have ended (at most 30 s): every one finished, and how
pgq() { psql -h 127.0.0.1 -p "$PG_PORT" -U wallet_care -d wallet_care -tAc "$1"; }
for ((i = 0; i < 300; i++)); do [[ $(pgq "SELECT count(*) FROM wallet_change WHERE finished_at IS NULL") == 0 ]] && break; sleep 0.1; done
OPEN=$(pgq "SELECT count(*) FROM wallet_change WHERE finished_at IS NULL")
JOURNAL=$(pgq "SELECT outcome || ' ' || count(*) FROM wallet_change WHERE action = 'UNLOCK' GROUP BY outcome ORDER BY 1" | paste -sd';')
RSS_A=$(rss_mb "$SERVICE_PID") RSS_B=$(rss_mb "$B_PID")

{
    echo "### Unlocks with the PostgreSQL journal: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "Stand-in gateway: lookup ${LOOKUP_MS} ms, activation ${ACTIVATION_MS} ms, so ${GATEWAY_MS} ms of gateway time per unlock (lookup, deactivate, activate, confirming lookup). PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on loopback. Replicas: \`java ${JAVA_FLAGS[*]/#@$PROJECT_DIR\//@} -jar quarkus-run.jar\`, $AOT_STATUS. wrk $DURATION per row, every request a different LOCKED wallet; $("$JAVA_BIN" -version 2>&1 | sed -n 2p); $(nproc) CPUs."
    echo
    echo "| run | unlocks/s | p50 ms | p99 ms | own p50 ms | own p99 ms | non-2xx / errors | load average before | other processes' CPU % |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|---:|"
    echo "| replica A, 1 connection ($C1_N unlocks) | $(printf '%.1f' "$C1_RPS") | $(ms "$C1_P50") | $(ms "$C1_P99") | **$(own "$C1_P50")** | **$(own "$C1_P99")** | $C1_BAD | $L1 | $C1_NOISE |"
    echo "| replica A, $CONNS connections | **$(printf '%.1f' "$ONE_RPS")** | $(ms "$ONE_P50") | $(ms "$ONE_P99") | $(own "$ONE_P50") | $(own "$ONE_P99") | $ONE_BAD | $L2 | $ONE_NOISE |"
    echo "| replicas A + B, $half connections each | **$TWO_RPS** ($(printf '%.1f' "$TWO_A_RPS") + $(printf '%.1f' "$B_rps")) | A $(ms "$TWO_A_P50"), B $(ms "$B_p50_us") | A $(ms "$TWO_A_P99"), B $(ms "$B_p99_us") | | | $TWO_BAD | $L3 | $TWO_NOISE (A's run) |"
    echo
    echo "Goal: own time ≤ 3 ms p50 per unlock: $(awk -v o="$(own "$C1_P50")" 'BEGIN { print (o <= 3) ? "PASS" : "**MISS**" }'); unlocks/s grows with the second replica: $(awk -v a="$ONE_RPS" -v b="$TWO_RPS" 'BEGIN { printf "%s (x%.2f)", (b > a) ? "yes" : "**no**", b / a }')."
    echo "Journal: $JOURNAL; open rows 30 s after the last request at most: $OPEN. RSS after: A ${RSS_A} MB, B ${RSS_B} MB. Load average at the end: $(load)."
} | tee "$OUT/results.md"
log "results: $OUT/results.md"
