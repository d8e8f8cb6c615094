# load_average.sh: sourced by the bench scripts. A figure measured beside other work says little,
# so each run is preceded by the machine's state: the 1-minute load average (a warning above
# 0.5) and how busy the CPUs were over the second before the run. The load average also counts
# this benchmark's own earlier rounds (a 10 s run at full load adds about 0.3), so the CPU
# figure, taken while nothing of the benchmark runs, tells whether something else is busy now.
#
#   source "$root/bench/load_average.sh"
#   print_machine_state "wrk round 1"

load_warn_above=0.5

# Percent of CPU time not idle over the next second, all CPUs together.
cpu_busy_percent() {
  local a b
  a="$(awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $5 + $6 }' /proc/stat)"
  sleep 1
  b="$(awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $5 + $6 }' /proc/stat)"
  awk -v a="$a" -v b="$b" 'BEGIN {
    split(a, x, " "); split(b, y, " ")
    total = y[1] - x[1]; idle = y[2] - x[2]
    printf "%.0f", (total > 0 ? 100 * (total - idle) / total : 0)
  }'
}

# print_machine_state WHAT: one line before the run named WHAT.
print_machine_state() {
  local load busy
  load="$(cut -d' ' -f1 /proc/loadavg)"
  busy="$(cpu_busy_percent)"
  if awk -v l="$load" -v m="$load_warn_above" 'BEGIN { exit !(l > m) }'; then
    printf 'before %s: load average %s (1 min), CPUs %s%% busy over the last second; WARNING: load above %s, figures may be low\n' \
      "$1" "$load" "$busy" "$load_warn_above"
  else
    printf 'before %s: load average %s (1 min), CPUs %s%% busy over the last second\n' "$1" "$load" "$busy"
  fi
}
