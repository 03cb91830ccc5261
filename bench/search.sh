#!/usr/bin/env bash
# Search benchmark: gongkai's static search index against Pagefind on the same synthetic sites. For each N:
# generates a site (bench/SyntheticSite.java, seed 1), builds it with the jar ./gongkai runs (a snapshot; wall, peak RSS,
# search-index phase, size of OUT/search), runs Pagefind 1.6.0 on the same output (wall, peak RSS, size of OUT/pagefind),
# then measures in headless Chromium what a cold query downloads from each and how long a warm query takes
# (src/test/java/dev/gongkai/bench/SearchBytesBench.java). Prints Markdown on stdout and writes it to
# bench/work/search-results.md; progress goes to stderr, raw logs to bench/work/search-N/.
#
#   bash bench/search.sh [N ...]        (default: 2000 20000)
#
# Environment:
#   SEARCH_BENCH_SEED   generator seed (default 1)
#   PAGEFIND_VERSION    npm version of pagefind installed into bench/work/node (default 1.6.0)
#   GONGKAI_JAVA_OPTS   JVM options for the measured gongkai build, as for the ./gongkai launcher (default none)
#   GONGKAI_JAR         measure this gongkai.jar (with its lib/ folder beside it) instead of target/gongkai.jar,
#                       e.g. one built from `git archive HEAD` while the work tree has unfinished edits
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
work="$bench/work"
seed="${SEARCH_BENCH_SEED:-1}"
pf_version="${PAGEFIND_VERSION:-1.6.0}"
node_dir="$work/node"
pagefind="$node_dir/node_modules/.bin/pagefind"
results="$work/search-results.md"

if [ "$#" -gt 0 ]; then sizes=("$@"); else sizes=(2000 20000); fi
for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "search.sh: N must be a positive whole number, got '$n'" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "search.sh: /usr/bin/time (GNU time) is required: apt-get install time" >&2; exit 2; }
for b in /usr/bin/chromium /usr/bin/chromedriver; do
  [ -x "$b" ] || { echo "search.sh: $b is required: apt-get install chromium chromium-driver" >&2; exit 2; }
done
command -v npm >/dev/null || { echo "search.sh: npm is required (to install pagefind): apt-get install npm" >&2; exit 2; }
command -v mvn >/dev/null || { echo "search.sh: Maven (mvn) is required" >&2; exit 2; }
mkdir -p "$work"

# 1. Pagefind from npm (the wrapper runs the platform binary that @pagefind/<platform> ships).
if [ ! -x "$pagefind" ] || [ "$("$pagefind" --version 2>/dev/null || true)" != "pagefind $pf_version" ]; then
  echo "search.sh: installing pagefind@$pf_version into $node_dir…" >&2
  mkdir -p "$node_dir"
  npm install --prefix "$node_dir" --no-audit --no-fund "pagefind@$pf_version" >&2
fi
pf_said="$("$pagefind" --version)"

# 2. The generator jar: the launcher builds it if sources changed; then every size is built with a snapshot of it
#    (the same `java -jar` the launcher execs), so that neither the launcher's Maven run nor a rebuild of target/ by
#    another shell in the middle of the benchmark ends up in a measured build.
read -r -a java_opts <<<"${GONGKAI_JAVA_OPTS:-}"
snap="$work/search-gongkai"
if [ -n "${GONGKAI_JAR:-}" ]; then
  jar="$(cd "$(dirname "$GONGKAI_JAR")" && pwd)/$(basename "$GONGKAI_JAR")"
  [ -f "$jar" ] && [ -d "$(dirname "$jar")/lib" ] || {
    echo "search.sh: GONGKAI_JAR=$GONGKAI_JAR must be a jar with a lib/ folder beside it" >&2; exit 2; }
  jar_from="$GONGKAI_JAR"
else
  echo "search.sh: checking target/gongkai.jar (builds it if needed)…" >&2
  if ! (cd "$repo" && ./gongkai --version >/dev/null 2>"$work/search-jar-build.stderr"); then
    echo "search.sh: building gongkai failed; last lines of its output:" >&2
    tail -n 30 "$work/search-jar-build.stderr" >&2
    exit 3
  fi
  jar="$repo/target/gongkai.jar"
  jar_from="target/gongkai.jar"
fi
rm -rf "$snap"
mkdir -p "$snap"
cp "$jar" "$snap/gongkai.jar"
cp -r "$(dirname "$jar")/lib" "$snap/lib"
version="$(java -jar "$snap/gongkai.jar" --version)"

sha() { if [ -f "$1" ]; then sha256sum "$1" | cut -c1-16; else echo none; fi; }
# "h:mm:ss" or "m:ss.ss" → seconds
to_seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$1"; }
wall_of() { to_seconds "$(sed -n 's/.*Elapsed (wall clock) time.*): //p' "$1")"; }
rss_of() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
# files and bytes under a folder, optionally without one file: "<files> <bytes>"
tree_size() {
  local skip="${2:-/nonexistent}"
  find "$1" -type f ! -path "$skip" -printf '%s\n' | awk '{ n++; s += $1 } END { printf "%d %d\n", n, s }'
}
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
kib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
prop() { sed -n "s/^$1=//p" "$2"; }

# 3. Machine info.
cpu_model="$(grep -m1 '^model name' /proc/cpuinfo | sed 's/^model name[[:space:]]*:[[:space:]]*//' || true)"
[ -n "$cpu_model" ] || cpu_model="$(uname -m)"
if grep -qw hypervisor /proc/cpuinfo; then cpu_model="$cpu_model, virtual machine"; fi
mem_total="$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
java_version="$(java -version 2>&1 | sed -n 1p)"
chromium_version="$(/usr/bin/chromium --version 2>/dev/null || echo unknown)"
commit="$(cd "$repo" && git rev-parse --short HEAD 2>/dev/null || echo 'no commit')"
if [ -n "${GONGKAI_JAR:-}" ]; then
  commit="given jar $jar_from (work tree at $commit)"
elif [ -n "$(cd "$repo" && git status --porcelain -- src/main pom.xml site-templates 2>/dev/null)" ]; then
  commit="$commit (+ uncommitted changes in src/main/pom/site-templates)"
fi

build_rows=()
query_rows=()
sections=()
failed=0
for n in "${sizes[@]}"; do
  dir="$work/search-$n"
  site="$dir/site"
  out="$dir/out"
  mkdir -p "$dir"

  # 4. The synthetic site, reused while N, seed, generator and catalogue are the same.
  marker="$site/.synthetic-site"
  want="n=$n seed=$seed generator=$(sha "$bench/SyntheticSite.java") catalogue=$(sha "$repo/catalogue/catalogue.csv")"
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "$want" ]; then
    echo "search.sh: reusing $site" >&2
  else
    echo "search.sh: generating $n records into $site…" >&2
    rm -rf "$site"
    if ! java "$bench/SyntheticSite.java" "$n" "$site" --seed "$seed" 2>"$dir/generate.stderr"; then
      echo "search.sh: generating the site failed:" >&2
      tail -n 30 "$dir/generate.stderr" >&2
      exit 4
    fi
    echo "$want" >"$marker"
  fi

  # 5. gongkai build (what `./gongkai build -s SITE -o OUT` runs, with the snapshot jar).
  rm -rf "$out" "$out".tmp-* "$out".old-*
  sync
  echo "search.sh: gongkai build N=$n…" >&2
  b_load="$(cut -d' ' -f1 /proc/loadavg)"
  status=0
  /usr/bin/time -v -o "$dir/build.time" java "${java_opts[@]}" -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 \
    -jar "$snap/gongkai.jar" build -s "$site" -o "$out" >"$dir/build.stdout" 2>"$dir/build.stderr" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "search.sh: gongkai build failed for N=$n (exit $status); last lines of its stderr:" >&2
    tail -n 40 "$dir/build.stderr" >&2
    exit 5
  fi
  summary="$(grep -E '^built [0-9]+ pages' "$dir/build.stderr" | tail -n 1 || true)"
  [ -n "$summary" ] || { echo "search.sh: no summary line in $dir/build.stderr" >&2; exit 5; }
  b_wall="$(wall_of "$dir/build.time")"
  b_rss="$(rss_of "$dir/build.time")"
  b_index="$(sed -n 's/.*search index: \([0-9.]*\) s.*/\1/p' "$dir/build.stderr" | tail -n 1)"
  published="$(sed -E 's/.*\(([0-9]+) records published.*/\1/' <<<"$summary")"
  read -r g_files g_bytes < <(tree_size "$out/search" "$out/search/index.html")
  js_bytes="$(stat -c %s "$out/assets/search.js")"

  # 6. Pagefind on the same output (record pages only).
  echo "search.sh: pagefind N=$n…" >&2
  p_load="$(cut -d' ' -f1 /proc/loadavg)"
  status=0
  /usr/bin/time -v -o "$dir/pagefind.time" "$pagefind" --site "$out" --glob 'records/**/*.html' \
    >"$dir/pagefind.stdout" 2>"$dir/pagefind.stderr" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "search.sh: pagefind failed for N=$n (exit $status):" >&2
    tail -n 40 "$dir/pagefind.stdout" "$dir/pagefind.stderr" >&2
    exit 6
  fi
  p_wall="$(wall_of "$dir/pagefind.time")"
  p_rss="$(rss_of "$dir/pagefind.time")"
  p_pages="$(sed -n 's/.*Indexed \([0-9]*\) pages.*/\1/p' "$dir/pagefind.stdout" | tail -n 1)"
  p_words="$(sed -n 's/.*Indexed \([0-9]*\) words.*/\1/p' "$dir/pagefind.stdout" | tail -n 1)"
  p_running="$(sed -n 's/^Running \(Pagefind .*\)/\1/p' "$dir/pagefind.stdout" | tail -n 1)"
  read -r p_files p_bytes < <(tree_size "$out/pagefind")

  build_rows+=("| $n | $published | $b_wall | $b_rss | $b_index | $(mib "$g_bytes") MiB / $g_files (+ search.js $(kib "$js_bytes") KiB) | $b_load | $p_wall | $p_rss | $(mib "$p_bytes") MiB / $p_files | $p_pages pages, $p_words words | $p_load |")

  # 7. The browser measurement.
  echo "search.sh: browser queries N=$n (SearchBytesBench)…" >&2
  rm -f "$dir/browser.md" "$dir/browser.properties"
  status=0
  (cd "$repo" && mvn -B -q test -Dtest=SearchBytesBench -Dsurefire.failIfNoSpecifiedTests=false \
    -DargLine="-Dbench.out=$out -Dbench.result=$dir/browser.md -Dbench.summary=$dir/browser.properties -Dbench.label=N=$n" \
    >"$dir/browser.log" 2>&1) || status=$?
  if [ "$status" -ne 0 ] || [ ! -f "$dir/browser.properties" ]; then
    echo "search.sh: SearchBytesBench failed for N=$n (exit $status); last lines of $dir/browser.log:" >&2
    tail -n 60 "$dir/browser.log" >&2
    query_rows+=("| $n | **failed**, see bench/work/search-$n/browser.log | | | | | |")
    failed=1
    continue
  fi
  p="$dir/browser.properties"
  query_rows+=("| $n | $(kib "$(prop gongkai.bytes.median "$p")") / $(kib "$(prop pagefind.bytes.median "$p")") | $(prop ratio.median "$p") | $(kib "$(prop gongkai.gzip.bytes.median "$p")") / $(kib "$(prop pagefind.gzip.bytes.median "$p")") | $(prop gzip.ratio.median "$p") | $(prop gongkai.requests.median "$p") / $(prop pagefind.requests.median "$p") | $(prop gongkai.warm.ms.median "$p") / $(prop pagefind.warm.ms.median "$p") |")
  sections+=("$(cat "$dir/browser.md")")
done

{
  echo "## Search: gongkai index vs Pagefind"
  echo
  echo "- date: $(date -u +%F)"
  echo "- machine: $(nproc) cores, $cpu_model, $mem_total RAM, $(uname -sr)"
  echo "- java: $java_version; browser: $chromium_version (headless, via chromedriver)"
  echo "- gongkai: $version, source $commit, jar sha256 $(sha "$snap/gongkai.jar")… (snapshot in bench/work/search-gongkai/)"
  echo "- Pagefind: $pf_said from npm (\`$p_running\`: the npm package runs its extended binary, which segments Chinese)"
  echo "- input: \`java bench/SyntheticSite.java N bench/work/search-N/site --seed $seed\`"
  echo "- command: \`bash bench/search.sh ${sizes[*]}\`, which runs \`/usr/bin/time -v java${GONGKAI_JAVA_OPTS:+ $GONGKAI_JAVA_OPTS} -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -jar bench/work/search-gongkai/gongkai.jar build -s bench/work/search-N/site -o bench/work/search-N/out\`"
  echo "  (what \`./gongkai build\` execs, on a snapshot of $jar_from),"
  echo "  then \`/usr/bin/time -v bench/work/node/node_modules/.bin/pagefind --site bench/work/search-N/out --glob 'records/**/*.html'\`,"
  echo "  then \`mvn -B -q test -Dtest=SearchBytesBench -Dsurefire.failIfNoSpecifiedTests=false -DargLine=\"-Dbench.out=… -Dbench.result=…\"\`"
  echo
  echo "Index build (*load before* = 1-minute load average just before the step; gongkai's index size = \`OUT/search\` without the search page; Pagefind's = all of \`OUT/pagefind\`, UI bundles included):"
  echo
  echo "| records (N) | published | gongkai build wall s | gongkai peak RSS MiB | search-index phase s | gongkai index size / files | load before | Pagefind wall s | Pagefind peak RSS MiB | Pagefind size / files | Pagefind indexed | load before |"
  echo "|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---|---:|"
  printf '%s\n' "${build_rows[@]}"
  echo
  echo "Cold query, medians over the 8 fixed queries, gongkai / Pagefind (KiB as served without HTTP compression; *gzip est.*: text files gzipped as a host would, files that are gzip at rest as they are):"
  echo
  echo "| records (N) | median KiB per cold query | median ratio gongkai/Pagefind | gzip est. median KiB | gzip est. median ratio | median requests | median warm query ms |"
  echo "|---:|---|---:|---|---:|---|---|"
  printf '%s\n' "${query_rows[@]}"
  echo
  for s in "${sections[@]}"; do
    echo "$s"
    echo
  done
} >"$results"
cat "$results"
echo "search.sh: written to $results (per-request file lists: bench/work/search-N/browser.md.files.txt)" >&2
exit "$failed"
