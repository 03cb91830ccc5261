#!/usr/bin/env bash
# Full-build benchmark: generates synthetic sites of N records (bench/SyntheticSite.java) and times
# `gongkai build` on each, twice, into a fresh output folder. Prints Markdown (machine info + one table row per
# run) on stdout; progress goes to stderr. Raw logs are kept in bench/work/logs/.
#
#   bash bench/run.sh [N ...]          (default: 10000 100000)
#
# Environment:
#   GONGKAI_JAVA_OPTS   extra JVM options for the measured build, e.g. "-Xmx2g -XX:+UseParallelGC" (default: none)
#   BENCH_SEED          generator seed (default 42)
#   BENCH_RUNS          builds per N (default 2)
#   JAVA                java executable (default: java on PATH)
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
work="$bench/work"
jar="$repo/target/gongkai.jar"
seed="${BENCH_SEED:-42}"
runs="${BENCH_RUNS:-2}"
java_bin="${JAVA:-java}"
read -r -a java_opts <<<"${GONGKAI_JAVA_OPTS:-}"

if [ "$#" -gt 0 ]; then sizes=("$@"); else sizes=(10000 100000); fi
for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "run.sh: N must be a whole number, got '$n'" >&2; exit 2; }
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: BENCH_RUNS must be a positive number, got '$runs'" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time (GNU time) is required: apt-get install time" >&2; exit 2; }

mkdir -p "$work/logs"

# 1. The generator jar (the launcher rebuilds it when sources changed).
echo "run.sh: checking target/gongkai.jar (builds it if needed)…" >&2
if ! version="$(cd "$repo" && ./gongkai --version 2>"$work/logs/jar-build.stderr")"; then
  echo "run.sh: building gongkai failed; last lines of its output:" >&2
  tail -n 30 "$work/logs/jar-build.stderr" >&2
  exit 3
fi
[ -f "$jar" ] || { echo "run.sh: $jar missing after build" >&2; exit 3; }
# Measure a snapshot, so that a rebuild of target/ during the benchmark (e.g. `mvn package` in another shell)
# cannot swap the jar under a running build.
snap="$work/gongkai"
rm -rf "$snap"
mkdir -p "$snap"
cp "$jar" "$snap/gongkai.jar"
cp -r "$repo/target/lib" "$snap/lib"
jar_sha="$(sha256sum "$snap/gongkai.jar" | cut -c1-16)"

sha() { if [ -f "$1" ]; then sha256sum "$1" | cut -c1-16; else echo none; fi; }

# 2. Machine info.
cpu_model="$(grep -m1 '^model name' /proc/cpuinfo | sed 's/^model name[[:space:]]*:[[:space:]]*//' || true)"
[ -n "$cpu_model" ] || cpu_model="$(uname -m)"
cpu_fm="$(awk -F': ' '/^cpu family/ { f = $2 } /^model\t/ { m = $2 } END { if (f != "") printf "family %s model %s", f, m }' /proc/cpuinfo)"
[ -z "$cpu_fm" ] || cpu_model="$cpu_model ($cpu_fm)"
if grep -qw hypervisor /proc/cpuinfo; then cpu_model="$cpu_model, virtual machine"; fi
mem_total="$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
java_version="$("$java_bin" -version 2>&1 | head -n 1)"
commit="$(cd "$repo" && git rev-parse --short HEAD 2>/dev/null || echo 'no commit')"
if [ -n "$(cd "$repo" && git status --porcelain -- src pom.xml site-templates 2>/dev/null | head -n 1)" ]; then
  commit="$commit (+ uncommitted changes in src/pom/site-templates)"
fi

echo "## gongkai full-build benchmark"
echo
echo "- date: $(date -u +%F)"
echo "- machine: $(nproc) cores, $cpu_model, $mem_total RAM, $(uname -sr)"
echo "- java: $java_version"
echo "- gongkai: $version, source $commit, jar sha256 $jar_sha… (snapshot of target/gongkai.jar + target/lib in bench/work/gongkai/)"
echo "- JVM options: ${GONGKAI_JAVA_OPTS:-(none)}"
echo "- seed: $seed; runs per size: $runs (each into a freshly deleted output folder)"
echo "- command: \`$java_bin${GONGKAI_JAVA_OPTS:+ $GONGKAI_JAVA_OPTS} -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -jar bench/work/gongkai/gongkai.jar build --source bench/work/site-N --out bench/work/out-N\`, under \`/usr/bin/time -v\`"
echo "- load: 1-minute load average just before each build (other processes on the machine skew the numbers)"
echo
echo "| records (N) | run | wall s | CPU s (user+sys) | of which sys s | peak RSS MiB | pages | pages/s | files | published / withheld | gongkai phases | load |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|"

# "h:mm:ss" or "m:ss.ss" → seconds
to_seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$1"; }

failed=0
for n in "${sizes[@]}"; do
  site="$work/site-$n"
  out="$work/out-$n"
  marker="$site/.synthetic-site"
  want="n=$n seed=$seed generator=$(sha "$bench/SyntheticSite.java") catalogue=$(sha "$repo/catalogue/catalogue.csv")"

  # 3. The synthetic site, reused when the marker matches (same N, seed, generator and catalogue).
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "$want" ]; then
    echo "run.sh: reusing $site" >&2
  else
    echo "run.sh: generating $n records into $site…" >&2
    rm -rf "$site"
    if ! "$java_bin" "$bench/SyntheticSite.java" "$n" "$site" --seed "$seed" 2>"$work/logs/generate-$n.stderr"; then
      echo "run.sh: generating the site failed:" >&2
      tail -n 30 "$work/logs/generate-$n.stderr" >&2
      exit 4
    fi
    cat "$work/logs/generate-$n.stderr" >&2
    echo "$want" >"$marker"
  fi

  # 4. The measured builds.
  for run in $(seq 1 "$runs"); do
    rm -rf "$out" "$out".tmp-* "$out".old-*
    sync
    log="$work/logs/build-$n-$run"
    echo "run.sh: build N=$n run $run…" >&2
    load1="$(cut -d' ' -f1 /proc/loadavg)"
    status=0
    /usr/bin/time -v -o "$log.time" "$java_bin" "${java_opts[@]}" -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
      -jar "$snap/gongkai.jar" build --source "$site" --out "$out" >"$log.stdout" 2>"$log.stderr" || status=$?
    if [ "$status" -ne 0 ]; then
      echo "run.sh: gongkai build failed for N=$n run $run (exit $status); last lines of its stderr:" >&2
      tail -n 40 "$log.stderr" >&2
      grep -E 'Command terminated|Maximum resident|Elapsed' "$log.time" >&2 || true
      echo "| $n | $run | — | — | — | — | — | — | — | — | **failed (exit $status)**, see bench/work/logs/build-$n-$run.stderr | $load1 |"
      failed=1
      continue
    fi
    wall="$(to_seconds "$(sed -n 's/.*Elapsed (wall clock) time.*): //p' "$log.time")")"
    cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$log.time")"
    sys="$(awk -F': ' '/System time/ { printf "%.2f", $2 }' "$log.time")"
    rss="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log.time")"
    summary="$(grep -E '^built [0-9]+ pages' "$log.stderr" | tail -n 1 || true)"
    if [ -z "$summary" ]; then
      echo "run.sh: no summary line in gongkai's stderr for N=$n run $run:" >&2
      tail -n 20 "$log.stderr" >&2
      exit 5
    fi
    pages="$(sed -E 's/^built ([0-9]+) pages.*/\1/' <<<"$summary")"
    files="$(sed -E 's/^built [0-9]+ pages, ([0-9]+) files.*/\1/' <<<"$summary")"
    pubw="$(sed -E 's/.*\(([0-9]+) records published, ([0-9]+) withheld\).*/\1 \/ \2/' <<<"$summary")"
    phases="$(sed -E 's/.*\[(.*)\]$/\1/' <<<"$summary")"
    rate="$(awk -v p="$pages" -v w="$wall" 'BEGIN { if (w > 0) printf "%.0f", p / w; else print "—" }')"
    warn="$(grep -oE '[0-9]+ warnings?$' "$log.stderr" | tail -n 1 | cut -d' ' -f1 || true)"
    echo "| $n | $run | $wall | $cpu | $sys | $rss | $pages | $rate | $files | $pubw | $phases | $load1 |"
    [ "${warn:-0}" = 0 ] || echo "run.sh: note: gongkai printed warnings for N=$n (see $log.stderr)" >&2
  done
done
exit "$failed"
