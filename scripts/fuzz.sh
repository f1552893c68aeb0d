#!/usr/bin/env bash
# Fuzz the whole pipeline (fuzz/fuzz_targets/pipeline.rs) for SECONDS (default 300), seeded
# with the corpus articles. Needs a nightly toolchain and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz
# Findings land in fuzz/artifacts/pipeline/; turn each into a test before fixing it.
set -euo pipefail
seconds=${1:-300}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
command -v cargo-fuzz >/dev/null || { echo "fuzz.sh: cargo-fuzz is required (cargo install cargo-fuzz)" >&2; exit 2; }
seeds=fuzz/corpus/pipeline
mkdir -p "$seeds"
cp corpus/*.txt "$seeds"/
cargo +nightly fuzz run pipeline "$seeds" -- -max_total_time="$seconds" -max_len=20000 -timeout=10
