# Shared functions of the Wallet Care BFF benchmark (sourced by run.sh, unlock.sh, jvm-flags.sh and the replica checks
# in ops/replica-checks; not run on its own).
# Every process started here is recorded and ended by bench_cleanup, which the callers install as an EXIT trap.
# shellcheck shell=bash

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJECT_DIR=$(cd "$BENCH_DIR/.." && pwd)

NGINX_BIN=""
NGINX_PID=""
SERVICE_PID=""
PEER_PID=""
WRK_PID=""
EXTRA_PIDS=()    # further processes of a caller (unlock.sh: a second replica, the stand-in), ended like the others
SERVICE_ENV=()   # extra NAME=value settings for start_service (unlock.sh: the datasource)
SERVICE_PREFIX=() # a command the service's java runs under (unlock.sh: taskset -c N, one CPU per replica)
WORK=""          # temp prefix dir: nginx config, logs, keys; removed on exit
KEEP_WORK=${KEEP_WORK:-0}

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }

# ---------------------------------------------------------------------------------------------------------------
# cleanup: wrk, java, nginx (by recorded pid only), then the temp dir
# ---------------------------------------------------------------------------------------------------------------
stop_pid() { # pid, name, seconds to wait after TERM
    local pid=$1 name=$2 wait_s=${3:-10} i
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < wait_s * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.1
    done
    log "$name ($pid) ignored TERM, killing it"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

stop_service() {
    stop_pid "$SERVICE_PID" "service" 10
    SERVICE_PID=""
}

stop_peer() {
    stop_pid "$PEER_PID" "peer" 10
    PEER_PID=""
}

bench_cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_pid "$WRK_PID" "wrk" 2
    stop_service
    stop_peer
    local pid
    for pid in "${EXTRA_PIDS[@]}"; do stop_pid "$pid" "process" 10; done
    if declare -F bench_cleanup_more >/dev/null; then bench_cleanup_more || true; fi
    if [[ -z "$NGINX_PID" && -n "$WORK" && -s "$WORK/nginx.pid" ]]; then NGINX_PID=$(cat "$WORK/nginx.pid"); fi
    stop_pid "$NGINX_PID" "nginx" 5
    if [[ -n "$WORK" && -d "$WORK" ]]; then
        if [[ "$KEEP_WORK" == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    fi
    exit "$rc"
}

install_traps() {
    trap bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}

# ---------------------------------------------------------------------------------------------------------------
# tools
# ---------------------------------------------------------------------------------------------------------------
ensure_tools() {
    local missing=() sudo=""
    command -v wrk >/dev/null || missing+=(wrk)
    if command -v nginx >/dev/null; then NGINX_BIN=$(command -v nginx)
    elif [[ -x /usr/sbin/nginx ]]; then NGINX_BIN=/usr/sbin/nginx
    else missing+=(nginx); fi
    for tool in "$JAVA_BIN" curl openssl xxd base64; do
        command -v "$tool" >/dev/null || die "$tool is required"
    done
    if ((${#missing[@]})); then
        if [[ $(id -u) != 0 ]]; then command -v sudo >/dev/null || die "need root or sudo to install ${missing[*]}"; sudo=sudo; fi
        log "installing ${missing[*]} with apt-get"
        if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
            log "apt-get update (package lists do not know ${missing[*]})"
            $sudo apt-get update -q >&2
        fi
        # nginx's Debian package tries to start a system nginx on :80; policy-rc.d tells it not to.
        local policy=/usr/sbin/policy-rc.d created_policy=0
        if [[ ! -e $policy ]]; then printf '#!/bin/sh\nexit 101\n' | $sudo tee $policy >/dev/null; $sudo chmod +x $policy; created_policy=1; fi
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >&2 || { ((created_policy)) && $sudo rm -f $policy; die "apt-get install failed"; }
        ((created_policy)) && $sudo rm -f $policy
        NGINX_BIN=$(command -v nginx || echo /usr/sbin/nginx)
    fi
}

# ---------------------------------------------------------------------------------------------------------------
# build
# ---------------------------------------------------------------------------------------------------------------
APP_JAR=${APP_JAR:-$PROJECT_DIR/target/quarkus-app/quarkus-run.jar}
# The JVM that runs the service (and the peer), and the options it runs with: JAVA_HOME's java, as ./mvnw uses it.
JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}java
JVM_OPTIONS=${JVM_OPTIONS-$PROJECT_DIR/docker/jvm.options}

java_feature() { "$JAVA_BIN" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

# BUILD=auto (default: missing jar, sources newer than it, or on JDK 24+ no AOT cache beside it) | always | never.
# The build is `./mvnw package` without the tests: on JDK 24+ it includes the training run that writes the AOT cache
# (pom.xml, profile "aot"; com.walletcare.bff.aot.AotTraining).
build_if_needed() {
    local mode=${BUILD:-auto} reason="" aot
    aot=$(dirname "$APP_JAR")/app.aot
    if [[ "$APP_JAR" != "$PROJECT_DIR/target/quarkus-app/quarkus-run.jar" ]]; then
        [[ -f "$APP_JAR" ]] || die "APP_JAR=$APP_JAR does not exist"
        return 0
    fi
    if [[ $mode == always ]]; then reason="BUILD=always"
    elif [[ ! -f "$APP_JAR" ]]; then reason="no $APP_JAR"
    elif [[ $mode == auto && -n $(find "$PROJECT_DIR/src/main" "$PROJECT_DIR/pom.xml" -newer "$APP_JAR" -print -quit) ]]; then
        reason="sources newer than the jar"
    elif (($(java_feature) >= 24)) && [[ ! -f "$aot" || "$aot" -ot "$APP_JAR" ]]; then
        reason="no AOT cache for the jar"
    fi
    if [[ -n "$reason" && $mode != never ]]; then
        log "building the jar ($reason): ./mvnw -B -q package -DskipTests"
        (cd "$PROJECT_DIR" && ./mvnw -B -q package -DskipTests) >&2
    fi
    [[ -f "$APP_JAR" ]] || die "no jar at $APP_JAR"
}

# ---------------------------------------------------------------------------------------------------------------
# ports, keys, token
# ---------------------------------------------------------------------------------------------------------------
free_ports() { # n -> n distinct free loopback ports, space separated (never 8080/8089/7777: the OS hands out ephemeral ones)
    local n=$1
    if command -v python3 >/dev/null && python3 -c 'pass' 2>/dev/null; then
        python3 - "$n" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks: s.close()
PY
    else
        local ports=() p
        while ((${#ports[@]} < n)); do
            p=$((20000 + RANDOM % 30000))
            [[ " ${ports[*]} " == *" $p "* ]] && continue
            (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue   # something answers: taken
            ports+=("$p")
        done
        echo "${ports[*]}"
    fi
}

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# identity_keys key-file issuer -> JWKS_JSON, DISCOVERY_JSON for an RSA key (made if the file is missing), kid "bench"
identity_keys() {
    local key=$1 issuer=$2 n e_hex e
    [[ -f $key ]] || openssl genrsa -out "$key" 2048 2>/dev/null
    n=$(openssl rsa -in "$key" -noout -modulus | sed 's/^Modulus=//' | xxd -r -p | b64url)
    e_hex=$(openssl rsa -in "$key" -noout -text 2>/dev/null | sed -n 's/^publicExponent: [0-9]* (0x\([0-9a-fA-F]*\)).*/\1/p')
    ((${#e_hex} % 2)) && e_hex="0$e_hex"
    e=$(printf '%s' "$e_hex" | xxd -r -p | b64url)
    JWKS_JSON='{"keys":[{"kty":"RSA","kid":"bench","use":"sig","alg":"RS256","n":"'"$n"'","e":"'"$e"'"}]}'
    DISCOVERY_JSON='{"issuer":"'"$issuer"'","jwks_uri":"'"$issuer"'/jwks",'
    DISCOVERY_JSON+='"authorization_endpoint":"'"$issuer"'/protocol/openid-connect/auth",'
    DISCOVERY_JSON+='"token_endpoint":"'"$issuer"'/protocol/openid-connect/token",'
    DISCOVERY_JSON+='"response_types_supported":["code"],"subject_types_supported":["public"],'
    DISCOVERY_JSON+='"id_token_signing_alg_values_supported":["RS256"]}'
}

# mint_token key-file issuer subject [seconds valid, 3600] -> an RS256 token: aud wallet-care-bff, groups [care-agent]
mint_token() {
    local key=$1 issuer=$2 sub=$3 ttl=${4:-3600} iat header claims input
    iat=$(date +%s)
    header=$(printf '%s' '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)
    claims=$(printf '{"iss":"%s","aud":"wallet-care-bff","sub":"%s","preferred_username":"%s","groups":["care-agent"],"iat":%d,"exp":%d}' \
        "$issuer" "$sub" "$sub" "$iat" $((iat + ttl)) | b64url)
    input="$header.$claims"
    printf '%s' "$input.$(printf '%s' "$input" | openssl dgst -sha256 -sign "$key" -binary | b64url)"
}

make_identity() { # idp-port -> sets ISSUER, JWKS_JSON, DISCOVERY_JSON, TOKEN (RS256, kid "bench", 1 h), in $WORK
    local idp_port=$1 key=$WORK/idp-key.pem
    ISSUER="http://127.0.0.1:$idp_port/realms/bench"
    identity_keys "$key" "$ISSUER"
    TOKEN=$(mint_token "$key" "$ISSUER" bench-agent)
    # self-check: the token verifies against the public key we publish
    local signing_input=${TOKEN%.*} signature=${TOKEN##*.}
    openssl rsa -in "$key" -pubout -out "$WORK/idp-pub.pem" 2>/dev/null
    printf '%s' "$signature" | tr -- '-_' '+/' | awk '{ p = length($0) % 4; if (p) $0 = $0 substr("===", 1, 4 - p); print }' \
        | base64 -d > "$WORK/token.sig"
    printf '%s' "$signing_input" | openssl dgst -sha256 -verify "$WORK/idp-pub.pem" -signature "$WORK/token.sig" >/dev/null \
        || die "the minted token does not verify"
}

# ---------------------------------------------------------------------------------------------------------------
# PostgreSQL: a private cluster (Debian's postgresql package), run as user postgres, on loopback
# ---------------------------------------------------------------------------------------------------------------
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
# PG_EXTRA: further server options (unlock.sh: -c shared_preload_libraries=pg_stat_statements, to count statements)
pg_start() { # data-dir port -> a running cluster with role/database wallet_care (password wc)
    local data=$1 port=$2
    [[ -x $PGBIN/initdb ]] || die "no PostgreSQL binaries (apt-get install postgresql)"
    if [[ ! -d $data ]]; then
        mkdir -p "$data" && chown postgres:postgres "$data" "$(dirname "$data")"
        su postgres -c "$PGBIN/initdb -D $data -A trust -U postgres" >"$(dirname "$data")/initdb.log" 2>&1 || die "initdb failed"
    fi
    if ! su postgres -c "$PGBIN/pg_ctl -D $data status" >/dev/null 2>&1; then
        su postgres -c "$PGBIN/pg_ctl -D $data -l $data/../postgres.log -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c shared_buffers=32MB -c max_connections=60 ${PG_EXTRA:-}' -w start" >&2 \
            || die "pg_ctl start failed"
    fi
    psql -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='wallet_care'" | grep -q 1 \
        || psql -h 127.0.0.1 -p "$port" -U postgres -c "CREATE ROLE wallet_care LOGIN PASSWORD 'wc'" -c "CREATE DATABASE wallet_care OWNER wallet_care" >&2
}
pg_stop() { [[ -d $1 ]] && su postgres -c "$PGBIN/pg_ctl -D $1 -m fast -w stop" >&2 || true; }

# ---------------------------------------------------------------------------------------------------------------
# nginx: stand-in gateway + hop + identity provider
# ---------------------------------------------------------------------------------------------------------------
nginx_text() { # a JSON document for nginx's return '...': must be one line without ' \ $
    local text
    text=$(tr -d '\n' < "$1")
    [[ "$text" != *[\'\\\$]* ]] || die "$1 contains ' \\ or \$, which nginx's return '...' cannot carry as is"
    printf '%s' "$text"
}

start_nginx() { # standin_port hop_port idp_port
    local conf=$WORK/nginx.conf c
    c=$(<"$BENCH_DIR/nginx.conf.template")
    local lookup activation
    lookup=$(nginx_text "$BENCH_DIR/stand-in/lookup-response.json")
    activation=$(nginx_text "$BENCH_DIR/stand-in/activation-response.json")
    [[ "$JWKS_JSON$DISCOVERY_JSON" != *[\'\\\$]* ]] || die "identity documents contain ' \\ or \$"
    c=${c//@PREFIX@/"$WORK"}
    c=${c//@WORKERS@/"${NGINX_WORKERS:-auto}"}
    c=${c//@STANDIN_PORT@/"$1"}
    c=${c//@HOP_PORT@/"$2"}
    c=${c//@IDP_PORT@/"$3"}
    c=${c//@LOOKUP_RESPONSE@/"$lookup"}
    local repeated_key='}],"customerLookUpInfo":[{' one_key='},{'
    c=${c//@LOOKUP_RESPONSE_ONE_KEY@/"${lookup//"$repeated_key"/"$one_key"}"}
    c=${c//@ACTIVATION_RESPONSE@/"$activation"}
    c=${c//@OIDC_DISCOVERY@/"$DISCOVERY_JSON"}
    c=${c//@JWKS@/"$JWKS_JSON"}
    printf '%s\n' "$c" > "$conf"
    if LC_ALL=C grep -qE '@[A-Z_]+@' "$conf"; then die "unfilled placeholder in $conf"; fi
    mkdir -p "$WORK/logs"
    "$NGINX_BIN" -p "$WORK" -c "$conf" -e "$WORK/nginx-error.log" || die "nginx did not start: $(tail -5 "$WORK/nginx-error.log")"
    local i
    for ((i = 0; i < 50; i++)); do [[ -s "$WORK/nginx.pid" ]] && break; sleep 0.1; done
    NGINX_PID=$(cat "$WORK/nginx.pid")
    STANDIN_LOG=$WORK/stand-in.access.log
    # smoke test every canned answer
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
        --data-binary @"$BENCH_DIR/stand-in/lookup-request.json" "http://127.0.0.1:$1/b2b-gateway/customers/lookup")
    [[ $code == 200 ]] || die "stand-in lookup answered $code"
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST --data-binary @"$BENCH_DIR/stand-in/lookup-request.json" \
        "http://127.0.0.1:$2/b2b-gateway/customers/lookup")
    [[ $code == 200 ]] || die "nginx hop answered $code"
    curl -sf "$ISSUER/.well-known/openid-configuration" >/dev/null || die "identity provider discovery failed"
    curl -sf "$ISSUER/jwks" >/dev/null || die "identity provider JWKS failed"
    log "nginx up (pid $NGINX_PID): stand-in :$1, hop :$2, identity provider :$3"
}

standin_lines() { if [[ -f "$STANDIN_LOG" ]]; then wc -l < "$STANDIN_LOG"; else echo 0; fi; }

# ---------------------------------------------------------------------------------------------------------------
# the service
# ---------------------------------------------------------------------------------------------------------------
# wait_first_answer pid log t0-ms -> FIRST_ANSWER_S: launch to the first 2xx search, polled every 20 ms
wait_first_answer() {
    local pid=$1 log_file=$2 t0=$3 url=$4 i code=""
    for ((i = 0; i < 1500; i++)); do
        kill -0 "$pid" 2>/dev/null || { tail -30 "$log_file" >&2; die "the JVM exited during start-up ($log_file)"; }
        code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
            -H "Authorization: Bearer $TOKEN" --data-binary @"$BENCH_DIR/search-request.json" "$url/customers/search" || true)
        if [[ $code == 2* ]]; then break; fi
        sleep 0.02
    done
    [[ $code == 2* ]] || { tail -30 "$log_file" >&2; die "no 2xx search from $url after 30 s (last: $code)"; }
    FIRST_ANSWER_S=$(awk -v ms=$(($(now_ms) - t0)) 'BEGIN { printf "%.3f", ms / 1000 }')
}

# start_service port java-flags... -> SERVICE_PID, SERVICE_URL, FIRST_ANSWER_S (launch to the first 2xx search),
# STARTUP_S (Quarkus' own "started in"), AOT_STATUS. It runs `java <flags> -jar quarkus-run.jar` in the application
# folder, as the image does: docker/jvm.options names its AOT cache relative to it (and that folder has no .env or
# config/ that Quarkus would pick up).
start_service() {
    local port=$1; shift
    SERVICE_LOG=${SERVICE_LOG:-$WORK/service.log}
    : > "$SERVICE_LOG"
    local t0
    t0=$(now_ms)
    (cd "$(dirname "$APP_JAR")" && exec env \
        PAYDIANT_GATEWAY_URL="http://127.0.0.1:$STANDIN_PORT" \
        PAYDIANT_PARTNER_TOKEN=bench-token \
        QUARKUS_HTTP_HOST=127.0.0.1 \
        QUARKUS_HTTP_PORT="$port" \
        QUARKUS_MANAGEMENT_PORT=0 \
        QUARKUS_OIDC_AUTH_SERVER_URL="$ISSUER" \
        QUARKUS_OIDC_CLIENT_ID=wallet-care-bff \
        "${SERVICE_ENV[@]}" \
        "${SERVICE_PREFIX[@]}" "$JAVA_BIN" "$@" -jar "$(basename "$APP_JAR")") >"$SERVICE_LOG" 2>&1 &
    SERVICE_PID=$!
    SERVICE_URL="http://127.0.0.1:$port"
    wait_first_answer "$SERVICE_PID" "$SERVICE_LOG" "$t0" "$SERVICE_URL"
    STARTUP_S=$(sed -n 's/.*started in \([0-9.]*\)s.*/\1/p' "$SERVICE_LOG" | head -1)
    aot_status "$SERVICE_PID" "$@"
    # The answer must carry both of the seed's customers (the lookup repeats its customerLookUpInfo key).
    local answer code
    answer=$(curl -s -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
        --data-binary @"$BENCH_DIR/search-request.json" "$SERVICE_URL/customers/search" || true)
    [[ $answer == *'"count":2'* && $answer == *vmiTxZcaSEym* && $answer == *latYxDdNJhzm* ]] \
        || die "the search does not answer the seed's two customers: ${answer:0:300}"
    # Does it check the bearer token yet? (before the security commit it ignores it)
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
        --data-binary @"$BENCH_DIR/search-request.json" "$SERVICE_URL/customers/search" || true)
    if [[ $code == 401 ]]; then SECURITY="OIDC bearer token enforced (401 without it)"
    else SECURITY="token not checked (search without a token answers $code)"; fi
    log "service up (pid $SERVICE_PID) on :$port: first answer ${FIRST_ANSWER_S}s after launch (\"started in\" ${STARTUP_S}s); $AOT_STATUS; $SECURITY"
}

# ---------------------------------------------------------------------------------------------------------------
# the comparison peer (PEER_JAR: the Spring Boot WebFlux BFF the team compares with), run at its best: Spring Boot's own
# AOT-cache recipe (extract, one training run up to the refreshed context, then -XX:AOTCache), -Xmx128m like us.
# ---------------------------------------------------------------------------------------------------------------
PEER_JAR=${PEER_JAR:-}

# prepare_peer -> PEER_DIR with the extracted jar and its app.aot (not timed: it is the peer's build step)
prepare_peer() {
    PEER_DIR=$WORK/peer
    local jar
    jar=$(basename "$PEER_JAR")
    log "peer: extracting $PEER_JAR and training its AOT cache"
    "$JAVA_BIN" -Djarmode=tools -jar "$PEER_JAR" extract --destination "$PEER_DIR" >"$WORK/peer-extract.log" 2>&1 \
        || die "peer: extract failed: $(tail -5 "$WORK/peer-extract.log")"
    peer_env 0
    (cd "$PEER_DIR" && exec env "${PEER_ENV[@]}" "$JAVA_BIN" -Xmx128m -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh \
        -jar "$jar") >"$WORK/peer-training.log" 2>&1 || die "peer: training run failed: $(tail -5 "$WORK/peer-training.log")"
    [[ -f "$PEER_DIR/app.aot" ]] || die "peer: no app.aot after the training run"
}

peer_env() { # port -> PEER_ENV: the peer's configuration (its application.yml), against the same stand-in and keys
    PEER_ENV=(SERVER_PORT="$1" SERVER_ADDRESS=127.0.0.1 JWK_SET_URI="$ISSUER/jwks"
        PAYDIANT_GATEWAY_URL="http://127.0.0.1:$STANDIN_PORT/peer" PAYDIANT_PARTNER_TOKEN=bench-token PAYDIANT_PARTNER_ID=)
}

# start_peer port -> PEER_PID, PEER_URL, FIRST_ANSWER_S, STARTUP_S (Spring's "Started ... in")
start_peer() {
    local port=$1 t0
    PEER_LOG=$OUT/peer.log
    peer_env "$port"
    t0=$(now_ms)
    (cd "$PEER_DIR" && exec env "${PEER_ENV[@]}" "$JAVA_BIN" -Xmx128m -XX:AOTCache=app.aot -jar "$(basename "$PEER_JAR")") \
        >"$PEER_LOG" 2>&1 &
    PEER_PID=$!
    PEER_URL="http://127.0.0.1:$port"
    wait_first_answer "$PEER_PID" "$PEER_LOG" "$t0" "$PEER_URL"
    STARTUP_S=$(sed -n 's/.*Started .* in \([0-9.]*\) seconds.*/\1/p' "$PEER_LOG" | head -1)
    local answer
    answer=$(curl -s -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
        --data-binary @"$BENCH_DIR/search-request.json" "$PEER_URL/customers/search" || true)
    [[ $answer == *vmiTxZcaSEym* && $answer == *latYxDdNJhzm* ]] || die "peer: the search misses the seed's customers: ${answer:0:300}"
    if grep -q '\[aot\]' "$PEER_LOG"; then die "peer: AOT cache not used: $(grep -m1 '\[aot\]' "$PEER_LOG")"; fi
    log "peer up (pid $PEER_PID) on :$port: first answer ${FIRST_ANSWER_S}s after launch (\"Started in\" ${STARTUP_S}s)"
}

# aot_status pid java-flags... -> AOT_STATUS: "AOT cache mapped (<file>)" only when the JVM has the cache that its
# flags name (-XX:AOTCache=, directly or in an @argfile; relative to the application folder) mapped into its memory
# (/proc/<pid>/maps). A cache the JVM refuses (missing, another JDK build, other object-header or GC flags) is not
# mapped, and the JVM starts without it, several times slower, saying so only in one "[error][aot]" line.
aot_status() {
    local pid=$1 flag named=""; shift
    for flag in "$@"; do
        if [[ $flag == -XX:AOTCache=* ]]; then named=${flag#-XX:AOTCache=}
        elif [[ $flag == @* && -f ${flag#@} ]]; then
            named=$(sed -n 's/^[[:space:]]*-XX:AOTCache=\([^[:space:]]*\).*/\1/p' "${flag#@}" | tail -1)
        fi
    done
    if [[ -z $named ]]; then AOT_STATUS="no AOT cache named in the JVM flags"; return 0; fi
    [[ $named == /* ]] || named=$(dirname "$APP_JAR")/$named
    if [[ -f $named ]] && grep -qF " $(realpath "$named")" "/proc/$pid/maps" 2>/dev/null; then
        AOT_STATUS="AOT cache mapped ($named)"
    elif [[ ! -f $named ]]; then
        AOT_STATUS="AOT cache NOT mapped: there is no $named"
    else
        AOT_STATUS="AOT cache NOT mapped: the JVM refused $named ($(grep -m1 '\[aot\]' "$SERVICE_LOG" | cut -c1-200 || true))"
    fi
}

# require_mapped_cache: the benchmark reports figures of the service as shipped, with its AOT cache, or none at all.
require_mapped_cache() {
    [[ $AOT_STATUS == "AOT cache mapped"* ]] || die "refusing to report: no mapped AOT cache. $AOT_STATUS. Run on the JDK that trained it (JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64) after ./mvnw package, with docker/jvm.options (JVM_OPTIONS)."
}

rss_mb() { # pid -> resident set in MiB
    awk '{ printf "%.1f", $1 / 1024 }' <<<"$(ps -o rss= -p "$1")"
}

# ---------------------------------------------------------------------------------------------------------------
# wrk
# ---------------------------------------------------------------------------------------------------------------
# CPU ticks: all busy (user+nice+system+steal), all, and ours (java, nginx master + workers, reaped children = wrk/curl)
cpu_ticks() {
    local ours=0 pid
    for pid in $SERVICE_PID $PEER_PID $NGINX_PID $( [[ -n "$NGINX_PID" ]] && pgrep -P "$NGINX_PID" || true); do
        if [[ -r /proc/$pid/stat ]]; then ours=$((ours + $(sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }'))); fi
    done
    ours=$((ours + $(sed 's/^.*) //' "/proc/$$/stat" | awk '{ print $14 + $15 }')))
    awk -v ours="$ours" '/^cpu / { all = 0; for (i = 2; i <= 9; i++) all += $i; print $2 + $3 + $4 + $9, all, ours; exit }' /proc/stat
}

# run_wrk label threads conns duration url body-file token -> BENCH line in $OUT/wrk-<label>.txt, fields in R_*;
# R_noise = % of all CPUs used by processes other than this benchmark's during the run (a busy neighbour skews it).
run_wrk() {
    local label=$1 threads=$2 conns=$3 duration=$4 url=$5 body=$6 token=${7:-}
    local out=$OUT/wrk-$label.txt c0 c1
    log "wrk $label: -t$threads -c$conns -d$duration $url"
    c0=$(cpu_ticks)
    BENCH_BODY_FILE=$body BENCH_TOKEN=$token wrk -t"$threads" -c"$conns" -d"$duration" --latency \
        -s "${WRK_SCRIPT:-$BENCH_DIR/post.lua}" "$url" > "$out" 2>&1 &
    WRK_PID=$!
    wait "$WRK_PID" || { cat "$out" >&2; die "wrk $label failed"; }
    WRK_PID=""
    c1=$(cpu_ticks)
    R_noise=$(awk -v a="$c0" -v b="$c1" 'BEGIN { split(a, x, " "); split(b, y, " ")
        o = (y[1] - x[1]) - (y[3] - x[3]); if (o < 0) o = 0; printf "%.0f", (y[2] - x[2]) ? 100 * o / (y[2] - x[2]) : 0 }')
    local line
    line=$(grep '^BENCH ' "$out") || { cat "$out" >&2; die "wrk $label printed no result"; }
    local kv
    for kv in ${line#BENCH }; do printf -v "R_${kv%%=*}" '%s' "${kv#*=}"; done
    R_errors=$((R_connect_errors + R_read_errors + R_write_errors + R_timeouts))
}

# ---------------------------------------------------------------------------------------------------------------
# noisy neighbours: this is a 2-core box shared with builds; say so in the report when it was busy
# ---------------------------------------------------------------------------------------------------------------
cpu_busy_pct() { # share of all CPUs busy over the next second, in %
    local a b
    a=$(head -1 /proc/stat); sleep 1; b=$(head -1 /proc/stat)
    awk -v a="$a" -v b="$b" 'BEGIN { split(a, x); split(b, y); t = 0; i = 0
        for (k = 2; k <= 9; k++) t += y[k] - x[k]
        i = (y[5] - x[5]) + (y[6] - x[6]); printf "%.0f", t ? 100 * (t - i) / t : 0 }'
}

# WAIT_QUIET=<seconds>: wait up to that long for the CPUs to be < 15 % busy (0 = just measure). Sets BUSY_AT_START.
wait_for_quiet() {
    local limit=${WAIT_QUIET:-0} waited=0
    BUSY_AT_START=$(cpu_busy_pct)
    while ((BUSY_AT_START >= 15 && waited < limit)); do
        ((waited % 30 == 0)) && log "CPUs ${BUSY_AT_START} % busy before the run; waiting for quiet (WAIT_QUIET=$limit s)"
        sleep 4; waited=$((waited + 5))
        BUSY_AT_START=$(cpu_busy_pct)
    done
    if ((BUSY_AT_START >= 15)); then
        log "WARNING: other processes keep the CPUs ${BUSY_AT_START} % busy: numbers will be noisy"
    fi
}

# ---------------------------------------------------------------------------------------------------------------
# warm-up: on 2 cores the JIT (C2) is still compiling 20-50 s into the load, and numbers taken earlier measure the
# compiler, not the service. WARMUP=auto (default): 5 s rounds at 50 connections until the JIT threads used < 15 % of
# one CPU in a round, at least WARMUP_MIN (15) and at most WARMUP_MAX (60) seconds. WARMUP=<n>s: a fixed warm-up.
# ---------------------------------------------------------------------------------------------------------------
jit_ticks() { # pid -> CPU ticks of that JVM's JIT compiler threads
    local t total=0
    for t in /proc/"$1"/task/*; do
        if [[ $(cat "$t/comm" 2>/dev/null) == C[12]\ CompilerThre* ]]; then
            total=$((total + $(sed 's/^.*) //' "$t/stat" | awk '{ print $12 + $13 }')))
        fi
    done
    echo "$total"
}

warm_up_service() { # url body token pid [label] -> WARMUP_S (seconds spent), WARMUP_JIT (JIT % of one CPU in the last round), WARMUP_BAD
    local url=$1 body=$2 token=$3 pid=$4 label=${5:-warmup} mode=${WARMUP:-auto} min=${WARMUP_MIN:-15} max=${WARMUP_MAX:-60}
    WARMUP_BAD=0 WARMUP_S=0 WARMUP_JIT=""
    local hz j0 j1 t0 t1 round=0
    hz=$(getconf CLK_TCK)
    if [[ $mode != auto ]]; then
        j0=$(jit_ticks "$pid") t0=$(now_ms)
        run_wrk "$label-c50" 2 50 "$mode" "$url" "$body" "$token"
        j1=$(jit_ticks "$pid") t1=$(now_ms)
        WARMUP_BAD=$((R_non2xx + R_errors)) WARMUP_S=${mode%s}
        WARMUP_JIT=$(awk -v j=$((j1 - j0)) -v hz="$hz" -v ms=$((t1 - t0)) 'BEGIN { printf "%.0f", 100 * j / hz / (ms / 1000) }')
        return 0
    fi
    while :; do
        round=$((round + 1))
        j0=$(jit_ticks "$pid") t0=$(now_ms)
        run_wrk "$label-c50-$round" 2 50 5s "$url" "$body" "$token"
        j1=$(jit_ticks "$pid") t1=$(now_ms)
        WARMUP_BAD=$((WARMUP_BAD + R_non2xx + R_errors)) WARMUP_S=$((WARMUP_S + 5))
        WARMUP_JIT=$(awk -v j=$((j1 - j0)) -v hz="$hz" -v ms=$((t1 - t0)) 'BEGIN { printf "%.0f", 100 * j / hz / (ms / 1000) }')
        log "warm-up round $round: $(printf '%.0f' "$R_rps") req/s, JIT threads ${WARMUP_JIT} % of a CPU"
        if ((WARMUP_S >= min && WARMUP_JIT < 15)) || ((WARMUP_S >= max)); then break; fi
    done
}
