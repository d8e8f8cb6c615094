#!/usr/bin/env bash
# durable.sh: what the durable journal costs. hello-receiver --quiet is loaded with
# `wrk -t2 -c32 -s bench/post.lua` (a Fineract LOAN REPAYMENT with the 600-byte envelope) in three
# modes, one at a time, interleaved over the rounds, best requests/s of each kept:
#   inline    handlers run before the answer (the default)
#   memory    --workers 2: answered once queued in memory
#   durable   --journal DIR: answered once on disk (fsync shared by concurrent requests), 2 workers
# For the durable runs it reads the journal's fsync histogram from the admin port's /metrics and
# prints its p50/p99 and the deliveries per fsync. The journal lives under the build directory,
# on the same disk as the repository (a tmpfs would make fsync free and the figure meaningless).
#
# Goal (issue 5): durable >= 0.70 x memory requests/s at 32 connections.
#
#   bench/durable.sh                     # builds build/bench-rel if needed, 3 rounds of 10 s
#   bench/durable.sh --no-build --rounds 2 --duration 5s
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/bench/load_average.sh"
build_dir="$root/build/bench-rel"
duration=10
rounds=3
build=1
strict=0

usage() {
  cat <<EOF
usage: bench/durable.sh [options]
  --build-dir DIR   build tree (default: build/bench-rel, configured with the release preset)
  --no-build        use the hello-receiver already built there
  --duration N      seconds of each measured wrk run (default: $duration)
  --rounds N        interleaved rounds; the best requests/s of each mode is kept (default: $rounds)
  --strict          exit 1 when the goal is missed
  --help            this text
Needs wrk (scripts/setup --bench) and curl. All traffic goes to 127.0.0.1.
EOF
}
die() { echo "durable.sh: $*" >&2; exit 1; }
while (($#)); do
  case "$1" in
    --build-dir) (($# >= 2)) || die "--build-dir needs a value"; build_dir="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --duration) [[ "${2:-}" =~ ^[1-9][0-9]*s?$ ]] || die "--duration takes seconds"; duration="${2%s}"; shift 2 ;;
    --rounds) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || die "--rounds takes a positive number"; rounds="$2"; shift 2 ;;
    --strict) strict=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || die "wrk is not installed: run scripts/setup --bench"
command -v curl >/dev/null || die "curl is not installed: run scripts/setup"

if ((build)); then
  [[ -f "$build_dir/CMakeCache.txt" ]] ||
    (cd "$root" && cmake --preset release -B "$build_dir" -DMIFOS_HOOKS_BUILD_TESTS=OFF >/dev/null)
  cmake --build "$build_dir" -j 2 --target hello-receiver
fi
hello="$build_dir/receiver-examples/hello/hello-receiver"
[[ -x "$hello" ]] || die "no $hello (build it, or drop --no-build)"

work="$(mktemp -d "$build_dir/durable-bench.XXXXXX")"
pid=""
stop() {
  [[ -n "$pid" ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
}
trap 'stop; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

# run MODE ROUND FLAGS...: one measured run; appends "mode round rps fsyncs accepted p50 p99".
run() {
  local mode="$1" round="$2"
  shift 2
  print_machine_state "$mode round $round"
  rm -rf "$work/journal"
  "$hello" --port 0 --quiet --admin-port 0 "$@" >/dev/null 2>"$work/err" &
  pid=$!
  local i port="" admin=""
  for ((i = 0; i < 100; i++)); do
    port="$(grep -m1 -o 'listening on http://127.0.0.1:[0-9]*' "$work/err" | grep -o '[0-9]*$' || true)"
    [[ -n "$port" ]] && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/err" >&2; die "hello-receiver exited"; }
    sleep 0.1
  done
  [[ -n "$port" ]] || die "hello-receiver printed no listening line"
  admin="$(grep -m1 -o 'admin on http://127.0.0.1:[0-9]*' "$work/err" | grep -o '[0-9]*$')"
  local url="http://127.0.0.1:$port/hooks"
  timeout 30 wrk -t1 -c4 -d1s -s "$root/bench/post.lua" "$url" >/dev/null  # warm-up
  timeout $((duration + 60)) wrk -t2 -c32 -d"${duration}s" -s "$root/bench/post.lua" "$url" \
    >"$work/wrk"
  curl -s "http://127.0.0.1:$admin/metrics" >"$work/metrics"
  stop
  local rps non2xx
  rps="$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$work/wrk")"
  [[ -n "$rps" ]] || { cat "$work/wrk" >&2; die "no Requests/sec from wrk"; }
  [[ -z "$non2xx" ]] || die "$mode answered $non2xx non-2xx responses"
  # Quantiles from the cumulative histogram: the upper bound of the bucket holding them.
  local fsyncs accepted p50 p99
  read -r fsyncs accepted p50 p99 < <(awk '
    /^mifos_hooks_journal_fsyncs_total / { fsyncs = $2 }
    /^mifos_hooks_accepted_total / { accepted = $2 }
    /^mifos_hooks_journal_fsync_seconds_bucket/ {
      match($0, /le="[^"]*"/); le = substr($0, RSTART + 4, RLENGTH - 5)
      n++; bound[n] = le; count[n] = $2
    }
    END {
      total = count[n]; p50 = "-"; p99 = "-"
      for (i = 1; i <= n; i++) {
        if (p50 == "-" && total > 0 && count[i] >= 0.50 * total) p50 = bound[i]
        if (p99 == "-" && total > 0 && count[i] >= 0.99 * total) p99 = bound[i]
      }
      print (fsyncs == "" ? 0 : fsyncs), accepted, p50, p99
    }' "$work/metrics")
  printf '%-8s round %d: %8.0f req/s' "$mode" "$round" "$rps"
  if [[ "$mode" == durable ]]; then
    printf '   %s fsyncs, %.1f deliveries per fsync, fsync p50 <= %s s, p99 <= %s s' \
      "$fsyncs" "$(awk -v a="$accepted" -v f="$fsyncs" 'BEGIN { print f ? a / f : 0 }')" "$p50" "$p99"
  fi
  printf '\n'
  echo "$mode $round $rps $fsyncs $accepted $p50 $p99" >>"$work/results"
}

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), kernel $(uname -r)"
echo "journal on: $(df -T "$work" | awk 'NR == 2 { print $2 " (" $1 ")" }'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t2 -c32 -d${duration}s -s bench/post.lua; $rounds interleaved round(s)"
: >"$work/results"
for ((round = 1; round <= rounds; round++)); do
  run inline "$round"
  run memory "$round" --workers 2
  run durable "$round" --journal "$work/journal"
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"

awk -v strict="$strict" '
  { if (!($1 in best) || $3 + 0 > best[$1]) best[$1] = $3 + 0 }
  END {
    printf "\nbest req/s: inline %.0f, memory %.0f, durable %.0f\n", best["inline"], best["memory"], best["durable"]
    ratio = best["durable"] / best["memory"]
    verdict = ratio >= 0.70 ? "PASS" : "FAIL"
    printf "durable / memory = %.2fx (goal >= 0.70x): %s\n", ratio, verdict
    printf "durable / inline = %.2fx, memory / inline = %.2fx\n", best["durable"] / best["inline"], best["memory"] / best["inline"]
    if (strict && verdict == "FAIL") exit 1
  }' "$work/results"
