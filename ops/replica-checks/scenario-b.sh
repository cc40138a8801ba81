#!/usr/bin/env bash
# Scenario B: replica A killed with SIGKILL during an unlock, activations 3 s slow; how long until replica B's
# recovery leaves the wallet ACTIVE (bound 60 s), and B's history entry for the unlock.
#   MODE=landed   (the brief's recipe) kill A as soon as B reports the wallet deactivated: the deactivate has landed.
#                 A has then usually sent its activate already, and the simulator applies it after 3 s anyway.
#   MODE=inflight kill A 0.5 s after the journal shows the change started (statusBefore written, the deactivate on its
#                 way): the deactivate reaches the gateway and lands 3 s later; no activate is ever sent, so only
#                 recovery can make the wallet ACTIVE (the issue's "killed between deactivate and activate").
# Needs the simulator and both replicas running (run-all.sh); leaves replica A dead (run-all.sh restarts it).
set -uo pipefail
cd "$(dirname "$0")" && source ./env.sh && source ./common.sh
MODE=${MODE:-inflight}
OUT=$RUN/out/b-$MODE-$(date -u +%H%M%S); mkdir -p "$OUT"
A_PID=$(cat "$RUN/pids/replica-a")

for ((i = 0; i < 100; i++)); do [[ $(open_changes) == 0 ]] && break; sleep 0.1; done
sim_reset 3000
[[ $(status_via "$B") == LOCKED ]] || die "the wallet does not start LOCKED"
RID=b-$MODE-unlock-$RANDOM$RANDOM
t_send=$(now_ms)
curl -s -m 40 -o "$OUT/unlock.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOK_A" -H "X-Request-Id: $RID" \
    "$A/customers/$CID/unlock" > "$OUT/unlock.code" 2>/dev/null &
CURL=$!

if [[ $MODE == landed ]]; then
    until [[ $(status_via "$B") == DEACTIVATED ]]; do
        (($(now_ms) - t_send < 15000)) || die "the wallet never showed DEACTIVATED"
        sleep 0.05
    done
else
    until [[ -n $(sql "SELECT status_before FROM wallet_change WHERE request_id='$RID'") ]]; do
        (($(now_ms) - t_send < 15000)) || die "the change never started"
        sleep 0.05
    done
    sleep 0.5
fi
kill -KILL "$A_PID"
t_kill=$(now_ms)
log "killed replica A (pid $A_PID) $((t_kill - t_send)) ms after sending the unlock; wallet now $(sim_flags)"
wait "$CURL" 2>/dev/null
echo "unlock's answer: HTTP $(cat "$OUT/unlock.code") $(head -c 300 "$OUT/unlock.json" 2>/dev/null)" | tee "$OUT/unlock-answer.txt"
sql "SELECT id, action, status_before, holder, to_char(lease_until,'HH24:MI:SS.MS') FROM wallet_change WHERE request_id='$RID'" \
    | tee "$OUT/journal-at-kill.txt"

# Watch the wallet (through B) and the journal entry every 250 ms, up to 90 s after the kill.
deactivated_ms="" active_ms="" finished_ms=""
: > "$OUT/timeline.txt"
while (($(now_ms) - t_kill < 90000)); do
    s=$(status_via "$B") el=$(($(now_ms) - t_kill))
    echo "$el $s $(sim_flags)" >> "$OUT/timeline.txt"
    [[ -z $deactivated_ms && $s == DEACTIVATED ]] && deactivated_ms=$el
    [[ -z $active_ms && $s == ACTIVE ]] && active_ms=$el
    [[ -z $finished_ms && -n $(sql "SELECT 1 FROM wallet_change WHERE request_id='$RID' AND finished_at IS NOT NULL") ]] && finished_ms=$el
    [[ -n $active_ms && -n $finished_ms ]] && break
    sleep 0.25
done
curl -s -H "Authorization: Bearer $TOK_B" "$B/customers/$CID/history?limit=5" > "$OUT/history.json"
entry=$(jq -c --arg r "$RID" '.actions[] | select(.requestId == $r)' "$OUT/history.json")
sec() { [[ -n $1 ]] && awk -v m="$1" 'BEGIN { printf "%.2f s", m / 1000 }' || echo "never (within 90 s)"; }
{
    echo "Scenario B ($MODE): kill $((t_kill - t_send)) ms after the unlock was sent"
    echo "  first seen DEACTIVATED after the kill: $(sec "$deactivated_ms")"
    echo "  kill -> wallet ACTIVE (via B, 250 ms polling): $(sec "$active_ms")"
    echo "  kill -> journal entry finished (polled): $(sec "$finished_ms"); from the journal's finished_at: $(sql "SELECT round((extract(epoch FROM finished_at) * 1000 - $t_kill)::numeric / 1000, 2) FROM wallet_change WHERE request_id='$RID'") s"
    echo "  kill at $(date -u -d @$((t_kill / 1000)) +%H:%M:%S).$(printf '%03d' $((t_kill % 1000))) UTC; lease_until at the kill: $(cut -d'|' -f5 "$OUT/journal-at-kill.txt")"
    echo "  final flags at the simulator: $(sim_flags)"
    echo "  history entry on B: $entry"
    echo "  recovery lines in B's log:"
    id=$(jq -r '.id // empty' <<<"$entry" 2>/dev/null)
    [[ -n $id ]] && grep -a "$id" "$RUN/logs/replica-b.log" | sed 's/^/    /' | tail -5
} | tee "$OUT/summary.txt"
log "details: $OUT"
