#!/usr/bin/env bash
# Measure JVM flag variants for the service against the same nginx stand-in + identity provider as run.sh:
# start-up (log "started in", median of STARTS launches), RSS idle after start, then on the last launch a warm-up,
# 50-connection throughput and 1-connection latency, and RSS after the load.
#
#   bash bench/jvm-flags.sh                                   # the default variants below
#   bash bench/jvm-flags.sh 'serial=-XX:+UseSerialGC' ...     # label=flags (every variant also gets -Xmx128m)
#   APP_JAR=/path/to/quarkus-app/quarkus-run.jar bash bench/jvm-flags.sh ...   # another build (e.g. with AppCDS)
# Knobs: STARTS=3 WARMUP=auto DURATION=10s WAIT_QUIET=0
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

STARTS=${STARTS:-3}
WARMUP=${WARMUP:-auto}
DURATION=${DURATION:-10s}
if (($# == 0)); then
    set -- \
        'baseline=' \
        'serial=-XX:+UseSerialGC' \
        'c1=-XX:TieredStopAtLevel=1' \
        'serial+c1=-XX:+UseSerialGC -XX:TieredStopAtLevel=1' \
        'serial+xmx64+trim=-XX:+UseSerialGC -Xmx64m -XX:TrimNativeHeapInterval=5000' \
        'lean=-XX:+UseSerialGC -Xmx64m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m -XX:TrimNativeHeapInterval=5000'
fi

install_traps
ensure_tools
build_if_needed
wait_for_quiet
WORK=$(mktemp -d /tmp/wallet-care-bench.XXXXXX)
chmod 755 "$WORK"
OUT=${OUT_DIR:-$BENCH_DIR/out/$(date +%Y%m%d-%H%M%S)-jvm-flags}
mkdir -p "$OUT"
read -r STANDIN_PORT HOP_PORT IDP_PORT SERVICE_PORT < <(free_ports 4)
make_identity "$IDP_PORT"
start_nginx "$STANDIN_PORT" "$HOP_PORT" "$IDP_PORT"

median() { tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

{
    echo "| variant (all: -Xmx128m) | start-up s (median of $STARTS) | first answer s | RSS idle MB | warm-up s | req/s 50 conns | p99 ms 50 conns | p50 ms 1 conn | p99 ms 1 conn | RSS after load MB | other CPU % |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} | tee "$OUT/jvm-flags.md"
for variant in "$@"; do
    label=${variant%%=*} flags=${variant#*=}
    # shellcheck disable=SC2206
    java_flags=(-Xmx128m $flags)
    starts=() firsts=() idles=()
    for ((s = 1; s <= STARTS; s++)); do
        SERVICE_LOG=$OUT/service-$label-$s.log
        start_service "$SERVICE_PORT" "${java_flags[@]}"
        starts+=("$STARTUP_S") firsts+=("$FIRST_ANSWER_S")
        sleep 1
        idles+=("$(rss_mb "$SERVICE_PID")")
        if ((s < STARTS)); then stop_service; fi
    done
    warm_up_service "$SERVICE_URL/customers/search" "$BENCH_DIR/search-request.json" "$TOKEN" "$SERVICE_PID"
    run_wrk "$label-c50" 2 50 "$DURATION" "$SERVICE_URL/customers/search" "$BENCH_DIR/search-request.json" "$TOKEN"
    rps50=$R_rps p99_50=$R_p99_us bad=$((R_non2xx + R_errors)) noise=$R_noise
    run_wrk "$label-c1" 1 1 "$DURATION" "$SERVICE_URL/customers/search" "$BENCH_DIR/search-request.json" "$TOKEN"
    bad=$((bad + R_non2xx + R_errors)); if ((R_noise > noise)); then noise=$R_noise; fi
    rss_after=$(rss_mb "$SERVICE_PID")
    stop_service
    printf '| %s `%s` | %s | %s | %s | %s | %.0f%s | %.2f | %.3f | %.3f | %s | %s |\n' "$label" "${flags:-}" \
        "$(echo "${starts[*]}" | median)" "$(echo "${firsts[*]}" | median)" "$(echo "${idles[*]}" | median)" "$WARMUP_S" \
        "$rps50" "$( ((bad)) && echo " ($bad non-2xx/errors)" || true)" \
        "$(awk -v v="$p99_50" 'BEGIN{print v/1000}')" "$(awk -v v="$R_p50_us" 'BEGIN{print v/1000}')" \
        "$(awk -v v="$R_p99_us" 'BEGIN{print v/1000}')" "$rss_after" "$noise" | tee -a "$OUT/jvm-flags.md"
done
echo "CPUs busy with other processes before: ${BUSY_AT_START} %; after: $(cpu_busy_pct) %" | tee -a "$OUT/jvm-flags.md"
log "results: $OUT/jvm-flags.md"
