#!/usr/bin/env bash
# e2e.sh: end-to-end throughput and memory of hello-receiver against its two references.
#
# Starts, one at a time, on 127.0.0.1 and port 0:
#   hello-receiver --quiet   the SDK's example receiver (parse, route, count)
#   bench-bare-pistache      the smallest Pistache endpoint (bench/bare_pistache.cpp)
#   node_receiver.js         a plain Node.js http receiver doing the same work (bench/node_receiver.js)
# and loads each with `wrk -t2 -c32 -d10s -s bench/post.lua URL`: a realistic Fineract LOAN
# REPAYMENT POST with the 600-byte envelope of bench/data/. Runs are interleaved (hello, bare,
# node, hello, bare, node, ...) and each server's best requests/s over the rounds is kept;
# memory is the server's peak RSS (VmHWM of /proc/PID/status, read after its run, highest over
# the rounds). Before each server starts, the load average and how busy the CPUs are
# (bench/load_average.sh). Before each measured run a 1 s run with WRK_CHECK_KEEPALIVE=1 doubles as warm-up
# and checks that no response closes the connection.
#
# Goals (issue 2): hello/bare >= 0.90 of the requests/s, hello/node >= 1.25, and hello's peak RSS
# below node's.
#
#   bench/e2e.sh                       # builds build/bench-rel if needed, 2 rounds of 10 s
#   bench/e2e.sh --duration 30s --rounds 3
#
# Needs wrk (`scripts/setup --bench`) and node (`scripts/setup`).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/bench/load_average.sh"
build_dir="$root/build/bench-rel"
duration="10s"
rounds=2
connections=32
wrk_threads=2
build=1
strict=0

usage() {
  cat <<EOF
usage: bench/e2e.sh [options]
  --build-dir DIR    build tree to use (default: build/bench-rel, configured with the release preset)
  --no-build         do not configure or build; use the binaries already in the build tree
  --duration D       wrk duration of each measured run, e.g. 10s, 30s (default: $duration)
  --rounds N         interleaved rounds; the best requests/s of each server is kept (default: $rounds)
  --connections N    wrk connections (default: $connections)
  --wrk-threads N    wrk threads (default: $wrk_threads)
  --strict           exit 1 when a goal is missed
  --help             this text
Needs wrk and node (scripts/setup --bench installs them). All traffic goes to 127.0.0.1.
EOF
}

die() { echo "e2e.sh: $*" >&2; exit 1; }
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 needs a positive integer, got '$2'"; }

while (($#)); do
  case "$1" in
    --build-dir) (($# >= 2)) || die "--build-dir needs a value"; build_dir="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --duration) (($# >= 2)) || die "--duration needs a value"; duration="$2"; shift 2 ;;
    --rounds) (($# >= 2)) || die "--rounds needs a value"; positive "$1" "$2"; rounds="$2"; shift 2 ;;
    --connections) (($# >= 2)) || die "--connections needs a value"; positive "$1" "$2"; connections="$2"; shift 2 ;;
    --wrk-threads) (($# >= 2)) || die "--wrk-threads needs a value"; positive "$1" "$2"; wrk_threads="$2"; shift 2 ;;
    --strict) strict=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

[[ "$duration" =~ ^[0-9]+$ ]] && duration="${duration}s"
[[ "$duration" =~ ^([1-9][0-9]*)(s|m)$ ]] || die "--duration must look like 10s or 2m, got '$duration'"
duration_s=${BASH_REMATCH[1]}
[[ "${BASH_REMATCH[2]}" == m ]] && duration_s=$((duration_s * 60))

command -v wrk >/dev/null || die "wrk is not installed: run scripts/setup --bench (or apt-get install -y wrk)"
command -v node >/dev/null || die "node is not installed: run scripts/setup (or apt-get install -y nodejs)"
command -v ss >/dev/null || die "ss is not installed (apt-get install -y iproute2)"

# --- build -------------------------------------------------------------------------------------
if ((build)); then
  if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
    (cd "$root" && cmake --preset release -B "$build_dir" -DMIFOS_HOOKS_BUILD_TESTS=OFF >/dev/null)
  fi
  cmake --build "$build_dir" -j 2 --target hello-receiver bench-bare-pistache
fi

find_binary() {
  local found
  found="$(find "$build_dir" -type f -name "$1" -perm -u+x -print -quit 2>/dev/null || true)"
  [[ -n "$found" ]] || die "no $1 under $build_dir (build it, or drop --no-build)"
  printf '%s\n' "$found"
}
hello_bin="$(find_binary hello-receiver)"
bare_bin="$(find_binary bench-bare-pistache)"
node_js="$root/bench/node_receiver.js"
post_lua="$root/bench/post.lua"

# --- server lifecycle ----------------------------------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/mifos-e2e.XXXXXX")"
server_pid=""

stop_server() {
  [[ -n "$server_pid" ]] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 100; i++)); do  # up to 10 s for a clean stop
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$server_pid" 2>/dev/null; then
    echo "e2e.sh: pid $server_pid ignored SIGTERM for 10 s; killing it" >&2
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

cleanup() {
  stop_server
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_server NAME CMD...: starts it, waits up to 10 s for its listening line, sets server_url.
start_server() {
  local name="$1"
  shift
  : >"$work/$name.err"
  "$@" >"$work/$name.out" 2>"$work/$name.err" &
  server_pid=$!
  local i line=""
  for ((i = 0; i < 100; i++)); do
    line="$(grep -m1 -o 'listening on http://127\.0\.0\.1:[0-9]*[^ ]*' "$work/$name.err" || true)"
    [[ -n "$line" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/$name.err" >&2; die "$name exited before listening"; }
    sleep 0.1
  done
  [[ -n "$line" ]] || { cat "$work/$name.err" >&2; die "$name printed no listening line within 10 s"; }
  server_url="${line#listening on }"
}

vm_field() {  # vm_field PID FIELD -> kB
  awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0
}

# run_one NAME ROUND CMD...: one measured run; appends "name round rps hwm_kb closed non2xx errors"
run_one() {
  local name="$1" round="$2"
  shift 2
  print_machine_state "$name round $round"
  start_server "$name" "$@"
  local port="${server_url#http://127.0.0.1:}"
  port="${port%%/*}"

  # Warm-up and keep-alive check: counts responses that say "Connection: close".
  local check
  check="$(WRK_CHECK_KEEPALIVE=1 timeout 30 wrk -t1 -c4 -d1s -s "$post_lua" "$server_url" |
    sed -n 's/^keepalive-check: //p')"

  local out="$work/$name.$round.wrk"
  timeout $((duration_s + 60)) wrk -t"$wrk_threads" -c"$connections" -d"$duration" \
    -s "$post_lua" "$server_url" >"$out"
  local hwm rss
  hwm="$(vm_field "$server_pid" VmHWM)"
  rss="$(vm_field "$server_pid" VmRSS)"
  # Connections closed during the measured run: sockets left in TIME_WAIT on this port. With
  # keep-alive only the wrk connections closed at the end remain (about -c of them).
  local closed
  closed="$(ss -Htan state time-wait "( sport = :$port or dport = :$port )" 2>/dev/null | wc -l)"
  stop_server

  local rps non2xx errors latency
  rps="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
  latency="$(awk '$1 == "Latency" { print $2; exit }' "$out")"
  non2xx="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")"
  errors="$(sed -n 's/^ *Socket errors: //p' "$out")"
  [[ -n "$rps" ]] || { cat "$out" >&2; die "no Requests/sec in wrk's output for $name"; }
  printf '%-14s round %d: %8.0f req/s  latency %-7s peak RSS %7d kB  keep-alive check: %s\n' \
    "$name" "$round" "$rps" "$latency" "$hwm" "${check:-?}"
  echo "$name $round $rps $hwm ${closed:-0} ${non2xx:-0} ${errors:-none} ${latency:-?} ${rss:-0}" \
    | tr -s ' ' >>"$work/results"
  [[ -z "$non2xx" || "$non2xx" == 0 ]] ||
    echo "e2e.sh: warning: $name answered $non2xx non-2xx responses" >&2
}

# --- runs ------------------------------------------------------------------------------------------
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), kernel $(uname -r)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t$wrk_threads -c$connections -d$duration -s bench/post.lua URL; $rounds interleaved round(s)"
: >"$work/results"
for ((round = 1; round <= rounds; round++)); do
  run_one hello-receiver "$round" "$hello_bin" --port 0 --quiet
  run_one bare-pistache "$round" "$bare_bin" --port 0
  run_one node "$round" node "$node_js" --port 0
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"

# --- report ----------------------------------------------------------------------------------------
awk -v rounds="$rounds" -v strict="$strict" '
  {
    name = $1; rps = $3 + 0; hwm = $4 + 0
    if (!(name in best) || rps > best[name]) best[name] = rps
    if (!(name in peak) || hwm > peak[name]) peak[name] = hwm
    all[name] = all[name] sprintf(" %.0f", rps)
    closed[name] = closed[name] " " $5
  }
  END {
    printf "\n%-16s %12s %-24s %14s %s\n", "server", "best req/s", "each round", "peak RSS (kB)", "TIME_WAIT after runs"
    n = split("hello-receiver bare-pistache node", order, " ")
    for (i = 1; i <= n; i++) {
      s = order[i]
      printf "%-16s %12.0f %-24s %14d %s\n", s, best[s], all[s], peak[s], closed[s]
    }
    hb = best["hello-receiver"] / best["bare-pistache"]
    hn = best["hello-receiver"] / best["node"]
    ok1 = hb >= 0.90; ok2 = hn >= 1.25; ok3 = peak["hello-receiver"] < peak["node"]
    printf "\n%-40s %10s %10s %s\n", "goal", "measured", "target", "verdict"
    printf "%-40s %9.2fx %10s %s\n", "hello-receiver / bare Pistache req/s", hb, ">= 0.90x", ok1 ? "PASS" : "FAIL"
    printf "%-40s %9.2fx %10s %s\n", "hello-receiver / node req/s", hn, ">= 1.25x", ok2 ? "PASS" : "FAIL"
    printf "%-40s %7d/%d %10s %s\n", "peak RSS hello-receiver / node (kB)", peak["hello-receiver"], peak["node"], "lower", ok3 ? "PASS" : "FAIL"
    printf "(best of %d interleaved round(s) per server; TIME_WAIT counts sockets closed on the port: about -c of them means connections were reused)\n", rounds
    exit (strict && !(ok1 && ok2 && ok3)) ? 1 : 0
  }' "$work/results"
