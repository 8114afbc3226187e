#!/usr/bin/env bash
# bench/run.sh: how far is spillway from the physical limit of a linter?
#
# Builds spillway and the parse baseline (bench/parsebaseline: walk + parse,
# nothing else), prepares the corpora under bench/out/ (gitignored) and runs
# the baseline and `spillway scan --format json -o /dev/null --soft-fail` on
# each in interleaved rounds, with the same number of workers. Prints the
# median wall time, CPU time (user+sys) and peak RSS of each, the ratios
# spillway/baseline, how each grows from the smallest corpus of a workload
# to the largest, and the table of issue 15. See "Performance" in README.md.
#
# The main workload is the real-world corpus (../shared/corpus/real.tar.gz,
# 843 Terraform files), unpacked once and copied side by side: 3 copies
# ("mid", 2,529 files) and 24 copies ("big", 20,232 files) by default. Its
# contents are never committed. The generated corpus (internal/benchgen) is
# the second workload (--workload generated or both).
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/run.sh [options]

  -w, --workload W      real, generated or both (default real)
      --real-tar FILE   the real corpus archive (default $SPILLWAY_REAL_CORPUS, else
                        ../shared/corpus/real.tar.gz next to the repository)
  -c, --copies "N ..."  copies of the real corpus side by side (default "3 24": mid and big)
  -n, --sizes "N ..."   generated corpus sizes in configuration files (default "2500 20000")
  -r, --runs N          measured rounds (each runs every tool once on every corpus),
                        after one warm-up round (default 5)
  -s, --seed N          generated corpus seed (default 1)
  -j, --jobs N          workers of spillway (-j) and of the baseline (default 2)
  -o, --out DIR         scratch directory for binaries, corpora and logs (default bench/out)
      --spillway BIN    measure this spillway binary instead of building one (to compare
                        with an older build: go build -o /tmp/spw-old ./cmd/spillway)
      --keep            also run the baseline with -keep (parsed files kept in memory)
      --others          also run tfsec and tflint when they are on PATH
      --timer T         gnu (/usr/bin/time -v), go (bench/timeit) or auto (default)
      --regenerate      rewrite the corpora even if they exist
      --profile         then profile one in-process scan of the largest corpus
                        (go test -bench BenchmarkScan -cpuprofile) and print the top functions
  -h, --help            this help
EOF
}

workload=real
realtar="${SPILLWAY_REAL_CORPUS:-}"
copies="3 24"
sizes="2500 20000"
runs=5
seed=1
jobs=2
spwbin=""
out=""
keep=0
others=0
timer=auto
regenerate=0
profile=0
while [ $# -gt 0 ]; do
  case "$1" in
    -w|--workload) workload="$2"; shift 2 ;;
    --real-tar) realtar="$2"; shift 2 ;;
    -c|--copies) copies="$2"; shift 2 ;;
    -n|--sizes) sizes="$2"; shift 2 ;;
    -r|--runs) runs="$2"; shift 2 ;;
    -s|--seed) seed="$2"; shift 2 ;;
    -j|--jobs) jobs="$2"; shift 2 ;;
    -o|--out) out="$2"; shift 2 ;;
    --spillway) spwbin="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    --others) others=1; shift ;;
    --timer) timer="$2"; shift 2 ;;
    --regenerate) regenerate=1; shift ;;
    --profile) profile=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
case "$workload" in
  real|generated|both) ;;
  *) echo "bench/run.sh: --workload must be real, generated or both" >&2; exit 2 ;;
esac

repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
out="${out:-$repo/bench/out}"
mkdir -p "$out/bin" "$out/logs"
out="$(cd "$out" && pwd)"
realtar="${realtar:-$repo/../shared/corpus/real.tar.gz}"
export GOFLAGS="${GOFLAGS:--buildvcs=false}"

echo "== building into $out/bin"
if [ -n "$spwbin" ]; then
  spwbin="$(cd "$(dirname "$spwbin")" && pwd)/$(basename "$spwbin")"
  echo "   measuring $spwbin"
else
  go build -o "$out/bin/spillway" ./cmd/spillway
  spwbin="$out/bin/spillway"
fi
go build -o "$out/bin/parsebaseline" ./bench/parsebaseline
[ "$workload" = real ] || go build -o "$out/bin/spillway-benchgen" ./cmd/spillway-benchgen

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

# countfiles DIR: the configuration files a scan of DIR reads.
countfiles() {
  find "$1" \( -name .terraform -o -name .git \) -prune -o -type f \
    \( -name '*.tf' -o -name '*.tf.json' -o -name '*.tofu' -o -name '*.tofu.json' \) -print | wc -l | tr -d ' '
}

# corpora holds "label dir" entries, workload by workload, smallest first.
corpora=()
if [ "$workload" != generated ]; then
  echo "== real corpus: $realtar, copies: $copies"
  if [ ! -f "$realtar" ]; then
    echo "bench/run.sh: $realtar not found (use --real-tar FILE, or --workload generated)" >&2
    exit 2
  fi
  if [ "$regenerate" = 1 ] || [ ! -f "$out/real.done" ]; then
    rm -rf "$out/real" "$out/real.done" "$out"/real-*
    mkdir -p "$out/real"
    tar -xzf "$realtar" -C "$out/real"
    touch "$out/real.done"
  fi
  for c in $copies; do
    dir="$out/real-$c"
    if [ ! -f "$dir.done" ]; then
      rm -rf "$dir"
      mkdir -p "$dir"
      for i in $(seq 1 "$c"); do cp -R "$out/real/real" "$dir/copy$i"; done
      touch "$dir.done"
    fi
    printf '   real-%-4s %6s configuration files\n' "$c" "$(countfiles "$dir")"
    corpora+=("real-$c $dir")
  done
fi
if [ "$workload" != real ]; then
  echo "== generated corpora (seed $seed)"
  for n in $sizes; do
    dir="$out/corpus-$n-s$seed"
    if [ "$regenerate" = 1 ] || [ ! -f "$dir.done" ]; then
      rm -rf "$dir" "$dir.done"
      "$out/bin/spillway-benchgen" -n "$n" -seed "$seed" -o "$dir" | tee "$dir.stats"
      touch "$dir.done"
    else
      cat "$dir.stats"
    fi
    corpora+=("gen-$n $dir")
  done
fi

# measure LOG CMD...: runs CMD under the timer and prints
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
    spillway) [ "$2" = 0 ] ;; # --soft-fail: findings exit 0 too
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
    # As a user runs it on a repository: the default root modules (no
    # --all-dirs, as issue 15's table was measured), a JSON report, and
    # findings that do not fail the command.
    spillway) cmd=("$spwbin" scan --format json -o /dev/null --soft-fail -j "$jobs" "$2") ;;
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
  for c in "${corpora[@]}"; do
    read -r n dir <<<"$c"
    if [ "$i" -eq 0 ]; then # round 0 warms the page cache
      printf '   warm-up  %-10s:' "$n"
    else
      printf '   round %-2d %-10s:' "$i" "$n"
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

# med CORPUS TOOL COLUMN: median of a column (3 wall, 4 cpu, 5 rss KiB).
med() {
  awk -v n="$1" -v t="$2" -v c="$3" '$1 == n && $2 == t { print $c }' "$results" | median
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

labels=()
for c in "${corpora[@]}"; do labels+=("${c%% *}"); done

echo
echo "== results (medians of $runs rounds; $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo "?") CPUs, -j $jobs, $(go env GOVERSION))"
printf '%-10s %-14s %10s %10s %14s\n' corpus tool "wall s" "cpu s" "peak RSS MiB"
for n in "${labels[@]}"; do
  for tool in "${tools[@]}"; do
    printf '%-10s %-14s %10s %10s %14s\n' "$n" "$tool" "$(med "$n" "$tool" 3)" "$(med "$n" "$tool" 4)" "$(mib "$(med "$n" "$tool" 5)")"
  done
done
echo
printf '%-10s %-24s %10s %10s %14s\n' corpus ratio wall cpu "peak RSS"
for n in "${labels[@]}"; do
  for tool in "${tools[@]}"; do
    [ "$tool" = baseline ] && continue
    printf '%-10s %-24s %10s %10s %14s\n' "$n" "$tool/baseline" \
      "$(ratio "$(med "$n" "$tool" 3)" "$(med "$n" baseline 3)")" \
      "$(ratio "$(med "$n" "$tool" 4)" "$(med "$n" baseline 4)")" \
      "$(ratio "$(med "$n" "$tool" 5)" "$(med "$n" baseline 5)")"
  done
done

# growth SMALL LARGE SCALE: how every tool grows from one corpus to another.
growth() {
  echo
  printf 'growth %s -> %s (x%s the files)\n' "$1" "$2" "$3"
  printf '%-14s %10s %10s %14s\n' tool wall cpu "peak RSS"
  for tool in "${tools[@]}"; do
    printf '%-14s %10s %10s %14s\n' "$tool" \
      "$(ratio "$(med "$2" "$tool" 3)" "$(med "$1" "$tool" 3)")" \
      "$(ratio "$(med "$2" "$tool" 4)" "$(med "$1" "$tool" 4)")" \
      "$(ratio "$(med "$2" "$tool" 5)" "$(med "$1" "$tool" 5)")"
  done
}
read -r -a cp <<<"$copies"
read -r -a sz <<<"$sizes"
if [ "$workload" != generated ] && [ "${#cp[@]}" -ge 2 ]; then
  growth "real-${cp[0]}" "real-${cp[${#cp[@]}-1]}" "$(ratio "${cp[${#cp[@]}-1]}" "${cp[0]}")"
fi
if [ "$workload" != real ] && [ "${#sz[@]}" -ge 2 ]; then
  growth "gen-${sz[0]}" "gen-${sz[${#sz[@]}-1]}" "$(ratio "${sz[${#sz[@]}-1]}" "${sz[0]}")"
fi

# The table of issue 15, whose targets are: ratio <= 1.3 on mid and big,
# growth mid -> big <= 9x in wall time, peak RSS on big < 300 MiB and
# <= 1.5x that on mid.
echo
echo "summary (medians; wall times; -j $jobs for both tools)"
printf '| %-10s | %14s | %13s | %6s | %17s |\n' corpus "parse baseline" "spillway scan" ratio "spillway peak RSS"
echo '|------------|----------------|---------------|--------|-------------------|'
for n in "${labels[@]}"; do
  printf '| %-10s | %12s s | %11s s | %5sx | %13s MiB |\n' "$n" "$(med "$n" baseline 3)" "$(med "$n" spillway 3)" \
    "$(ratio "$(med "$n" spillway 3)" "$(med "$n" baseline 3)")" "$(mib "$(med "$n" spillway 5)")"
done
echo
echo "raw measurements: $results; logs: $out/logs"

if [ "$profile" = 1 ]; then
  read -r n dir <<<"${corpora[${#corpora[@]}-1]}"
  echo
  echo "== CPU profile of one scan of $n ($out/cpu-$n.prof, $out/mem-$n.prof)"
  SPILLWAY_BENCH_CORPUS="$dir" go test ./bench -run '^$' -bench '^BenchmarkScan$' -benchtime 1x \
    -cpuprofile "$out/cpu-$n.prof" -memprofile "$out/mem-$n.prof" -o "$out/bin/bench.test" >"$out/logs/profile.out"
  go tool pprof -top -cum -nodecount 40 "$out/bin/bench.test" "$out/cpu-$n.prof" 2>/dev/null | sed -n '1,50p'
  echo "   more: go tool pprof -http : $out/bin/bench.test $out/cpu-$n.prof"
fi
