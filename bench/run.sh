#!/usr/bin/env bash
# Wallet Care BFF benchmark: what the BFF costs on top of the gateway, side by side, in one run.
#
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bash bench/run.sh       # ~3 min (plus a build when needed)
#   PEER_JAR=/tmp/peer/spring-bff/target/spring-bff.jar JAVA_HOME=... bash bench/run.sh   # with the peer's column
#   PROFILE=1 JAVA_HOME=... bash bench/run.sh   # service only, 50 connections, JFR recording -> /tmp/bench.jfr + summary
#
# On this machine, loopback only, it starts one throwaway nginx (own prefix dir, free ports picked at run time) that is
#   - a stand-in Paydiant gateway answering lookup/activation with constants (its access log counts gateway calls),
#   - an nginx hop that only proxies to the stand-in (keep-alive upstream): the reference for one lean extra hop,
#   - a throwaway OIDC identity provider (discovery + JWKS of an RSA key made now; one RS256 token is minted),
# then the service against the stand-in as shipped — `java -Xmx128m @docker/jvm.options -jar quarkus-run.jar` from
# target/quarkus-app, so with its AOT cache — and drives all three with wrk: 1 connection (latency), then 50
# connections (throughput), after a warm-up of the service. It ends with one unlock of Paul, counting the gateway
# calls it causes. With PEER_JAR, the comparison peer (a Spring Boot jar) is then started the same way with
# Spring Boot's own AOT-cache recipe, warmed up and measured against the same stand-in and token.
# Results: stdout (markdown) and bench/out/<time>/.
#
# docker/jvm.options is for JDK 25: run it with JAVA_HOME on a JDK 25 (the build, when one is needed, uses it too).
# It reports figures only for the service as shipped: a JVM that has not mapped its AOT cache (/proc/<pid>/maps) —
# no cache, one from another JDK build or other flags, JVM_OPTIONS= — stops the run ("refusing to report").
# DRY_RUN=1 only starts the service's JVM and checks that (bench/BenchDryRunIT runs it in ./mvnw verify).
# Knobs (environment): DURATION=10s WARMUP=auto|<n>s (auto: until the JIT has settled, 15-60 s; see lib.sh)
#   JAVA_OPTS="<extra JVM flags, after jvm.options>" JVM_OPTIONS=<argfile; empty for none> BUILD=auto|always|never
#   PEER_JAR= WAIT_QUIET=0 (seconds to wait for an idle machine first) NGINX_WORKERS=auto PROFILE=0|1 JFR_FILE=/tmp/bench.jfr
#   PROFILE_DELAY=20 PROFILE_DURATION=32s OUT_DIR=... KEEP_WORK=0 DRY_RUN=0
# Every process it starts (nginx, java, wrk) is ended on exit, and its temp dir removed, by an EXIT trap.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-auto}
PROFILE=${PROFILE:-0}
DRY_RUN=${DRY_RUN:-0}
JAVA_OPTS=${JAVA_OPTS:-}
JFR_FILE=${JFR_FILE:-/tmp/bench.jfr}
PROFILE_DELAY=${PROFILE_DELAY:-60}
PROFILE_DURATION=${PROFILE_DURATION:-32s}

install_traps
T_START=$(now_ms)
if (($(java_feature) < 25)); then
    die "refusing to report: no mapped AOT cache. $JAVA_BIN is JDK $(java_feature); the service ships on JDK 25 with its AOT cache (docker/jvm.options): JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bash bench/run.sh"
fi

JAVA_FLAGS=(-Xmx128m)
[[ -n "$JVM_OPTIONS" ]] && JAVA_FLAGS+=("@$JVM_OPTIONS")
# shellcheck disable=SC2206
[[ -n "$JAVA_OPTS" ]] && JAVA_FLAGS+=($JAVA_OPTS)

# DRY_RUN=1: no build, no tools, no load, no figures. The service's JVM alone, started as below, against nothing (a
# closed gateway port, no identity provider): it must answer /q/health/live and have its AOT cache mapped, or the
# run is refused as a real one would be. Exit 0 when a real run would go on to measure.
if ((DRY_RUN)); then
    WORK=$(mktemp -d /tmp/wallet-care-bench.XXXXXX)
    SERVICE_LOG=$WORK/service.log
    [[ -f "$APP_JAR" ]] || die "no jar at $APP_JAR: ./mvnw package first"
    # Health is served on the management interface (its own port), as in the image.
    read -r port management < <(free_ports 2)
    (cd "$(dirname "$APP_JAR")" && exec env PAYDIANT_GATEWAY_URL=http://127.0.0.1:9 PAYDIANT_PARTNER_TOKEN=bench-token \
        QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
        QUARKUS_MANAGEMENT_PORT="$management" "$JAVA_BIN" "${JAVA_FLAGS[@]}" -jar "$(basename "$APP_JAR")") \
        >"$SERVICE_LOG" 2>&1 &
    SERVICE_PID=$!
    for ((i = 0; i < 600; i++)); do
        kill -0 "$SERVICE_PID" 2>/dev/null || { tail -5 "$SERVICE_LOG" >&2; die "refusing to report: the JVM exited during start-up"; }
        [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$management/q/health/live" || true) == 200 ]] && break
        sleep 0.1
    done
    aot_status "$SERVICE_PID" "${JAVA_FLAGS[@]}"
    require_mapped_cache
    log "dry run: $AOT_STATUS; live on :$port. A real run would measure now."
    exit 0
fi

ensure_tools
[[ -z "$PEER_JAR" || -f "$PEER_JAR" ]] || die "PEER_JAR=$PEER_JAR does not exist"
build_if_needed
wait_for_quiet

WORK=$(mktemp -d /tmp/wallet-care-bench.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as nobody
OUT=${OUT_DIR:-$BENCH_DIR/out/$(date +%Y%m%d-%H%M%S)$( ((PROFILE)) && echo -profile || true)}
mkdir -p "$OUT"
SERVICE_LOG=$OUT/service.log

read -r STANDIN_PORT HOP_PORT IDP_PORT SERVICE_PORT PEER_PORT < <(free_ports 5)
make_identity "$IDP_PORT"
start_nginx "$STANDIN_PORT" "$HOP_PORT" "$IDP_PORT"

# PROFILE=1: the recording is started with jcmd once the service runs, not with -XX:StartFlightRecording, with which
# JDK 25 gives up the AOT cache ("An error has occurred while processing the AOT cache"): the profile is of the
# service as shipped.
((PROFILE)) && rm -f "$JFR_FILE"
T_LAUNCH=$(now_ms)
start_service "$SERVICE_PORT" "${JAVA_FLAGS[@]}"
require_mapped_cache

STANDIN_URL=http://127.0.0.1:$STANDIN_PORT/b2b-gateway/customers/lookup
HOP_URL=http://127.0.0.1:$HOP_PORT/b2b-gateway/customers/lookup
SEARCH_URL=$SERVICE_URL/customers/search
LOOKUP_BODY=$BENCH_DIR/stand-in/lookup-request.json
SEARCH_BODY=$BENCH_DIR/search-request.json

# Vert.x: "Thread Thread[vert.x-eventloop-thread-0,...] has been blocked for 2345 ms" (BlockedThreadChecker)
BLOCKED_RE='has been blocked for|BlockedThreadChecker|blocked thread|blocking operation on an IO thread'
blocked_warnings() { grep -ciE "$BLOCKED_RE" "$SERVICE_LOG" || true; }

# ---------------------------------------------------------------------------------------------------------------
if ((PROFILE)); then
    # warm up until the recording starts (PROFILE_DELAY s after launch), then record 30 s of 50-connection load
    while (( $(now_ms) - T_LAUNCH < PROFILE_DELAY * 1000 - 5000 )); do
        run_wrk warmup-c50 2 50 5s "$SEARCH_URL" "$SEARCH_BODY" "$TOKEN"
    done
    "${JAVA_HOME:+$JAVA_HOME/bin/}jcmd" "$SERVICE_PID" JFR.start name=bench duration=30s settings=profile \
        filename="$JFR_FILE" >"$OUT/jfr-start.txt" 2>&1 || die "jcmd JFR.start failed: $(cat "$OUT/jfr-start.txt")"
    run_wrk profile-c50 2 50 "$PROFILE_DURATION" "$SEARCH_URL" "$SEARCH_BODY" "$TOKEN"
    P_RPS=$R_rps P_P50=$R_p50_us P_P99=$R_p99_us P_BAD=$((R_non2xx + R_errors)) P_NOISE=$R_noise
    log "waiting for $JFR_FILE"
    for ((i = 0; i < 200; i++)); do
        [[ -s "$JFR_FILE" ]] && jfr summary "$JFR_FILE" >/dev/null 2>&1 && break
        sleep 0.2
    done
    jfr summary "$JFR_FILE" >/dev/null 2>&1 || die "no JFR recording at $JFR_FILE"
    P_RSS=$(rss_mb "$SERVICE_PID")
    # Bytes allocated per search: every thread's allocation counter (jdk.ThreadAllocationStatistics, at the start and
    # the end of the recording), over the requests of the recording's span (wrk's rate x its duration).
    ALLOC_BYTES=$(jfr print --events jdk.ThreadAllocationStatistics "$JFR_FILE" | awk '
        $1 == "allocated" { v = $3; gsub(/[^0-9.]/, "", v); u = $4
            if (u ~ /^kB/) v *= 1024; else if (u ~ /^MB/) v *= 1048576; else if (u ~ /^GB/) v *= 1073741824; a = v }
        $1 == "thread" { if (!($0 in first)) first[$0] = a; last[$0] = a }
        END { for (t in first) total += last[t] - first[t]; printf "%.0f", total }')
    REC_S=$(jfr summary "$JFR_FILE" | awk '/^ *Duration:/ { print $2 + 0 }')
    P_ALLOC_KB=$(awk -v b="$ALLOC_BYTES" -v r="$P_RPS" -v s="$REC_S" 'BEGIN { printf "%.1f", (r * s) ? b / (r * s) / 1024 : 0 }')
    {
        echo "## Profile: service under 50 connections ($PROFILE_DURATION, JFR settings=profile, 30 s recording)"
        echo
        echo "JVM flags: \`${JAVA_FLAGS[*]}\`; $SECURITY"
        echo "Load while recording: $(printf '%.0f' "$P_RPS") req/s, p50 $(awk -v v="$P_P50" 'BEGIN{printf "%.3f", v/1000}') ms, p99 $(awk -v v="$P_P99" 'BEGIN{printf "%.3f", v/1000}') ms, non-2xx/errors $P_BAD; RSS after ${P_RSS} MB; other processes' CPU during it ${P_NOISE} %"
        echo "Vert.x blocked-thread / blocking warnings in the service log: $(blocked_warnings); CPUs busy with other processes before the run: ${BUSY_AT_START} %"
        grep -iE "$BLOCKED_RE" "$SERVICE_LOG" | head -5 | sed 's/^/    /' || true
        echo "**Allocated per search: ${P_ALLOC_KB} KB** ($(awk -v b="$ALLOC_BYTES" 'BEGIN { printf "%.0f", b / 1048576 }') MB by all threads in the ${REC_S} s recording, jdk.ThreadAllocationStatistics; $AOT_STATUS)"
        echo
        bash "$BENCH_DIR/jfr-summary.sh" "$JFR_FILE"
    } | tee "$OUT/profile.md"
    log "recording: $JFR_FILE; summary: $OUT/profile.md; service log: $SERVICE_LOG"
    exit 0
fi

# ---------------------------------------------------------------------------------------------------------------
declare -A RPS P50 P99 BAD CALLS NOISE FIRST RSS_AFTER
# measure path url body token: 1 and 50 connections, into RPS[path,conns] etc.
measure() {
    local path=$1 url=$2 body=$3 token=$4 conns threads before after
    for conns in 1 50; do
        threads=$((conns == 1 ? 1 : 2))
        before=$(standin_lines)
        run_wrk "$path-c$conns" "$threads" "$conns" "$DURATION" "$url" "$body" "$token"
        after=$(standin_lines)
        RPS[$path,$conns]=$R_rps P50[$path,$conns]=$R_p50_us P99[$path,$conns]=$R_p99_us
        BAD[$path,$conns]="$R_non2xx/$R_errors" NOISE[$path,$conns]=$R_noise
        CALLS[$path,$conns]=$(awk -v c=$((after - before)) -v r="$R_requests" 'BEGIN { printf "%.3f", r ? c / r : 0 }')
    done
}

FIRST[service]=$FIRST_ANSWER_S SERVICE_STARTUP_S=$STARTUP_S
# The nginx paths first: the service's cells then follow its warm-up at once, as the peer's follow the peer's.
measure direct "$STANDIN_URL" "$LOOKUP_BODY" ""
measure hop "$HOP_URL" "$LOOKUP_BODY" ""
warm_up_service "$SEARCH_URL" "$SEARCH_BODY" "$TOKEN" "$SERVICE_PID" warmup
SERVICE_WARMUP="${WARMUP_S} s (JIT threads at its end: ${WARMUP_JIT} % of a CPU; non-2xx/errors: $WARMUP_BAD)"
measure service "$SEARCH_URL" "$SEARCH_BODY" "$TOKEN"
RSS_AFTER[service]=$(rss_mb "$SERVICE_PID")
SERVICE_BAD=$((${BAD[service,1]%/*} + ${BAD[service,1]#*/} + ${BAD[service,50]%/*} + ${BAD[service,50]#*/} + WARMUP_BAD))

# --- one unlock of Paul: count the stand-in's access-log lines it causes ----------------------------------------
log "unlock of vmiTxZcaSEym, counting gateway calls"
mark=$(standin_lines)
UNLOCK_RID=bench-unlock-$RANDOM$RANDOM
unlock_answer=$(curl -s -w '\n%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" -H "X-Request-Id: $UNLOCK_RID" \
    "$SERVICE_URL/customers/vmiTxZcaSEym/unlock" || true)
UNLOCK_HTTP=${unlock_answer##*$'\n'}
UNLOCK_OUTCOME=$(grep -o '"outcome" *: *"[A-Z_]*"' <<<"$unlock_answer" | grep -o '[A-Z_]*"$' | tr -d '"' || true)
sleep 0.3
tail -n +$((mark + 1)) "$STANDIN_LOG" > "$OUT/unlock-gateway-calls.log"
read -r U_PRE U_ACT U_POST U_OTHER U_SEQ < <(awk '
    $3 ~ /\/lookup$/     { if (act) post++; else pre++; seq = seq "L"; next }
    $3 ~ /\/activation$/ { act++; seq = seq "A"; next }
                         { other++; seq = seq "?" }
    END { printf "%d %d %d %d %s\n", pre, act, post, other, (seq == "" ? "-" : seq) }' "$OUT/unlock-gateway-calls.log")
UNLOCK_CALLS="$U_PRE lookup + $U_ACT activation + $U_POST confirming lookup"
((U_OTHER)) && UNLOCK_CALLS+=" + $U_OTHER other"
stop_service

# --- the peer, alone on the machine as the service was -----------------------------------------------------------
PATHS=(direct hop service)
if [[ -n "$PEER_JAR" ]]; then
    prepare_peer
    start_peer "$PEER_PORT"
    FIRST[peer]=$FIRST_ANSWER_S PEER_STARTUP_S=$STARTUP_S
    warm_up_service "$PEER_URL/customers/search" "$SEARCH_BODY" "$TOKEN" "$PEER_PID" peer-warmup
    PEER_WARMUP="${WARMUP_S} s (JIT ${WARMUP_JIT} %; non-2xx/errors: $WARMUP_BAD)"
    measure peer "$PEER_URL/customers/search" "$SEARCH_BODY" "$TOKEN"
    RSS_AFTER[peer]=$(rss_mb "$PEER_PID")
    stop_peer
    PATHS+=(peer)
fi
BUSY_AT_END=$(cpu_busy_pct)   # with our JVMs stopped, this is other processes only

# --- report ------------------------------------------------------------------------------------------------------
ms() { awk -v v="$1" 'BEGIN { printf "%.3f", v / 1000 }'; }
verdict() { # measured goal direction(le|ge) unit -> "PASS (margin ...)" / "MISS (by ...)"
    awk -v m="$1" -v g="$2" -v d="$3" -v u="$4" 'BEGIN {
        ok = (d == "le") ? (m <= g) : (m >= g); diff = (m > g) ? m - g : g - m
        if (ok) printf "PASS (%.3g %s to spare)", diff, u; else printf "**MISS** (by %.3g %s)", diff, u }'
}
share() { awk -v s="${RPS[$1,50]}" -v h="${RPS[hop,50]}" 'BEGIN { printf "%.3f", s / h }'; }
added() { awk -v s="$2" -v d="$3" 'BEGIN { printf "%+.3f", (s - d) / 1000 }'; }
ahead() { # ours peer direction(le|ge) -> ahead / behind
    [[ -z "$2" ]] && return 0
    awk -v a="$1" -v b="$2" -v d="$3" 'BEGIN { ok = (d == "le") ? (a + 0 <= b + 0) : (a + 0 >= b + 0); printf " | %s", ok ? "ahead" : "**behind**" }'
}
declare -A FIG
for who in service peer; do
    [[ $who == peer && -z "$PEER_JAR" ]] && continue
    FIG[$who,share]=$(share "$who")
    FIG[$who,p50]=$(added "$who" "${P50[$who,1]}" "${P50[direct,1]}")
    FIG[$who,p99]=$(added "$who" "${P99[$who,1]}" "${P99[direct,1]}")
    FIG[$who,rss]=${RSS_AFTER[$who]}
    FIG[$who,first]=${FIRST[$who]}
done
peer_cell() { [[ -n "$PEER_JAR" ]] && printf ' | %s' "$1" || true; }
if [[ $UNLOCK_HTTP == 200 ]] && ((U_PRE <= 1 && U_ACT <= 2 && U_POST <= 1 && U_OTHER == 0)); then UNLOCK_VERDICT=PASS; else UNLOCK_VERDICT=**MISS**; fi
if ((SERVICE_BAD == 0)); then BAD_VERDICT=PASS; else BAD_VERDICT="**MISS** (by $SERVICE_BAD)"; fi
T_TOTAL=$(awk -v ms=$(($(now_ms) - T_START)) 'BEGIN { printf "%.0f", ms / 1000 }')
JDK=$("$JAVA_BIN" -version 2>&1 | sed -n 2p)

{
    echo "### Wallet Care BFF vs. a lean gateway$([[ -n "$PEER_JAR" ]] && echo " and the Spring Boot peer"): $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "wrk $DURATION per cell (1 connection: -t1 -c1; 50 connections: -t2 -c50). direct/hop: \`POST /b2b-gateway/customers/lookup\` (seed request) to the nginx stand-in / through the nginx hop; service and peer: \`POST /customers/search {\"phone\":\"9991234444\"}\` with an RS256 bearer token (2 customers back). nginx worker_processes ${NGINX_WORKERS:-auto}; $JDK."
    echo
    echo "- Service: \`java ${JAVA_FLAGS[*]/#@$PROJECT_DIR\//@} -jar quarkus-run.jar\` in target/quarkus-app (prod profile); $AOT_STATUS; $SECURITY; warm-up $SERVICE_WARMUP."
    [[ -n "$PEER_JAR" ]] && echo "- Peer: \`java -Xmx128m -XX:AOTCache=app.aot -jar $(basename "$PEER_JAR")\` from its extracted folder, after its training run (\`-XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh\`); warm-up $PEER_WARMUP."
    echo
    echo "| path | conns | req/s | p50 ms | p99 ms | non-2xx / socket errors | stand-in calls per request | other processes' CPU % |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for conns in 1 50; do
        for path in "${PATHS[@]}"; do
            case $path in direct) name="direct to stand-in" ;; hop) name="nginx hop" ;; service) name="**service**" ;; peer) name="Spring Boot peer" ;; esac
            printf '| %s | %d | %.0f | %s | %s | %s | %s | %s |\n' "$name" "$conns" "${RPS[$path,$conns]}" \
                "$(ms "${P50[$path,$conns]}")" "$(ms "${P99[$path,$conns]}")" "${BAD[$path,$conns]}" "${CALLS[$path,$conns]}" \
                "${NOISE[$path,$conns]}"
        done
    done
    echo
    echo "| figure | service | goal | result$(peer_cell "peer") $([[ -n "$PEER_JAR" ]] && echo "| service vs peer ")|"
    echo "|---|---|---|---$(peer_cell "---") $([[ -n "$PEER_JAR" ]] && echo "|--- ")|"
    echo "| search req/s at 50 connections, share of the nginx hop | ${FIG[service,share]} ($(printf '%.0f' "${RPS[service,50]}") vs $(printf '%.0f' "${RPS[hop,50]}") req/s) | ≥ 0.30 | $(verdict "${FIG[service,share]}" 0.30 ge '')$(peer_cell "${FIG[peer,share]:-}")$(ahead "${FIG[service,share]}" "${FIG[peer,share]:-}" ge) |"
    echo "| latency added over a direct call, 1 connection, p50 | ${FIG[service,p50]} ms | ≤ 0.5 ms | $(verdict "${FIG[service,p50]}" 0.5 le ms)$(peer_cell "${FIG[peer,p50]:-} ms")$(ahead "${FIG[service,p50]}" "${FIG[peer,p50]:-}" le) |"
    echo "| latency added over a direct call, 1 connection, p99 | ${FIG[service,p99]} ms | ≤ 2 ms | $(verdict "${FIG[service,p99]}" 2 le ms)$(peer_cell "${FIG[peer,p99]:-} ms")$(ahead "${FIG[service,p99]}" "${FIG[peer,p99]:-}" le) |"
    echo "| RSS after load | ${FIG[service,rss]} MB | ≤ 150 MB | $(verdict "${FIG[service,rss]}" 150 le MB)$(peer_cell "${FIG[peer,rss]:-} MB")$(ahead "${FIG[service,rss]}" "${FIG[peer,rss]:-}" le) |"
    echo "| launch to first 200 on a search | ${FIG[service,first]} s (\"started in\" ${SERVICE_STARTUP_S:-?} s) | ≤ 0.5 s | $(verdict "${FIG[service,first]}" 0.5 le s)$(peer_cell "${FIG[peer,first]:-} s (\"Started in\" ${PEER_STARTUP_S:-?} s)")$(ahead "${FIG[service,first]}" "${FIG[peer,first]:-}" le) |"
    echo "| gateway calls per unlock | $UNLOCK_CALLS (order $U_SEQ; HTTP $UNLOCK_HTTP ${UNLOCK_OUTCOME:-no outcome}) | ≤ 1 + 2 + 1 | $UNLOCK_VERDICT$(peer_cell "—")$(peer_cell "") |"
    echo "| non-2xx + socket errors (service: warm-up, 1 + 50 connections) | $SERVICE_BAD | 0 | $BAD_VERDICT$(peer_cell "—")$(peer_cell "") |"
    echo
    echo "Vert.x blocked-thread / blocking warnings in the service log: $(blocked_warnings). Whole run: ${T_TOTAL} s."
    echo "CPUs busy with other processes just before the run: ${BUSY_AT_START} %; just after: ${BUSY_AT_END} % ($(nproc) CPUs); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
    max_noise=0; for v in "${NOISE[@]}"; do if ((v > max_noise)); then max_noise=$v; fi; done
    if ((max_noise > 5)); then echo "**Noisy run**: other processes took up to ${max_noise} % of the CPUs during a measurement; repeat on an idle machine (WAIT_QUIET=300)."; fi
} | tee "$OUT/results.md"
log "results: $OUT/results.md (wrk outputs, service log and the unlock's gateway calls beside it)"
