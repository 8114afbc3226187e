#!/usr/bin/env bash
# bench/run.sh: how far is spillway from the physical limit of a linter?
#
# Builds spillway, the parse baseline (bench/parsebaseline: walk + parse,
# nothing else) and the corpus generator, writes generated corpora (2,500
# and 20,000 configuration files by default) and runs the baseline and
# `spillway scan --format json -o /dev/null` on each in interleaved rounds. Prints
# the median wall time, CPU time (user+sys) and peak RSS of each, the
# ratios spillway/baseline, and how each grows from the smallest corpus to
# the largest. See "Performance" in README.md.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/run.sh [options]

  -n, --sizes "N ..."   corpus sizes in configuration files (default "2500 20000")
  -r, --runs N          measured rounds (each runs every tool once on every corpus), after one warm-up round (default 5)
  -s, --seed N          corpus seed (default 1)
  -j, --jobs N          workers of spillway (-j) and of the baseline (default: number of CPUs)
  -o, --out DIR         scratch directory for binaries, corpora and logs (default bench/out)
      --keep            also run the baseline with -keep (parsed files kept in memory)
      --others          also run tfsec and tflint when they are on PATH
      --timer T         gnu (/usr/bin/time -v), go (bench/timeit) or auto (default)
      --regenerate      rewrite the corpora even if they exist
      --profile         then profile one in-process scan of the largest corpus
                        (go test -bench BenchmarkScan -cpuprofile) and print the top functions
  -h, --help            this help
EOF
}

sizes="2500 20000"
runs=5
seed=1
jobs=""
out=""
keep=0
others=0
timer=auto
regenerate=0
profile=0
while [ $# -gt 0 ]; do
  case "$1" in
    -n|--sizes) sizes="$2"; shift 2 ;;
    -r|--runs) runs="$2"; shift 2 ;;
    -s|--seed) seed="$2"; shift 2 ;;
    -j|--jobs) jobs="$2"; shift 2 ;;
    -o|--out) out="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --others) others=1; shift ;;
    --timer) timer="$2"; shift 2 ;;
    --regenerate) regenerate=1; shift ;;
    --profile) profile=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
out="${out:-$repo/bench/out}"
mkdir -p "$out/bin" "$out/logs"
out="$(cd "$out" && pwd)"
if [ -z "$jobs" ]; then
  jobs="$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null || echo 1)"
fi
export GOFLAGS="${GOFLAGS:--buildvcs=false}"

echo "== building into $out/bin"
go build -o "$out/bin/spillway" ./cmd/spillway
go build -o "$out/bin/parsebaseline" ./bench/parsebaseline
go build -o "$out/bin/spillway-benchgen" ./cmd/spillway-benchgen

# The timer writes GNU time -v lines to a file: /usr/bin/time when it is GNU
# time, otherwise the Go harness bench/timeit (which prints the same lines).
if [ "$timer" = auto ]; then
  if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
    timer=gnu
  else
    echo "   GNU time not found (Debian: apt-get install time); using bench/timeit"
    timer=go
  fi
fi
case "$timer" in
  gnu) timecmd=(/usr/bin/time -v -o) ;;
  go) go build -o "$out/bin/timeit" ./bench/timeit; timecmd=("$out/bin/timeit" -o) ;;
  *) echo "bench/run.sh: --timer must be gnu, go or auto" >&2; exit 2 ;;
esac

echo "== corpora (seed $seed)"
for n in $sizes; do
  dir="$out/corpus-$n-s$seed"
  if [ "$regenerate" = 1 ] || [ ! -f "$dir.done" ]; then
    rm -rf "$dir" "$dir.done"
    "$out/bin/spillway-benchgen" -n "$n" -seed "$seed" -o "$dir" | tee "$dir.stats"
    touch "$dir.done"
  else
    cat "$dir.stats"
  fi
done

# measure TOOL LOG CMD...: runs CMD under the timer and prints
# "wall cpu rss_kib exit". Logs stdout and stderr to LOG.{out,err}.
measure() {
  local log="$1"; shift
  local status=0
  "${timecmd[@]}" "$log.time" "$@" >"$log.out" 2>"$log.err" || status=$?
  awk -v status="$status" '
    /User time \(seconds\)/ { user = $NF }
    /System time \(seconds\)/ { sys = $NF }
    /Elapsed \(wall clock\)/ {
      n = split($NF, p, ":"); wall = 0
      for (i = 1; i <= n; i++) wall = wall * 60 + p[i]
    }
    /Maximum resident set size/ { rss = $NF }
    /Exit status/ { status = $NF }
    END { printf "%.3f %.3f %d %d\n", wall, user + sys, rss, status }
  ' "$log.time"
}

# median: reads numbers, prints their median.
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ok TOOL STATUS: whether an exit status is success for the tool.
ok() {
  case "$1" in
    spillway) [ "$2" = 0 ] || [ "$2" = 1 ] ;; # 1 means findings
    baseline|baseline-keep) [ "$2" = 0 ] ;;
    *) [ "$2" -lt 126 ] ;; # other linters: findings codes vary; only crashes count
  esac
}

tools=(baseline spillway)
[ "$keep" = 1 ] && tools=(baseline baseline-keep spillway)
if [ "$others" = 1 ]; then
  command -v tfsec >/dev/null 2>&1 && tools+=(tfsec) || echo "   tfsec not on PATH; skipped"
  command -v tflint >/dev/null 2>&1 && tools+=(tflint) || echo "   tflint not on PATH; skipped"
fi

set_cmd() { # TOOL DIR: sets cmd to the tool's command line
  case "$1" in
    baseline) cmd=("$out/bin/parsebaseline" -j "$jobs" "$2") ;;
    baseline-keep) cmd=("$out/bin/parsebaseline" -j "$jobs" -keep "$2") ;;
    spillway) cmd=("$out/bin/spillway" scan --format json -o /dev/null -j "$jobs" "$2") ;;
    # Without --force-all-dirs tfsec analyzes only the directories it takes
    # for root modules and skips most of a tree like this one.
    tfsec) cmd=(tfsec --force-all-dirs --no-module-downloads --no-color --format json --out /dev/null "$2") ;;
    tflint) cmd=(tflint --recursive --format json "--chdir=$2") ;;
  esac
}

results="$out/results.txt"
: >"$results"
echo "== measuring: $runs rounds after one warm-up round, $jobs jobs, timer $timer"
echo "   (a round runs every tool once on every corpus, so a slow spell of the machine"
echo "   hits all tools and sizes alike instead of skewing one ratio)"
for i in $(seq 0 "$runs"); do
  for n in $sizes; do
    dir="$out/corpus-$n-s$seed"
    if [ "$i" -eq 0 ]; then # round 0 warms the page cache
      printf '   warm-up  %6s files:' "$n"
    else
      printf '   round %-2d %6s files:' "$i" "$n"
    fi
    for tool in "${tools[@]}"; do
      set_cmd "$tool" "$dir"
      log="$out/logs/$tool-$n"
      read -r wall cpu rss status <<<"$(measure "$log" "${cmd[@]}")"
      if ! ok "$tool" "$status"; then
        echo
        echo "bench/run.sh: $tool exited with status $status on $dir:" >&2
        cat "$log.err" >&2
        exit 1
      fi
      [ "$i" -gt 0 ] && echo "$n $tool $wall $cpu $rss" >>"$results"
      printf ' %s %ss' "$tool" "$wall"
    done
    echo
  done
done

# med N TOOL COLUMN: median of a column (3 wall, 4 cpu, 5 rss KiB).
med() {
  awk -v n="$1" -v t="$2" -v c="$3" '$1 == n && $2 == t { print $c }' "$results" | median
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

echo
echo "== results (medians of $runs rounds; $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo "?") CPUs, -j $jobs, $(go env GOVERSION))"
printf '%-8s %-14s %10s %10s %14s\n' files tool "wall s" "cpu s" "peak RSS MiB"
for n in $sizes; do
  for tool in "${tools[@]}"; do
    printf '%-8s %-14s %10s %10s %14s\n' "$n" "$tool" "$(med "$n" "$tool" 3)" "$(med "$n" "$tool" 4)" "$(mib "$(med "$n" "$tool" 5)")"
  done
done
echo
printf '%-8s %-24s %10s %10s %14s\n' files ratio wall cpu "peak RSS"
for n in $sizes; do
  for tool in "${tools[@]}"; do
    [ "$tool" = baseline ] && continue
    printf '%-8s %-24s %10s %10s %14s\n' "$n" "$tool/baseline" \
      "$(ratio "$(med "$n" "$tool" 3)" "$(med "$n" baseline 3)")" \
      "$(ratio "$(med "$n" "$tool" 4)" "$(med "$n" baseline 4)")" \
      "$(ratio "$(med "$n" "$tool" 5)" "$(med "$n" baseline 5)")"
  done
done
read -r -a sz <<<"$sizes"
if [ "${#sz[@]}" -ge 2 ]; then
  small="${sz[0]}" large="${sz[${#sz[@]}-1]}"
  echo
  printf 'growth %s -> %s files (x%s)\n' "$small" "$large" "$(ratio "$large" "$small")"
  printf '%-14s %10s %10s %14s\n' tool wall cpu "peak RSS"
  for tool in "${tools[@]}"; do
    printf '%-14s %10s %10s %14s\n' "$tool" \
      "$(ratio "$(med "$large" "$tool" 3)" "$(med "$small" "$tool" 3)")" \
      "$(ratio "$(med "$large" "$tool" 4)" "$(med "$small" "$tool" 4)")" \
      "$(ratio "$(med "$large" "$tool" 5)" "$(med "$small" "$tool" 5)")"
  done
fi
echo
echo "raw measurements: $results; logs: $out/logs"

if [ "$profile" = 1 ]; then
  read -r -a sz <<<"$sizes"
  large="${sz[${#sz[@]}-1]}"
  echo
  echo "== CPU profile of one scan of $large files ($out/cpu-$large.prof, $out/mem-$large.prof)"
  SPILLWAY_BENCH_CORPUS="$out/corpus-$large-s$seed" go test ./bench -run '^$' -bench '^BenchmarkScan$' -benchtime 1x \
    -cpuprofile "$out/cpu-$large.prof" -memprofile "$out/mem-$large.prof" -o "$out/bin/bench.test" >"$out/logs/profile.out"
  go tool pprof -top -cum -nodecount 40 "$out/bin/bench.test" "$out/cpu-$large.prof" 2>/dev/null | sed -n '1,50p'
  echo "   more: go tool pprof -http : $out/bin/bench.test $out/cpu-$large.prof"
fi
