#!/usr/bin/env bash
# The change path measured: unlocks with the PostgreSQL journal against a stand-in gateway that takes LOOKUP_MS per
# lookup and ACTIVATION_MS per activation, with one replica and then two on one PostgreSQL.
#
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bash bench/unlock.sh      # ~3 min; root (PostgreSQL runs as postgres)
#
# On loopback: a private PostgreSQL cluster (Debian's postgresql package, with pg_stat_statements), the stand-in
# (AotTraining stand-in: the gateway, every customer id u... a LOCKED wallet, and the identity provider that mints the
# token), and replicas A and B as shipped (`java -Xmx128m @docker/jvm.options -jar quarkus-run.jar`, AOT cache mapped
# or no report). Every request unlocks another wallet (bench/unlock.lua): lookup, deactivate, activate, confirming
# lookup, and the journal's rows.
#
# One CPU per replica. The Deployment gives each pod a 1-CPU limit (k8s/base/deployment.yaml), so replica A runs on
# CPU 0 and replica B on CPU 1 (`taskset`, from the JVM's start, so that it sizes itself for one CPU as in the pod).
# With 4 CPUs or more, wrk, PostgreSQL and the stand-in run on CPUs 2 and up, apart from both replicas; with fewer
# they share what the replicas leave, and then B's CPU is the one they were using while A ran alone: a second
# replica cannot add throughput there, and the report says so instead of a verdict. Without the pinning, one
# replica already uses every CPU and a second one has nothing to add: that would measure the machine, not the
# replicas.
#
# Figures:
#   - own time per unlock at 1 connection: the client's latency minus the stand-in's delays (2 x LOOKUP_MS +
#     2 x ACTIVATION_MS), p50 and p99; what is left is the service, PostgreSQL (its statements and the commits that
#     wait for the disk), loopback and the stand-in's own handling;
#   - the journal's part of it, from PostgreSQL itself (pg_stat_statements): statements per unlock, and how many of
#     them commit waiting for the disk; and what one such commit costs on this disk (pgbench, one-row UPDATE, 1
#     client, COMMIT_PROBE seconds), since that flush, not the statement, is most of a statement's time;
#   - unlocks/s: A alone at CONNS connections, A alone at 2 x CONNS, then A and B together at CONNS each. The two
#     runs of A show where one replica tops out (its own CPU): throughput = connections / latency only holds while
#     it has CPU to spare, so comparing at one fixed total of connections would show no growth for any service,
#     and comparing at a growing total without A's ceiling would show growth for any service. Growth is A + B over
#     the better of A's two runs, at the same 2 x CONNS connections;
#   - that the replicas do not queue on each other in PostgreSQL: statements per unlock in each run (no extra
#     polling or retries with two) and the share of samples (every 50 ms) in which a replica's statement waited for
#     a lock.
# Knobs: LOOKUP_MS=20 ACTIVATION_MS=40 DURATION=20s CONNS=64 WARMUP=20s COMMIT_PROBE=5 OUT_DIR=... KEEP_WORK=0
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

LOOKUP_MS=${LOOKUP_MS:-20}
ACTIVATION_MS=${ACTIVATION_MS:-40}
DURATION=${DURATION:-20s}
CONNS=${CONNS:-64}
WARMUP=${WARMUP:-20s}
COMMIT_PROBE=${COMMIT_PROBE:-5}
GATEWAY_MS=$((2 * LOOKUP_MS + 2 * ACTIVATION_MS))

install_traps
(($(java_feature) >= 25)) || die "refusing to report: no mapped AOT cache. JDK $(java_feature); JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64"
[[ $(id -u) == 0 ]] || die "run as root: the private PostgreSQL cluster runs as user postgres"
(($(nproc) >= 2)) || die "two replicas on one CPU each need 2 CPUs; this machine has $(nproc)"
command -v taskset >/dev/null || die "taskset (util-linux) is required: each replica gets one CPU"
ensure_tools
build_if_needed
# Everything this script starts from here on (PostgreSQL, the stand-in, wrk) inherits this; the replicas get their own.
CPUS=$(nproc)
REST_CPUS="" REST_WHERE="on any CPU"
if ((CPUS >= 4)); then REST_CPUS=2-$((CPUS - 1)) REST_WHERE="on CPUs 2-$((CPUS - 1))"; taskset -p -c "$REST_CPUS" $$ >/dev/null; fi
WORK=$(mktemp -d /tmp/wallet-care-unlock.XXXXXX)
chmod 755 "$WORK"
OUT=${OUT_DIR:-$BENCH_DIR/out/$(date +%Y%m%d-%H%M%S)-unlock}
mkdir -p "$OUT"
bench_cleanup_more() { pg_stop "$WORK/pg/data"; }

read -r STANDIN_PORT PG_PORT A_PORT B_PORT < <(free_ports 4)
PG_EXTRA="-c shared_preload_libraries=pg_stat_statements" pg_start "$WORK/pg/data" "$PG_PORT"
pgq() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d wallet_care -tAc "$1"; }
pgq "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
log "PostgreSQL up on 127.0.0.1:$PG_PORT"

# What one commit that waits for the disk costs here: a one-row UPDATE, one client, each its own transaction.
probe_commits() { # -> COMMIT_P50 COMMIT_P99 (ms)
    # in the cluster's postgres database, beside the service's: the same WAL, the same disk
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE TABLE IF NOT EXISTS bench_commit_probe (id int PRIMARY KEY, n bigint);
        INSERT INTO bench_commit_probe VALUES (1, 0) ON CONFLICT DO NOTHING" >/dev/null
    echo "UPDATE bench_commit_probe SET n = n + 1 WHERE id = 1;" > "$WORK/probe.sql"
    (cd "$WORK" && "$PGBIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U postgres -n -M prepared -c1 -T"$COMMIT_PROBE" \
        -f probe.sql -l --log-prefix=commits postgres > "$WORK/probe.out" 2>&1) || die "pgbench failed: $(tail -3 "$WORK/probe.out")"
    read -r COMMIT_P50 COMMIT_P99 COMMIT_N < <(cat "$WORK"/commits.* | awk '{ print $3 / 1000 }' | sort -n \
        | awk '{ a[NR] = $1 } END { printf "%.2f %.2f %d\n", a[int(NR * 0.5) + 1], a[int(NR * 0.99) + 1], NR }')
    rm -f "$WORK"/commits.*
}

# The journal's statements since the last reset, per unlock: all of them, and those whose commit waits for the disk
# (writes, less those that set synchronous_commit off for themselves: their FROM item not_awaited, journal/Commits.java).
stmt_reset() { pgq "SELECT pg_stat_statements_reset()" >/dev/null; }
stmt_per_unlock() { # unlocks -> STMTS WAITED (per unlock, 1 decimal)
    read -r STMTS WAITED < <(pgq "SELECT coalesce(sum(calls), 0), coalesce(sum(calls) FILTER (WHERE query ~* '^\s*(INSERT|UPDATE|DELETE|WITH)'
            AND query !~ 'not_awaited'), 0) FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid
            WHERE r.rolname = 'wallet_care'" | awk -F'|' -v n="$1" '{ printf "%.1f %.1f\n", $1 / n, $2 / n }')
}

# Lock waits of the replicas' statements, sampled every 50 ms until the file $1.stop exists -> LOCK_SAMPLES in $1
sample_locks() {
    local file=$1 waiting
    : > "$file"
    while [[ ! -e $file.stop ]]; do
        waiting=$(pgq "SELECT count(*) FROM pg_stat_activity WHERE usename = 'wallet_care' AND wait_event_type = 'Lock'" 2>/dev/null || echo x)
        echo "$waiting" >> "$file"
        sleep 0.05
    done
}
locks_seen() { awk '$1 != "x" { n++; if ($1 > 0) w++ } END { printf "%d of %d", w, n }' "$1"; }

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
start_replica() { # name port cpu -> SERVICE_PID
    SERVICE_ENV=(HOSTNAME="$1" CARE_CHANGES_PER_AGENT_PER_MINUTE=100000000
        QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/wallet_care"
        QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/wallet_care"
        QUARKUS_DATASOURCE_USERNAME=wallet_care QUARKUS_DATASOURCE_PASSWORD=wc)
    SERVICE_PREFIX=(taskset -c "$3")
    SERVICE_LOG=$OUT/$1.log
    start_service "$2" "${JAVA_FLAGS[@]}"
    require_mapped_cache
    grep -q 'Care journal: PostgreSQL' "$SERVICE_LOG" || die "$1 is not on the PostgreSQL journal: $(grep -m1 'Care journal' "$SERVICE_LOG")"
    [[ $(taskset -p "$SERVICE_PID" | awk '{ print $NF }') == "$(printf '%x' $((1 << $3)))" ]] || die "$1 is not on CPU $3"
}
start_replica replica-b "$B_PORT" 1
B_PID=$SERVICE_PID B_URL=$SERVICE_URL
EXTRA_PIDS+=("$B_PID")
start_replica replica-a "$A_PORT" 0
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

L0=$(load); probe_commits
log "commits that wait for the disk: p50 $COMMIT_P50 ms, p99 $COMMIT_P99 ms ($COMMIT_N in ${COMMIT_PROBE} s)"

L1=$(load); stmt_reset; unlocks a-c1 1 1 "$A_URL/customers/x"
C1_P50=$R_p50_us C1_P99=$R_p99_us C1_RPS=$R_rps C1_BAD=$((R_non2xx + R_errors)) C1_N=$R_requests C1_NOISE=$R_noise
stmt_per_unlock "$C1_N"; C1_STMTS=$STMTS C1_WAITED=$WAITED

L2=$(load); stmt_reset; unlocks a-c$CONNS 2 "$CONNS" "$A_URL/customers/x"
ONE_RPS=$R_rps ONE_P50=$R_p50_us ONE_P99=$R_p99_us ONE_BAD=$((R_non2xx + R_errors)) ONE_NOISE=$R_noise
stmt_per_unlock "$R_requests"; ONE_STMTS=$STMTS

conns2=$((2 * CONNS))
L3=$(load); stmt_reset; unlocks a-c$conns2 2 "$conns2" "$A_URL/customers/x"
ONE2_RPS=$R_rps ONE2_P50=$R_p50_us ONE2_P99=$R_p99_us ONE2_BAD=$((R_non2xx + R_errors)) ONE2_NOISE=$R_noise
stmt_per_unlock "$R_requests"; ONE2_STMTS=$STMTS

# both replicas at once, CONNS each; the wrk on B runs beside run_wrk's on A
L4=$(load); stmt_reset
sample_locks "$WORK/locks" & SAMPLER=$!
EXTRA_PIDS+=("$SAMPLER")
BENCH_PREFIX=b$RANDOM BENCH_TOKEN=$TOKEN wrk -t2 -c"$CONNS" -d"$DURATION" --latency -s "$WRK_SCRIPT" "$B_URL/customers/x" \
    > "$OUT/wrk-b-c$CONNS.txt" 2>&1 &
WRK_B=$!
EXTRA_PIDS+=("$WRK_B")
unlocks a-c$CONNS-with-b 2 "$CONNS" "$A_URL/customers/x"
TWO_A_RPS=$R_rps TWO_A_P50=$R_p50_us TWO_A_P99=$R_p99_us TWO_BAD=$((R_non2xx + R_errors)) TWO_NOISE=$R_noise TWO_A_N=$R_requests
wait "$WRK_B" || die "wrk on B failed: $(cat "$OUT/wrk-b-c$CONNS.txt")"
touch "$WORK/locks.stop"; wait "$SAMPLER" || true
line=$(grep '^BENCH ' "$OUT/wrk-b-c$CONNS.txt") || die "wrk on B printed no result"
for kv in ${line#BENCH }; do printf -v "B_${kv%%=*}" '%s' "${kv#*=}"; done
TWO_RPS=$(awk -v a="$TWO_A_RPS" -v b="$B_rps" 'BEGIN { printf "%.1f", a + b }')
TWO_BAD=$((TWO_BAD + B_non2xx + B_connect_errors + B_read_errors + B_write_errors + B_timeouts))
stmt_per_unlock $((TWO_A_N + B_requests)); TWO_STMTS=$STMTS
LOCKS=$(locks_seen "$WORK/locks")
BEST_ONE=$(awk -v a="$ONE_RPS" -v b="$ONE2_RPS" 'BEGIN { print (a > b) ? a : b }')

# the journal's view, once the unlocks wrk left in flight have ended (at most 30 s): every one finished, and how
for ((i = 0; i < 300; i++)); do [[ $(pgq "SELECT count(*) FROM wallet_change WHERE finished_at IS NULL") == 0 ]] && break; sleep 0.1; done
OPEN=$(pgq "SELECT count(*) FROM wallet_change WHERE finished_at IS NULL")
JOURNAL=$(pgq "SELECT outcome || ' ' || count(*) FROM wallet_change WHERE action = 'UNLOCK' GROUP BY outcome ORDER BY 1" | paste -sd';')
RSS_A=$(rss_mb "$SERVICE_PID") RSS_B=$(rss_mb "$B_PID")

{
    echo "### Unlocks with the PostgreSQL journal: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo
    echo "Stand-in gateway: lookup ${LOOKUP_MS} ms, activation ${ACTIVATION_MS} ms, so ${GATEWAY_MS} ms of gateway time per unlock (lookup, deactivate, activate, confirming lookup). PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on loopback; a commit that waits for the disk takes p50 **$COMMIT_P50 ms**, p99 $COMMIT_P99 ms here (pgbench, load average $L0). Replicas: \`java ${JAVA_FLAGS[*]/#@$PROJECT_DIR\//@} -jar quarkus-run.jar\`, $AOT_STATUS, A on CPU 0 and B on CPU 1 (one CPU each, as the pod's limit), wrk, PostgreSQL and the stand-in $REST_WHERE. wrk $DURATION per row, every request a different LOCKED wallet; $("$JAVA_BIN" -version 2>&1 | sed -n 2p); $(nproc) CPUs."
    echo
    echo "| run | unlocks/s | p50 ms | p99 ms | own p50 ms | own p99 ms | journal statements per unlock | non-2xx / errors | load average before | other processes' CPU % |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---|---:|"
    echo "| replica A, 1 connection ($C1_N unlocks) | $(printf '%.1f' "$C1_RPS") | $(ms "$C1_P50") | $(ms "$C1_P99") | **$(own "$C1_P50")** | **$(own "$C1_P99")** | $C1_STMTS ($C1_WAITED wait for the disk) | $C1_BAD | $L1 | $C1_NOISE |"
    echo "| replica A, $CONNS connections | **$(printf '%.1f' "$ONE_RPS")** | $(ms "$ONE_P50") | $(ms "$ONE_P99") | $(own "$ONE_P50") | $(own "$ONE_P99") | $ONE_STMTS | $ONE_BAD | $L2 | $ONE_NOISE |"
    echo "| replica A, $conns2 connections | **$(printf '%.1f' "$ONE2_RPS")** | $(ms "$ONE2_P50") | $(ms "$ONE2_P99") | $(own "$ONE2_P50") | $(own "$ONE2_P99") | $ONE2_STMTS | $ONE2_BAD | $L3 | $ONE2_NOISE |"
    echo "| replicas A + B, $CONNS connections each | **$TWO_RPS** ($(printf '%.1f' "$TWO_A_RPS") + $(printf '%.1f' "$B_rps")) | A $(ms "$TWO_A_P50"), B $(ms "$B_p50_us") | A $(ms "$TWO_A_P99"), B $(ms "$B_p99_us") | | | $TWO_STMTS | $TWO_BAD | $L4 | $TWO_NOISE (A's run) |"
    echo
    if [[ -n $REST_CPUS ]]; then
        growth=$(awk -v a="$BEST_ONE" -v b="$TWO_RPS" 'BEGIN { printf "%s (x%.2f)", (b > a) ? "yes" : "**no**", b / a }')
    else
        growth=$(awk -v a="$BEST_ONE" -v b="$TWO_RPS" -v c="$CPUS" 'BEGIN { printf "x%.2f, **not a verdict**: on %d CPUs wrk, PostgreSQL and the stand-in run on the CPU that B takes (4 CPUs or more keep them apart)", b / a, c }')
    fi
    echo "Goal: own time ≤ 3 ms p50 per unlock: $(awk -v o="$(own "$C1_P50")" 'BEGIN { print (o <= 3) ? "PASS" : "**MISS**" }'); unlocks/s grows with the second replica (A + B over A's better run, both at $conns2 connections): $growth."
    awk -v a="$ONE_RPS" -v b="$ONE2_RPS" -v c="$CONNS" 'BEGIN { if (b > 1.1 * a) printf "A alone was not at its ceiling at %d connections (%.0f unlocks/s at twice as many): the growth above is not a measure of the second replica; run again with a larger CONNS.\n", c, b }'
    echo "Replicas waiting for a lock in PostgreSQL during A + B: $LOCKS samples (every 50 ms)."
    echo "Journal: $JOURNAL; open rows 30 s after the last request at most: $OPEN. RSS after: A ${RSS_A} MB, B ${RSS_B} MB. Load average at the end: $(load)."
} | tee "$OUT/results.md"
log "results: $OUT/results.md"
