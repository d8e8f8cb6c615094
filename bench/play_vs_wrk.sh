#!/usr/bin/env bash
# play_vs_wrk.sh: deliveries/s of `mock-mifos play --rate max` beside wrk's requests/s, against one
# local nginx, one client thread against one.
#
# The player sends from a single thread (one epoll loop), so wrk runs with one thread too
# (`wrk -t1`): a second wrk thread would take the second core away from nginx and compare two
# threads with one. Starts nginx (Debian's nginx-light, /usr/sbin/nginx) on a free 127.0.0.1
# port with a temporary config (`location / { return 200; }`, access log off, one worker,
# everything under a temp dir), generates a day of traffic (`mock-mifos generate --clients 2000
# --seed 7`, about 5,500 deliveries), then runs, interleaved for N rounds (the order swaps each
# round):
#   wrk -t1 -c32 -d10s -s bench/post.lua URL
#   mock-mifos play DAY --target URL --rate max --connections 32 --duration 10s --loop --quiet
# wrk sends one realistic Fineract LOAN REPAYMENT POST (bench/post.lua, bench/data/) over and
# over; the player sends the day's deliveries, looped. Each client's best rate over the rounds is
# kept (noise on a shared machine only takes away); the goal of issue 4 is play/wrk >= 0.90.
# Beside each figure it prints what nginx counted (stub_status), the client's CPU time per
# request and nginx's CPU use, and before each run the load average and how busy the CPUs were
# (bench/load_average.sh), so a run limited by nginx or by a busy machine shows as such.
#
#   bench/play_vs_wrk.sh                                  # builds build/bench-rel if needed
#   bench/play_vs_wrk.sh --build-dir build/load-rel --no-build --rounds 5
#   bench/play_vs_wrk.sh --load-sender                    # the epoll sender alone, without the player
#   bench/play_vs_wrk.sh --sender "my-client {url} -c {connections} -d {duration}"
#
# In --sender's command {url}, {connections} and {duration} (whole seconds) are replaced. Its
# rate is read from a "Requests/sec: N" line when it prints one, otherwise from nginx's count.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/bench/load_average.sh"
build_dir="$root/build/bench-rel"
duration_s=10
rounds=3
connections=32
wrk_threads=1
workers=1
build=1
strict=0
sender=""
sender_name=play
load_sender=0
nginx_bin="${NGINX:-/usr/sbin/nginx}"

usage() {
  cat <<EOF
usage: bench/play_vs_wrk.sh [options]
  --sender "CMD"     the command measured against wrk; {url} {connections} {duration} are
                     replaced (default: mock-mifos play on a generated day, --rate max --loop)
  --load-sender      measure bench-load-sender (the player's epoll sender without the player)
  --build-dir DIR    build tree holding mock-mifos (default: build/bench-rel)
  --no-build         do not configure or build
  --duration S       seconds of each measured run (default: $duration_s)
  --rounds N         interleaved rounds; the best rate of each client is kept (default: $rounds)
  --connections N    connections of both clients (default: $connections)
  --wrk-threads N    wrk threads (default: $wrk_threads, as many as the player's sender; more
                     compares unlike with unlike)
  --nginx-workers N  nginx worker_processes (default: $workers)
  --strict           exit 1 when the ratio is under 0.90
  --help             this text
Needs wrk and nginx (scripts/setup --bench). All traffic goes to 127.0.0.1.
EOF
}

die() { echo "play_vs_wrk.sh: $*" >&2; exit 1; }
positive() { [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "$1 needs a positive integer, got '$2'"; }

while (($#)); do
  case "$1" in
    --sender) (($# >= 2)) || die "--sender needs a command"; sender="$2"; sender_name=sender; shift 2 ;;
    --load-sender) load_sender=1; sender_name=sender; shift ;;
    --build-dir) (($# >= 2)) || die "--build-dir needs a value"; build_dir="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --duration) (($# >= 2)) || die "--duration needs a value"; d="${2%s}"; positive "$1" "$d"; duration_s="$d"; shift 2 ;;
    --rounds) (($# >= 2)) || die "--rounds needs a value"; positive "$1" "$2"; rounds="$2"; shift 2 ;;
    --connections) (($# >= 2)) || die "--connections needs a value"; positive "$1" "$2"; connections="$2"; shift 2 ;;
    --wrk-threads) (($# >= 2)) || die "--wrk-threads needs a value"; positive "$1" "$2"; wrk_threads="$2"; shift 2 ;;
    --nginx-workers) (($# >= 2)) || die "--nginx-workers needs a value"; positive "$1" "$2"; workers="$2"; shift 2 ;;
    --strict) strict=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || die "wrk is not installed: run scripts/setup --bench (or apt-get install -y wrk)"
[[ -x "$nginx_bin" ]] || die "no nginx at $nginx_bin: apt-get install -y nginx-light (or set NGINX)"
command -v curl >/dev/null || die "curl is not installed"
command -v ss >/dev/null || die "ss is not installed (apt-get install -y iproute2)"

# --- the client measured against wrk -------------------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/mifos-play-vs-wrk.XXXXXX")"
trap 'rm -rf "$work"' EXIT  # until nginx's cleanup takes over
find_built() {  # find_built NAME: the executable NAME under the build tree
  find "$build_dir" -type f -name "$1" -perm -u+x -print -quit 2>/dev/null || true
}
if [[ -z "$sender" ]]; then
  target=mock-mifos
  ((load_sender)) && target=bench-load-sender
  if ((build)); then
    if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
      (cd "$root" && cmake --preset release -B "$build_dir" -DMIFOS_HOOKS_BUILD_TESTS=OFF >/dev/null)
    fi
    cmake --build "$build_dir" -j 2 --target "$target"
  fi
  bin="$(find_built "$target")"
  [[ -n "$bin" ]] || { die "no $target under $build_dir (build it, or drop --no-build)"; }
  if ((load_sender)); then
    sender="$bin {url} --connections {connections} --duration {duration}"
  else
    "$bin" generate --clients 2000 --seed 7 --out "$work/day.jsonl" >/dev/null
    sender="$bin play $work/day.jsonl --target {url} --rate max --connections {connections} --duration {duration}s --loop --quiet"
  fi
fi

# --- nginx ---------------------------------------------------------------------------------------
nginx_pid=""

stop_nginx() {
  [[ -n "$nginx_pid" ]] || return 0
  kill -QUIT "$nginx_pid" 2>/dev/null || true  # graceful: workers finish, then the master exits
  local i
  for ((i = 0; i < 100; i++)); do
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$nginx_pid" 2>/dev/null && kill -TERM "$nginx_pid" 2>/dev/null || true
  wait "$nginx_pid" 2>/dev/null || true
  nginx_pid=""
}
cleanup() {
  stop_nginx
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() { ss -Htln "sport = :$1" 2>/dev/null | grep -q .; }

write_config() {
  mkdir -p "$work/temp"
  cat >"$work/nginx.conf" <<EOF
worker_processes $workers;
daemon off;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/temp/body;
  proxy_temp_path $work/temp/proxy;
  fastcgi_temp_path $work/temp/fastcgi;
  uwsgi_temp_path $work/temp/uwsgi;
  scgi_temp_path $work/temp/scgi;
  server {
    listen 127.0.0.1:$1;
    location = /nginx_status { stub_status; }
    location / { return 200; }
  }
}
EOF
}

start_nginx() {
  local attempt i
  for ((attempt = 0; attempt < 20; attempt++)); do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    write_config "$port"
    "$nginx_bin" -p "$work" -c "$work/nginx.conf" -e "$work/error.log" >"$work/nginx.out" 2>&1 &
    nginx_pid=$!
    for ((i = 0; i < 50; i++)); do
      curl -fsS "http://127.0.0.1:$port/nginx_status" >/dev/null 2>&1 && return 0
      kill -0 "$nginx_pid" 2>/dev/null || break
      sleep 0.1
    done
    stop_nginx  # the port was taken meanwhile, or nginx failed: try another
  done
  cat "$work/error.log" "$work/nginx.out" >&2 2>/dev/null || true
  die "nginx did not start"
}

nginx_requests() {  # the total of requests nginx has handled
  curl -fsS "http://127.0.0.1:$port/nginx_status" | awk 'NR == 3 { print $3 }'
}

nginx_cpu_ticks() {  # user + system clock ticks of nginx's workers
  local total=0 pid
  for pid in $(pgrep -P "$nginx_pid" 2>/dev/null); do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

start_nginx
url="http://127.0.0.1:$port/hooks"
ticks_per_s="$(getconf CLK_TCK)"

# run_one NAME ROUND CMD...: one measured run; appends "name round client_rps server_rps
# client_cpu_us_per_request nginx_cpu_percent" to $work/results.
run_one() {
  local name="$1" round="$2"
  shift 2
  local out="$work/$name.$round.out" before after t0 t1 c0 c1 cpu
  print_machine_state "$name round $round"
  before="$(nginx_requests)"
  c0="$(nginx_cpu_ticks)"
  t0="$(date +%s.%N)"
  local TIMEFORMAT='%U %S'
  { time timeout $((duration_s + 60)) "$@" >"$out" 2>&1; } 2>"$work/time" ||
    { cat "$out" >&2; die "$name failed"; }
  t1="$(date +%s.%N)"
  c1="$(nginx_cpu_ticks)"
  after="$(nginx_requests)"
  cpu="$(awk '{ print $1 + $2 }' "$work/time")"

  local client_rps server_rps
  client_rps="$(awk '/^Requests\/sec:/ { print $2; exit }' "$out")"
  server_rps="$(awk -v a="$after" -v b="$before" -v t0="$t0" -v t1="$t1" \
    'BEGIN { printf "%.0f", (a - b - 1) / (t1 - t0) }')"
  [[ -n "$client_rps" ]] || client_rps="$server_rps"
  local requests us_per nginx_pct
  requests=$((after - before - 1))
  us_per="$(awk -v c="$cpu" -v n="$requests" 'BEGIN { printf "%.1f", (n > 0 ? c * 1e6 / n : 0) }')"
  nginx_pct="$(awk -v d=$((c1 - c0)) -v hz="$ticks_per_s" -v t0="$t0" -v t1="$t1" \
    'BEGIN { printf "%.0f", 100 * d / hz / (t1 - t0) }')"
  printf '%-6s round %d: %9.0f req/s (nginx counted %7.0f/s)  client CPU %5.1f us/request  nginx CPU %3d%%\n' \
    "$name" "$round" "$client_rps" "$server_rps" "$us_per" "$nginx_pct"
  echo "$name $round $client_rps $server_rps $us_per $nginx_pct" >>"$work/results"
  if grep -qE 'Non-2xx|Socket errors|error ' "$out"; then
    echo "play_vs_wrk.sh: $name reported errors:" >&2
    grep -E 'Non-2xx|Socket errors|error ' "$out" >&2
  fi
}

expand() {  # the sender command with its placeholders filled in
  local c="$sender"
  c="${c//\{url\}/$url}"
  c="${c//\{connections\}/$connections}"
  c="${c//\{duration\}/$duration_s}"
  echo "$c"
}

run_wrk() {
  run_one wrk "$1" wrk -t"$wrk_threads" -c"$connections" -d"${duration_s}s" -s "$root/bench/post.lua" "$url"
}
run_sender() {
  run_one "$sender_name" "$1" bash -c "exec $(expand)"  # so quotes inside --sender work
}

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), kernel $(uname -r)"
echo "nginx: $("$nginx_bin" -v 2>&1 | sed 's/^nginx version: //'), worker_processes $workers, on $url"
echo "wrk:    wrk -t$wrk_threads -c$connections -d${duration_s}s -s bench/post.lua URL"
printf '%-7s %s\n' "$sender_name:" "$(expand)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $rounds interleaved round(s) of ${duration_s} s"
timeout 30 wrk -t1 -c4 -d1s -s "$root/bench/post.lua" "$url" >/dev/null  # warm-up
: >"$work/results"
for ((round = 1; round <= rounds; round++)); do
  if ((round % 2)); then run_wrk "$round"; run_sender "$round"; else run_sender "$round"; run_wrk "$round"; fi
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
stop_nginx

awk -v strict="$strict" -v rounds="$rounds" -v name="$sender_name" -v threads="$wrk_threads" '
  {
    if (!($1 in best) || $3 > best[$1]) best[$1] = $3
    all[$1] = all[$1] sprintf(" %.0f", $3)
    cpu[$1] = cpu[$1] " " $5
  }
  END {
    printf "\n%-8s %12s  %-26s %s\n", "client", "best req/s", "each round", "client CPU us/request"
    printf "%-8s %12.0f  %-26s %s\n", "wrk", best["wrk"], all["wrk"], cpu["wrk"]
    printf "%-8s %12.0f  %-26s %s\n", name, best[name], all[name], cpu[name]
    ratio = best["wrk"] > 0 ? best[name] / best["wrk"] : 0
    ok = ratio >= 0.90
    printf "\n%s / wrk requests/s: %.3f (goal >= 0.90): %s\n", name, ratio, ok ? "PASS" : "FAIL"
    printf "(best of %d interleaved round(s) per client; wrk with %d thread(s), the player sends from one)\n", rounds, threads
    exit (strict && !ok) ? 1 : 0
  }' "$work/results"
