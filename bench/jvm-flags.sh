#!/usr/bin/env bash
# Measure JVM flag variants for the service against the same nginx stand-in + identity provider as run.sh:
# start-up (log "started in", median of STARTS launches), RSS idle after start, then on the last launch a warm-up,
# 50-connection throughput and 1-connection latency, and RSS after the load.
#
#   bash bench/jvm-flags.sh                                   # the default variants below
#   bash bench/jvm-flags.sh 'serial=-XX:+UseSerialGC' ...     # label=flags (every variant also gets -Xmx128m)
#   APP_JAR=/path/to/quarkus-app/quarkus-run.jar bash bench/jvm-flags.sh ...   # another build (e.g. with AppCDS)
# The service runs from its application folder (lib.sh), so -XX:AOTCache=app.aot names the build's AOT cache; a cache
# is only used with the object-header flag it was trained with (docker/jvm.options).
# NMT=1 adds -XX:NativeMemoryTracking=summary to every variant and records, after the load, where the committed
# memory is (jcmd VM.native_memory summary, MB) and the thread count: bench/out/<time>-jvm-flags/nmt.md.
# Knobs: STARTS=3 WARMUP=auto DURATION=10s WAIT_QUIET=0 NMT=0
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

STARTS=${STARTS:-3}
WARMUP=${WARMUP:-auto}
DURATION=${DURATION:-10s}
NMT=${NMT:-0}
if (($# == 0)); then # the memory diet of docker/jvm.options, one step at a time (JDK 25)
    set -- \
        'jdk-defaults=' \
        'compact-headers=-XX:+UseCompactObjectHeaders' \
        'serial=-XX:+UseCompactObjectHeaders -XX:+UseSerialGC' \
        'aot=-XX:+UseCompactObjectHeaders -XX:+UseSerialGC -XX:AOTCache=app.aot' \
        'jvm.options=@'"$PROJECT_DIR"'/docker/jvm.options'
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

# nmt_line label rss: one table row — RSS split into anonymous and file-backed pages (the AOT cache is a mapped file),
# then where `jcmd VM.native_memory summary` says memory is committed (MB), and the thread count
nmt_line() {
    "${JAVA_HOME:+$JAVA_HOME/bin/}jcmd" "$SERVICE_PID" VM.native_memory summary > "$OUT/nmt-$1.txt" 2>&1 || true
    awk -v label="$1" -v rss="$2" -v threads="$(ls /proc/"$SERVICE_PID"/task | wc -l)" \
        -v anon="$(awk '/^RssAnon/ { print $2 / 1024 }' /proc/"$SERVICE_PID"/status)" \
        -v file="$(awk '/^RssFile/ { print $2 / 1024 }' /proc/"$SERVICE_PID"/status)" '
        function mb(line) { sub(/.*committed=/, "", line); sub(/KB.*/, "", line); return line / 1024 }
        /^Total: /                 { total = mb($0) }
        /^-  *Java Heap /          { heap = mb($0) }
        /^-  *(Class|Metaspace) /  { class += mb($0) }
        /^-  *Shared class space / { shared = mb($0) }
        /^-  *Code /               { code = mb($0) }
        /^-  *Thread /             { thread = mb($0) }
        /^-  *GC /                 { gc = mb($0) }
        END { other = total - heap - class - shared - code - thread - gc
              printf "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %d |\n",
                  label, rss, anon, file, total, heap, class, shared, code, thread, gc, other, threads }' "$OUT/nmt-$1.txt"
}

median() { tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

{
    echo "| variant (all: -Xmx128m) | start-up s (median of $STARTS) | first answer s | RSS idle MB | warm-up s | req/s 50 conns | p99 ms 50 conns | p50 ms 1 conn | p99 ms 1 conn | RSS after load MB | other CPU % |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} | tee "$OUT/jvm-flags.md"
if ((NMT)); then
    echo "| variant | RSS MB | of it anonymous | of it files | NMT committed | heap | class metadata | CDS/AOT archive | code | thread stacks | GC | other | threads |" > "$OUT/nmt.md"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" >> "$OUT/nmt.md"
fi
for variant in "$@"; do
    label=${variant%%=*} flags=${variant#*=}
    # shellcheck disable=SC2206
    java_flags=(-Xmx128m $flags)
    ((NMT)) && java_flags+=(-XX:NativeMemoryTracking=summary)
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
    if ((NMT)); then nmt_line "$label" "$rss_after" >> "$OUT/nmt.md"; fi
    stop_service
    printf '| %s `%s` | %s | %s | %s | %s | %.0f%s | %.2f | %.3f | %.3f | %s | %s |\n' "$label" "${flags:-}" \
        "$(echo "${starts[*]}" | median)" "$(echo "${firsts[*]}" | median)" "$(echo "${idles[*]}" | median)" "$WARMUP_S" \
        "$rps50" "$( ((bad)) && echo " ($bad non-2xx/errors)" || true)" \
        "$(awk -v v="$p99_50" 'BEGIN{print v/1000}')" "$(awk -v v="$R_p50_us" 'BEGIN{print v/1000}')" \
        "$(awk -v v="$R_p99_us" 'BEGIN{print v/1000}')" "$rss_after" "$noise" | tee -a "$OUT/jvm-flags.md"
done
echo "CPUs busy with other processes before: ${BUSY_AT_START} %; after: $(cpu_busy_pct) %" | tee -a "$OUT/jvm-flags.md"
if ((NMT)); then cat "$OUT/nmt.md"; fi
log "results: $OUT/jvm-flags.md"
