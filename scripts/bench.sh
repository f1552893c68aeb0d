#!/usr/bin/env bash
# End-to-end throughput and peak memory of `claimgraph extract` and `claimgraph analyze` on a
# large JSONL input, against `wc -w` on the same file.
#
#   scripts/bench.sh                     # corpus/*.txt as JSONL, repeated to 40 MB
#   scripts/bench.sh "" 5                # the same, 5 MB
#   scripts/bench.sh INPUT.jsonl [MB]    # INPUT.jsonl repeated to MB (ids suffixed #N)
#
# MB = 10^6 bytes of the input file. Each command runs 3 times; the table gives the medians.
# Seconds are wall-clock (nanosecond clock around the run); peak RSS is /usr/bin/time's %M.
# The input is written to a temporary directory, removed at exit.
set -euo pipefail

input=${1:-}
mb=${2:-40}
runs=3

die() { echo "bench.sh: $*" >&2; exit 2; }
command -v python3 >/dev/null || die "python3 is required"
[ -x /usr/bin/time ] || die "/usr/bin/time is required (GNU time: apt-get install time)"
[[ $mb =~ ^[0-9]+([.][0-9]+)?$ ]] || die "MB must be a number, not '$mb'"
[ -z "$input" ] || [ -f "$input" ] || die "$input: no such file"

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "building release ..." >&2
(cd "$root" && cargo build --release --quiet)
bin=$root/target/release/claimgraph
[ -x "$bin" ] || die "$bin was not built"

file=$tmp/input.jsonl
python3 - "$root/corpus" "$input" "$mb" "$file" <<'PY'
import json, pathlib, sys

corpus, given, mb, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
target = int(mb * 1e6)
if given:
    items = []
    with open(given, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    items.append(json.loads(line))
                except json.JSONDecodeError as e:
                    sys.exit(f"bench.sh: {given}:{n}: not JSON: {e}")
else:
    items = [{"id": p.stem, "text": p.read_text(encoding="utf-8")}
             for p in sorted(pathlib.Path(corpus).glob("*.txt"))]
if not items:
    sys.exit("bench.sh: no documents to repeat")
size = docs = text = copy = 0
with open(out, "w", encoding="utf-8") as f:
    while size < target:
        for item in items:
            line = json.dumps(dict(item, id=f"{item['id']}#{copy}"), ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            text += len(item.get("text", "").encode("utf-8"))
            docs += 1
        copy += 1
print(f"{docs} {text}", file=open(out + ".stats", "w"))
PY
read -r docs text_bytes < "$file.stats"
bytes=$(stat -c %s "$file")

cores=$(nproc)
cpu=$(grep -m1 '^model name' /proc/cpuinfo | sed 's/^[^:]*: *//' || true)
rustc_version=$(rustc --version 2>/dev/null || echo "rustc unknown")
echo "Machine: ${cores} cores, ${cpu:-unknown CPU}, $(uname -sr), ${rustc_version}"
echo "Input: ${input:-corpus/*.txt} repeated to $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB" \
    "(${docs} documents, $(awk -v b="$text_bytes" 'BEGIN{printf "%.1f", b/1e6}') MB of text)," \
    "median of ${runs} runs; MB/s over the file's bytes; locale ${LC_ALL:-${LC_CTYPE:-${LANG:-C}}}"
echo

# measure THREADS CMD...: prints "SECONDS RSS_KB", the medians of $runs runs. Output goes to
# /dev/null; a failing run stops the script with its stderr.
measure() {
    local threads=$1; shift
    local secs=() rss=() i t0 t1
    for ((i = 0; i < runs; i++)); do
        t0=$(date +%s%N)
        if ! RAYON_NUM_THREADS=$threads /usr/bin/time -f '%e %M' -o "$tmp/time" \
            "$@" > /dev/null 2> "$tmp/err"; then
            cat "$tmp/err" >&2
            die "failed: $*"
        fi
        t1=$(date +%s%N)
        secs+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.4f", (b-a)/1e9}')")
        rss+=("$(tail -n 1 "$tmp/time" | awk '{print $2}')")
    done
    echo "$(printf '%s\n' "${secs[@]}" | sort -g | sed -n "$((runs / 2 + 1))p")" \
         "$(printf '%s\n' "${rss[@]}" | sort -g | sed -n "$((runs / 2 + 1))p")"
}

echo "| command | threads | seconds | MB/s | MB/s per core | peak RSS MB | time / wc -w |"
echo "|---|---:|---:|---:|---:|---:|---:|"
base=
row() {
    local label=$1 threads=$2; shift 2
    local out s k
    out=$(measure "$threads" "$@")
    read -r s k <<< "$out"
    [ -n "$base" ] || base=$s
    awk -v l="$label" -v t="$threads" -v s="$s" -v k="$k" -v b="$bytes" -v w="$base" 'BEGIN{
        mbs = b / 1e6 / s
        printf "| %s | %d | %.3f | %.1f | %.1f | %.1f | %.1f |\n", l, t, s, mbs, mbs / t, k / 1024, s / w
    }'
}

row "wc -w" 1 wc -w "$file"
row "claimgraph extract -q" 1 "$bin" extract -q "$file"
row "claimgraph extract -q" "$cores" "$bin" extract -q "$file"
row "claimgraph analyze -q" 1 "$bin" analyze -q "$file"
row "claimgraph analyze -q" "$cores" "$bin" analyze -q "$file"
