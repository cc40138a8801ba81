#!/usr/bin/env bash
# Bytes allocated per search, counted exactly: no sampling, no rate x duration estimate.
#
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 BUILD=never bash bench/alloc.sh      # ~1.5 min
#
# The service as shipped (java -Xmx128m @docker/jvm.options, AOT cache mapped) against the nginx stand-in gateway and
# identity provider of run.sh; warmed up at 50 connections (WARMUP, as in run.sh), then for each of 1 and 50
# connections: every thread's allocation counter (`jcmd Thread.print -e`, "allocated=") and the young collections
# (`jstat -gc`) before and after DURATION of wrk, over the searches the stand-in counted in that time (one lookup per
# search). The allocation of a thread that ended in between is not counted (the event loops, which serve the
# searches, live as long as the JVM). Allocation per request depends little on how busy the machine is, so this is
# the figure to compare A/B on a shared machine; the latencies it prints are as noisy as the machine. Context switches
# per search (every JVM thread's voluntary and involuntary ones, /proc/<pid>/task/*/status) count the hand-offs
# between threads a search costs.
# Knobs: DURATION=10s WARMUP=auto|<n>s APP_JAR=<another build's quarkus-run.jar> JAVA_OPTS= OUT_DIR=
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

DURATION=${DURATION:-10s}
JAVA_OPTS=${JAVA_OPTS:-}
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
JSTAT=${JAVA_HOME:+$JAVA_HOME/bin/}jstat

install_traps
(($(java_feature) >= 25)) || die "refusing to report: the service ships on JDK 25 with its AOT cache (JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64)"
JAVA_FLAGS=(-Xmx128m)
[[ -n "$JVM_OPTIONS" ]] && JAVA_FLAGS+=("@$JVM_OPTIONS")
# shellcheck disable=SC2206
[[ -n "$JAVA_OPTS" ]] && JAVA_FLAGS+=($JAVA_OPTS)

ensure_tools
build_if_needed
WORK=$(mktemp -d /tmp/wallet-care-alloc.XXXXXX)
chmod 755 "$WORK"
OUT=${OUT_DIR:-$BENCH_DIR/out/$(date +%Y%m%d-%H%M%S)-alloc}
mkdir -p "$OUT"
SERVICE_LOG=$OUT/service.log
read -r STANDIN_PORT HOP_PORT IDP_PORT SERVICE_PORT < <(free_ports 4)
make_identity "$IDP_PORT"
start_nginx "$STANDIN_PORT" "$HOP_PORT" "$IDP_PORT"
start_service "$SERVICE_PORT" "${JAVA_FLAGS[@]}"
require_mapped_cache
SEARCH_URL=$SERVICE_URL/customers/search
SEARCH_BODY=$BENCH_DIR/search-request.json
warm_up_service "$SEARCH_URL" "$SEARCH_BODY" "$TOKEN" "$SERVICE_PID" warmup

allocated() { # -> bytes allocated so far by the JVM's live threads
    "$JCMD" "$SERVICE_PID" Thread.print -e | awk '
        { for (i = 1; i <= NF; i++) if ($i ~ /^allocated=/) { v = substr($i, 11); n = v + 0
            if (v ~ /G$/) n *= 1073741824; else if (v ~ /M$/) n *= 1048576; else if (v ~ /K$/) n *= 1024; s += n } }
        END { printf "%.0f\n", s }'
}
switches() { # -> context switches so far of the JVM's live threads (a thread woken up, or put off its CPU)
    cat /proc/"$SERVICE_PID"/task/*/status 2>/dev/null | awk '/ctxt_switches/ { s += $2 } END { print s }'
}
young_gcs() { # -> "collections seconds" of the young generation
    "$JSTAT" -gc "$SERVICE_PID" | awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i } NR == 2 { print $col["YGC"], $col["YGCT"] }'
}

{
    echo "### Allocation per search: $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "\`java ${JAVA_FLAGS[*]/#@$PROJECT_DIR\//@} -jar quarkus-run.jar\` ($APP_JAR); $AOT_STATUS; warm-up ${WARMUP_S} s; wrk $DURATION per row."
    echo
    echo "| conns | searches | KB allocated per search | context switches per search | req/s | p50 ms | p99 ms | young GCs | their pauses, ms total | other processes' CPU % |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} | tee "$OUT/alloc.md"
for conns in 1 50; do
    threads=$((conns == 1 ? 1 : 2))
    a0=$(allocated); l0=$(standin_lines); read -r g0 t0 < <(young_gcs); s0=$(switches)
    run_wrk "alloc-c$conns" "$threads" "$conns" "$DURATION" "$SEARCH_URL" "$SEARCH_BODY" "$TOKEN"
    a1=$(allocated); l1=$(standin_lines); read -r g1 t1 < <(young_gcs); s1=$(switches)
    ((R_non2xx + R_errors == 0)) || die "$((R_non2xx + R_errors)) failed searches: not a measurement of the search"
    awk -v c="$conns" -v n=$((l1 - l0)) -v b=$((a1 - a0)) -v s=$((s1 - s0)) -v r="$R_rps" -v p50="$R_p50_us" -v p99="$R_p99_us" \
        -v g=$((g1 - g0)) -v t0="$t0" -v t1="$t1" -v noise="$R_noise" 'BEGIN {
        printf "| %d | %d | %.1f | %.1f | %.0f | %.3f | %.3f | %d | %.1f | %s |\n", c, n, n ? b / n / 1024 : 0, n ? s / n : 0, r, p50 / 1000, p99 / 1000,
            g, (t1 - t0) * 1000, noise }' | tee -a "$OUT/alloc.md"
done
log "results: $OUT/alloc.md"
