# Shared settings and helpers of the replica checks (sourced). Loopback only; every pid is recorded in $RUN/pids/.
# shellcheck shell=bash
# Work files, logs and per-trial results go to $RUN; the service is the packaged jar of this checkout (./mvnw package).
RUN=${RUN:-/tmp/wallet-care-replicas}
APP=${APP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/target/quarkus-app}
PG_PORT=15432 IDP_PORT=15480 SIM_PORT=15481 A_PORT=15482 B_PORT=15483
PG_DATA=$RUN/pg/data
ISSUER="http://127.0.0.1:$IDP_PORT/realms/bench"
SIM=http://127.0.0.1:$SIM_PORT A=http://127.0.0.1:$A_PORT B=http://127.0.0.1:$B_PORT
CID=vmiTxZcaSEym
mkdir -p "$RUN/pids" "$RUN/logs"

# log, die, now_ms, identity_keys, mint_token, pg_start, pg_stop: the benchmark's own (bench/lib.sh)
# shellcheck source=bench/lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")/../../bench" && pwd)/lib.sh"

make_keys() { mkdir -p "$RUN/idp"; identity_keys "$RUN/idp/key.pem" "$ISSUER"; }
mint_token_for() { mint_token "$RUN/idp/key.pem" "$ISSUER" "$1" 10800; } # subject -> a 3 h token

start_idp() {
    make_keys
    if [[ -f $RUN/pids/nginx ]] && kill -0 "$(cat "$RUN/pids/nginx")" 2>/dev/null; then log "identity provider already running"; return 0; fi
    mkdir -p "$RUN/idp/logs"
    cat > "$RUN/idp/nginx.conf" <<EOF
worker_processes 1;
pid $RUN/idp/nginx.pid;
error_log $RUN/idp/nginx-error.log warn;
daemon on;
events { worker_connections 256; }
http {
    default_type application/json;
    access_log off;
    client_body_temp_path $RUN/idp/cb; proxy_temp_path $RUN/idp/px; fastcgi_temp_path $RUN/idp/fc;
    uwsgi_temp_path $RUN/idp/uw; scgi_temp_path $RUN/idp/sc;
    server {
        listen 127.0.0.1:$IDP_PORT;
        location = /realms/bench/.well-known/openid-configuration { return 200 '$DISCOVERY_JSON'; }
        location = /realms/bench/jwks { return 200 '$JWKS_JSON'; }
        location / { return 404; }
    }
}
EOF
    /usr/sbin/nginx -p "$RUN/idp" -c "$RUN/idp/nginx.conf" -e "$RUN/idp/nginx-error.log" || die "nginx did not start"
    sleep 0.3
    cp "$RUN/idp/nginx.pid" "$RUN/pids/nginx"
    curl -sf "$ISSUER/.well-known/openid-configuration" >/dev/null || die "discovery failed"
    curl -sf "$ISSUER/jwks" >/dev/null || die "jwks failed"
    log "identity provider up on :$IDP_PORT (nginx pid $(cat "$RUN/pids/nginx"))"
}

# --- PostgreSQL: a private cluster as the postgres user ------------------------------------------------------------
start_pg() {
    mkdir -p "$RUN/pg/pglog"
    pg_start "$PG_DATA" $PG_PORT
    head -1 "$PG_DATA/postmaster.pid" > "$RUN/pids/postgres"
    log "PostgreSQL up on 127.0.0.1:$PG_PORT (pid $(cat "$RUN/pids/postgres"))"
}
stop_pg() { pg_stop "$PG_DATA"; rm -f "$RUN/pids/postgres"; }
sql() { psql -h 127.0.0.1 -p $PG_PORT -U wallet_care -d wallet_care -tAc "$1"; }

# --- the Java processes --------------------------------------------------------------------------------------------
start_java() { # name port env... : runs quarkus-run.jar in $APP, log in $RUN/logs/name.log
    # Health is on the management interface (port + 1000 here, so that replicas do not share one).
    local name=$1 port=$2 management=$(($2 + 1000)); shift 2
    (cd "$APP" && exec env QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_HOST=127.0.0.1 \
        QUARKUS_MANAGEMENT_PORT="$management" "$@" \
        "$JAVA_BIN" -Xmx128m -XX:TieredStopAtLevel=1 -XX:ActiveProcessorCount=1 -jar quarkus-run.jar) >>"$RUN/logs/$name.log" 2>&1 &
    echo $! > "$RUN/pids/$name"
    local i
    for ((i = 0; i < 600; i++)); do
        kill -0 "$(cat "$RUN/pids/$name")" 2>/dev/null || { tail -30 "$RUN/logs/$name.log" >&2; die "$name exited"; }
        curl -sf -o /dev/null "http://127.0.0.1:$management/q/health/live" && break
        sleep 0.1
    done
    curl -sf -o /dev/null "http://127.0.0.1:$management/q/health/live" || die "$name not live after 60 s"
    log "$name up on :$port (pid $(cat "$RUN/pids/$name"))"
}

start_simulator() {
    start_java simulator $SIM_PORT SIMULATOR_ENABLED=true SIMULATOR_PARTNER_TOKEN=t PAYDIANT_PARTNER_TOKEN=t \
        PAYDIANT_GATEWAY_URL=$SIM
}

start_replica() { # name port hostname
    start_java "$1" "$2" HOSTNAME="$3" PAYDIANT_GATEWAY_URL=$SIM PAYDIANT_PARTNER_TOKEN=t \
        QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:$PG_PORT/wallet_care \
        QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/wallet_care \
        QUARKUS_DATASOURCE_USERNAME=wallet_care QUARKUS_DATASOURCE_PASSWORD=wc \
        QUARKUS_OIDC_AUTH_SERVER_URL="$ISSUER" QUARKUS_OIDC_CLIENT_ID=wallet-care-bff \
        CARE_CHANGES_PER_AGENT_PER_MINUTE=${CHANGES_PER_MINUTE:-1000}
}

stop_named() { # name: TERM, then KILL after 10 s; only the pid we recorded
    local f=$RUN/pids/$1 pid i
    [[ -f $f ]] || return 0
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null
        for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    fi
    rm -f "$f"
}

stop_all() {
    stop_named replica-a; stop_named replica-b; stop_named simulator
    [[ -f $RUN/pids/nginx ]] && { kill -TERM "$(cat "$RUN/pids/nginx")" 2>/dev/null; rm -f "$RUN/pids/nginx"; }
    stop_pg
}

# Negative control only: a replica on the in-memory journal (no datasource), as before the issue's change.
start_replica_nodb() { # name port hostname
    start_java "$1" "$2" HOSTNAME="$3" PAYDIANT_GATEWAY_URL=$SIM PAYDIANT_PARTNER_TOKEN=t \
        QUARKUS_OIDC_AUTH_SERVER_URL="$ISSUER" QUARKUS_OIDC_CLIENT_ID=wallet-care-bff \
        CARE_CHANGES_PER_AGENT_PER_MINUTE=${CHANGES_PER_MINUTE:-1000}
}
