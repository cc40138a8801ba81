#!/usr/bin/env bash
# Summarise a JFR recording of the service: hot methods (jdk.ExecutionSample aggregated by top frame, by package of
# the top frame, and by the first frame in com.walletcare.bff), allocations (jdk.ObjectAllocationSample by class and
# by allocating frame), GC. Usage: bash bench/jfr-summary.sh /tmp/bench.jfr [top-n]
set -euo pipefail
JFR_FILE=${1:?usage: jfr-summary.sh <recording.jfr> [top-n]}
TOP=${2:-15}
OUR=com.walletcare.bff
TMPD=$(mktemp -d)
trap 'rm -rf "$TMPD"' EXIT

jfr print --stack-depth 64 --events jdk.ExecutionSample "$JFR_FILE" > "$TMPD/cpu.txt"
jfr print --stack-depth 64 --events jdk.ObjectAllocationSample "$JFR_FILE" > "$TMPD/alloc.txt"
jfr print --events jdk.GarbageCollection "$JFR_FILE" > "$TMPD/gc.txt"

# One line per event: "<weight>\t<frame1>\t<frame2>..." (frames without line numbers; weight 1 for CPU samples).
flatten() { # file weight-field
    awk -v wf="$2" '
        function flush() { if (n && !skip) { line = w; for (i = 1; i <= n; i++) line = line "\t" f[i]; print line } n = 0; w = 1 }
        /^jdk\./ { flush(); inside = 0; skip = 0; next }
        $1 == "eventThread" && wf != "" { if (seen[$0]++ == 0) skip = 1; next }
        wf != "" && $1 == wf { v = $3; gsub(/[^0-9.]/, "", v); unit = $4
            if (unit ~ /^kB/) v *= 1024; else if (unit ~ /^MB/) v *= 1048576; else if (unit ~ /^GB/) v *= 1073741824
            w = v; next }
        /stackTrace = \[/ { inside = 1; next }
        inside && /^[[:space:]]*\]/ { inside = 0; next }
        inside { s = $0; sub(/^[[:space:]]+/, "", s); sub(/[[:space:]]+line:.*$/, "", s); if (s != "...") f[++n] = s }
        END { flush() }' "$1"
}
flatten "$TMPD/cpu.txt" "" > "$TMPD/cpu.tsv"
flatten "$TMPD/alloc.txt" weight > "$TMPD/alloc.tsv"
# allocation class per event, same order as alloc.tsv
# (the first sample of each thread is left out: its weight is everything the thread allocated before the recording)
awk '/^jdk\.ObjectAllocationSample/ { c = "" } $1 == "objectClass" { c = $3 } $1 == "weight" { v = $3; gsub(/[^0-9.]/, "", v); u = $4
        if (u ~ /^kB/) v *= 1024; else if (u ~ /^MB/) v *= 1048576; else if (u ~ /^GB/) v *= 1073741824 }
    $1 == "eventThread" { if (seen[$0]++ > 0) print v "\t" c }' \
    "$TMPD/alloc.txt" > "$TMPD/alloc-class.tsv"

total=$(wc -l < "$TMPD/cpu.tsv")
# Which library a frame belongs to (the innermost classified frame of a stack is charged).
COMPONENT='
    function component(f) {
        if (f ~ /^(org\.jose4j|io\.quarkus\.oidc|io\.smallrye\.jwt|sun\.security\.rsa|java\.math\.|sun\.security\.util)/) return "JWT/OIDC token verification"
        if (f ~ /^(io\.micrometer|io\.quarkus\.micrometer)/) return "Micrometer metrics"
        if (f ~ /^com\.fasterxml\.jackson/) return "Jackson (JSON read/write)"
        if (f ~ /^io\.smallrye\.faulttolerance/) return "SmallRye Fault Tolerance"
        if (f ~ /^io\.smallrye\.context/) return "context propagation"
        if (f ~ /^org\.jboss\.resteasy\.reactive\.client|^io\.quarkus\.rest\.client/) return "REST client"
        if (f ~ /^(org\.jboss\.resteasy\.reactive|io\.quarkus\.resteasy\.reactive)/) return "REST server"
        if (f ~ /^(io\.quarkus\.security|io\.quarkus\.vertx\.http\.runtime\.security)/) return "Quarkus security"
        if (f ~ /^(org\.jboss\.logmanager|org\.jboss\.logging|io\.quarkus\.logging)/) return "logging"
        if (f ~ /^io\.quarkus\.arc/) return "CDI (ArC)"
        if (f ~ /^org\.hibernate\.validator/) return "Hibernate Validator"
        if (f ~ /^io\.smallrye\.mutiny/) return "Mutiny"
        if (f ~ /^(io\.vertx|io\.netty|io\.quarkus\.vertx)/) return "Vert.x / Netty HTTP I/O"
        if (index(f, our) == 1) return "our code (" our ")"
        return ""
    }

'

pct_table() { # reads "count\tkey", prints a markdown table with % of $2
    awk -F'\t' -v total="$1" -v top="$TOP" 'NR <= top { printf "| %5.1f %% | %d | `%s` |\n", 100 * $1 / total, $1, $2 }'
}
mb_table() { # reads "bytes\tkey", prints a markdown table with % of $1 and MB
    awk -F'\t' -v total="$1" -v top="$TOP" 'NR <= top { printf "| %5.1f %% | %.1f | `%s` |\n", 100 * $1 / total, $1 / 1048576, $2 }'
}
short() { sed -E 's/\(.*$//'; }   # drop the parameter list of a frame

echo "### CPU: $total execution samples"
echo
echo "Top frames (self time):"
echo
echo "| share | samples | method |"
echo "|---:|---:|---|"
cut -f2 "$TMPD/cpu.tsv" | short | sort | uniq -c | sort -rn | awk '{ c = $1; $1 = ""; sub(/^ /, ""); print c "\t" $0 }' | pct_table "$total"
echo
echo "By package of the top frame:"
echo
echo "| share | samples | package |"
echo "|---:|---:|---|"
cut -f2 "$TMPD/cpu.tsv" | short | awk -F. '{ n = (NF > 4) ? 4 : NF - 2; p = $1; for (i = 2; i <= n; i++) p = p "." $i; print p }' \
    | sort | uniq -c | sort -rn | awk '{ print $1 "\t" $2 }' | pct_table "$total"
echo
ours=$(awk -F'\t' -v our="$OUR" '{ for (i = 2; i <= NF; i++) if (index($i, our) == 1) { n++; break } } END { print n + 0 }' "$TMPD/cpu.tsv")
echo "By component (the innermost frame on the stack that belongs to one of these; JDK frames count for their caller):"
echo
echo "| share | samples | component |"
echo "|---:|---:|---|"
awk -F'\t' -v our="$OUR" "$COMPONENT"'
    { c = ""; for (i = 2; i <= NF && c == ""; i++) c = component($i); if (c == "") c = "other (JDK only / unclassified)"; print c }' "$TMPD/cpu.tsv" \
    | sort | uniq -c | sort -rn | awk '{ c = $1; $1 = ""; sub(/^ /, ""); print c "\t" $0 }' | pct_table "$total"
echo
echo "Samples with a $OUR frame anywhere on the stack: $ours of $total ($(awk -v a="$ours" -v t="$total" 'BEGIN { printf "%.1f", t ? 100 * a / t : 0 }') %). Their innermost $OUR frame (inclusive: a Vert.x filter that calls next() carries everything after it):"
echo
echo "| share | samples | method |"
echo "|---:|---:|---|"
awk -F'\t' -v our="$OUR" '{ for (i = 2; i <= NF; i++) if (index($i, our) == 1) { print $i; break } }' "$TMPD/cpu.tsv" | short \
    | sort | uniq -c | sort -rn | awk '{ c = $1; $1 = ""; sub(/^ /, ""); print c "\t" $0 }' | pct_table "$total"
echo
echo

alloc_total=$(awk -F'\t' '{ s += $1 } END { printf "%.0f", s }' "$TMPD/alloc-class.tsv")
echo "### Allocation: $(awk -v b="$alloc_total" 'BEGIN { printf "%.1f", b / 1048576 }') MB sampled (jdk.ObjectAllocationSample weight)"
echo
echo "| share | MB | class |"
echo "|---:|---:|---|"
awk -F'\t' '{ s[$2] += $1 } END { for (c in s) printf "%.0f\t%s\n", s[c], c }' "$TMPD/alloc-class.tsv" | sort -rn \
    | mb_table "$alloc_total"
echo
echo "By component (as for CPU):"
echo
echo "| share | MB | component |"
echo "|---:|---:|---|"
awk -F'\t' -v our="$OUR" "$COMPONENT"'
    { c = ""; for (i = 2; i <= NF && c == ""; i++) c = component($i); if (c == "") c = "other (JDK only / unclassified)"; s[c] += $1 }
    END { for (k in s) printf "%.0f\t%s\n", s[k], k }' "$TMPD/alloc.tsv" | sort -rn \
    | mb_table "$alloc_total"
echo
echo "Allocating frames (top frame):"
echo
echo "| share | MB | method |"
echo "|---:|---:|---|"
awk -F'\t' '{ f = $2; sub(/\(.*$/, "", f); s[f] += $1 } END { for (k in s) printf "%.0f\t%s\n", s[k], k }' "$TMPD/alloc.tsv" | sort -rn \
    | mb_table "$alloc_total"
echo
echo "Allocations under a $OUR frame (innermost one):"
echo
echo "| share | MB | method |"
echo "|---:|---:|---|"
awk -F'\t' -v our="$OUR" '{ for (i = 2; i <= NF; i++) if (index($i, our) == 1) { f = $i; sub(/\(.*$/, "", f); s[f] += $1; break } }
    END { for (k in s) printf "%.0f\t%s\n", s[k], k }' "$TMPD/alloc.tsv" | sort -rn \
    | mb_table "$alloc_total"
echo
echo "### GC"
echo
awk '$1 == "name" { n[$3]++ } $1 == "sumOfPauses" { v = $3; u = $4; if (u ~ /^ms/) ms += v; else if (u ~ /^s/) ms += v * 1000; else if (u ~ /^us/) ms += v / 1000; else if (u ~ /^ns/) ms += v / 1e6 }
    END { for (k in n) printf "%s: %d collections; ", k, n[k]; printf "total pause %.1f ms\n", ms }' "$TMPD/gc.txt"
