#!/usr/bin/env bash
# generate.sh: how fast `mock-mifos generate` writes a day of traffic (issue 3: 100k deliveries
# in under a minute on this machine), and whether the same seed gives the same bytes.
#
# Runs `mock-mifos generate --clients N --seed 7` (release build) ROUNDS times, keeps the best
# wall time, counts the deliveries (lines), and compares the SHA-256 of every round's file.
#
#   bench/generate.sh                    # builds build/bench-rel if needed; 38000 clients, 3 rounds
#   bench/generate.sh --clients 10000 --rounds 1 --no-build
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/bench/load_average.sh"
build_dir="$root/build/bench-rel"
clients=38000  # about 2.7 deliveries per client: just over 100,000 deliveries
rounds=3
build=1
strict=0

usage() {
  cat <<EOF
usage: bench/generate.sh [options]
  --build-dir DIR   build tree (default: build/bench-rel, configured with the release preset)
  --no-build        use the mock-mifos already built there
  --clients N       clients of the generated day (default: $clients)
  --rounds N        runs; the best time is kept (default: $rounds)
  --strict          exit 1 if fewer than 100,000 deliveries or the best run took 60 s or more,
                    or if two rounds wrote different bytes
  --help            this text
EOF
}

while (($#)); do
  case "$1" in
    --build-dir) build_dir=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --clients) clients=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --strict) strict=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "bench/generate.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

if ((build)); then
  cmake --preset release -B "$build_dir" -DMIFOS_HOOKS_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build_dir" -j2 --target mock-mifos
fi
mock="$build_dir/mock-mifos/mock-mifos"
[[ -x "$mock" ]] || { echo "bench/generate.sh: no $mock (drop --no-build)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mifos-generate-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

best=""
hashes=()
for round in $(seq 1 "$rounds"); do
  print_machine_state "round $round"
  start=$(date +%s%N)
  "$mock" generate --clients "$clients" --seed 7 --out "$tmp/day.jsonl" 2>"$tmp/log"
  end=$(date +%s%N)
  ms=$(((end - start) / 1000000))
  lines=$(wc -l <"$tmp/day.jsonl")
  bytes=$(wc -c <"$tmp/day.jsonl")
  hashes+=("$(sha256sum "$tmp/day.jsonl" | cut -c1-16)")
  printf 'round %d: %d deliveries, %d bytes, %d.%03d s (%d deliveries/s), sha256 %s...\n' \
    "$round" "$lines" "$bytes" $((ms / 1000)) $((ms % 1000)) $((lines * 1000 / (ms > 0 ? ms : 1))) "${hashes[-1]}"
  if [[ -z "$best" ]] || ((ms < best)); then best=$ms; fi
done

same=yes
for h in "${hashes[@]}"; do [[ "$h" == "${hashes[0]}" ]] || same=no; done
verdict=PASS
if ((lines < 100000 || best >= 60000)) || [[ "$same" != yes ]]; then verdict=FAIL; fi
printf 'best: %d deliveries in %d.%03d s (goal: >= 100000 in < 60 s): %s; same bytes every round: %s\n' \
  "$lines" $((best / 1000)) $((best % 1000)) "$verdict" "$same"
head -1 "$tmp/log"
if ((strict)) && [[ "$verdict" != PASS ]]; then exit 1; fi
