#!/usr/bin/env bash
# Scenario A: unlock to replica A and deactivate to replica B for the same wallet at the same time, activations
# 200 ms slow, TRIALS trials (30). Every trial starts from LOCKED. Checks each pair of answers against the only two
# serial orders and against the wallet's final state. STAGGER=1: the deactivate sent 0-450 ms after the unlock. CONTROL=1: replicas on the in-memory journal (no journal check). Needs the simulator and both replicas running (run-all.sh).
set -uo pipefail
cd "$(dirname "$0")" && source ./env.sh && source ./common.sh
TRIALS=${TRIALS:-30}
OUT=$RUN/out/a$([[ ${CONTROL:-0} == 1 ]] && echo -control)$([[ ${STAGGER:-0} == 1 ]] && echo -stagger)-$(date -u +%H%M%S); mkdir -p "$OUT"
DEADLINE=$(($(date +%s) + ${BOUND_S:-600}))

answer() { # file code -> "OUTCOME/STATUS" for 2xx, "HTTP/CODE" otherwise
    local f=$1 code=$2
    if [[ $code == 2* ]]; then jq -r '"\(.outcome)/\(.customer.status)"' "$f"
    elif [[ $code == 000 ]]; then echo "000/NO_ANSWER"
    else echo "$code/$(jq -r '.code // "?"' "$f" 2>/dev/null)"; fi
}

declare -A PAIRS
contradictions=0 impossible=0 journal_bad=0
printf 'trial\tfirst_sent\td_offset_ms\tunlock(A)\tms\tdeactivate(B)\tms\tfinal\tflags\tserial\tverdict\n' > "$OUT/trials.tsv"
for ((t = 1; t <= TRIALS; t++)); do
    (($(date +%s) < DEADLINE)) || { log "time bound reached after $((t - 1)) trials"; break; }
    for ((i = 0; i < 100; i++)); do [[ $(open_changes) == 0 ]] && break; sleep 0.1; done
    sim_reset 200
    start=$(status_via "$B")
    [[ $start == LOCKED ]] || die "trial $t starts $start, not LOCKED"
    ru=a$t-unlock-$RANDOM rd=a$t-deact-$RANDOM
    # launch both at the same instant; alternate which curl is forked first
    fire_u() { echo "$(now_ms)" > "$OUT/$t-u.start"; curl -s -m 30 -o "$OUT/$t-u.json" -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $TOK_A" \
        -H "X-Request-Id: $ru" "$A/customers/$CID/unlock" > "$OUT/$t-u.meta"; echo " $(now_ms)" >> "$OUT/$t-u.meta"; }
    fire_d() { echo "$(now_ms)" > "$OUT/$t-d.start"; curl -s -m 30 -o "$OUT/$t-d.json" -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $TOK_B" \
        -H "X-Request-Id: $rd" "$B/customers/$CID/deactivate" > "$OUT/$t-d.meta"; echo " $(now_ms)" >> "$OUT/$t-d.meta"; }
    if [[ ${STAGGER:-0} == 1 ]]; then
        # the deactivate sent 0, 50, ..., 450 ms after the unlock: across the unlock's half-way window
        off=$(( (t - 1) % 10 * 50 )); first="unlock+${off}ms"
        fire_u & sleep "$(awk -v m=$off 'BEGIN { print m / 1000 }')"; fire_d &
    elif ((t % 2)); then first=unlock; fire_u & fire_d &
    else first=deactivate; fire_d & fire_u &
    fi
    wait
    read -r ucode utime uend < <(tr '\n' ' ' < "$OUT/$t-u.meta")
    read -r dcode dtime dend < <(tr '\n' ' ' < "$OUT/$t-d.meta")
    offset=$(($(cat "$OUT/$t-d.start") - $(cat "$OUT/$t-u.start")))   # deactivate sent this many ms after the unlock
    U=$(answer "$OUT/$t-u.json" "$ucode") D=$(answer "$OUT/$t-d.json" "$dcode")
    final=$(status_via "$B") flags=$(sim_flags)
    # the journal's view: the two entries in the order they took the wallet
    sql "SELECT request_id, action, status_before, status_after, outcome, completed_by, holder,
                to_char(requested_at,'HH24:MI:SS.MS'), to_char(finished_at,'HH24:MI:SS.MS')
         FROM wallet_change WHERE request_id IN ('$ru','$rd') ORDER BY finished_at" > "$OUT/$t-journal.txt"

    # --- checks -------------------------------------------------------------------------------------------------
    verdict=ok
    # the answer that came last among the 2xx ones must report the final state (with the journal, the change that
    # took the wallet second also answers last)
    last=""
    if [[ $ucode == 2* && $dcode == 2* ]]; then ((uend >= dend)) && last=U || last=D
    elif [[ $ucode == 2* ]]; then last=U
    elif [[ $dcode == 2* ]]; then last=D; fi
    if [[ $last == U && ${U#*/} != "$final" ]] || [[ $last == D && ${D#*/} != "$final" ]]; then
        verdict="CONTRADICTS_FINAL"; ((contradictions++))
    fi
    # a 2xx answer's outcome must be what its status says (UNLOCKED -> ACTIVE, DEACTIVATED -> DEACTIVATED)
    [[ $ucode == 2* && $U != */ACTIVE ]] && { verdict+=",UNLOCK_STATUS"; ((contradictions++)); }
    [[ $dcode == 2* && $D != */DEACTIVATED ]] && { verdict+=",DEACT_STATUS"; ((contradictions++)); }
    # the pair against the two serial orders (a 409 CHANGE_IN_PROGRESS is a call that did not happen)
    # (timing-free: overlapping calls may take effect in either order)
    case "$U|$D|$final" in
        "UNLOCKED/ACTIVE|DEACTIVATED/DEACTIVATED|DEACTIVATED") order="U>D" ;;
        "UNLOCKED/ACTIVE|DEACTIVATED/DEACTIVATED|ACTIVE") order="D>U" ;;
        "UNLOCKED/ACTIVE|409/CHANGE_IN_PROGRESS|ACTIVE") order="U only" ;;
        "409/CHANGE_IN_PROGRESS|DEACTIVATED/DEACTIVATED|DEACTIVATED") order="D only" ;;
        *) order="NONE"; verdict+=",IMPOSSIBLE_PAIR"; ((impossible++)) ;;
    esac
    # the journal must agree: same order, and the second change saw what the first left
    jorder=$(cut -d'|' -f2 "$OUT/$t-journal.txt" | sed 's/UNLOCK/U/;s/DEACTIVATE/D/' | tr '\n' '>' | sed 's/>$//')
    if [[ ${CONTROL:-0} != 1 ]] && [[ $order == "U>D" || $order == "D>U" ]]; then
        second_before=$(sed -n 2p "$OUT/$t-journal.txt" | cut -d'|' -f3)
        first_after=$(sed -n 1p "$OUT/$t-journal.txt" | cut -d'|' -f4)
        if [[ $jorder != "$order" || $second_before != "$first_after" ]]; then verdict+=",JOURNAL_DISAGREES"; ((journal_bad++)); fi
    fi
    PAIRS["unlock=$U deactivate=$D final=$final"]=$((${PAIRS["unlock=$U deactivate=$D final=$final"]:-0} + 1))
    printf '%d\t%s\t%+d\t%s\t%.0f\t%s\t%.0f\t%s\t%s\t%s (journal %s)\t%s\n' "$t" "$first" "$offset" "$U" "$(awk -v s="$utime" 'BEGIN{print s*1000}')" \
        "$D" "$(awk -v s="$dtime" 'BEGIN{print s*1000}')" "$final" "$flags" "$order" "$jorder" "${verdict#ok,}" | tee -a "$OUT/trials.tsv"
done

{
    echo "Scenario A: $((t - 1)) trials; answers contradicting the final state: $contradictions; impossible pairs: $impossible; journal disagreeing: $journal_bad"
    echo "Answer pairs (unlock on A, deactivate on B, final status via B):"
    for k in "${!PAIRS[@]}"; do printf '  %3d x %s\n' "${PAIRS[$k]}" "$k"; done | sort -rn
} | tee "$OUT/summary.txt"
log "details: $OUT"
