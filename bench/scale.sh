#!/usr/bin/env bash
# Scale benchmark (issue 7): for each N, a synthetic site of N records (bench/SyntheticSite.java), then
#   1. gongkai full build into a fresh output folder: wall, user+sys CPU, peak RSS, gongkai's phase timings;
#   2. no-op rebuild (same output folder, nothing changed) and one-record edit (a title and body changed in the
#      catalogue, rebuilt, the new title checked in the record's page; the CSV is restored afterwards);
#   3. Hugo (Debian package `hugo`) building the same published records as Markdown pages with the templates in
#      bench/hugo/ (`hugo --quiet`): wall, CPU, RSS and the ratio gongkai / Hugo;
#   4. Pagefind (npm pagefind, pinned as in bench/search.sh) indexing the record pages gongkai rendered, against
#      gongkai's own search-index and open-data phases;
# and once per run 5. jbake-core 2.6.7's Oven (bench/JbakeOven.java, FreeMarker templates in bench/jbake/) on a
# 2,000-record subset of the smallest site, against gongkai building the same subset.
# Markdown report on stdout and in bench/work/scale-results.md (rewritten after every step, so a long run that dies
# keeps what it measured); progress on stderr; every file it writes is under bench/work/ (git-ignored).
#
#   bash bench/scale.sh [N ...]          (default: 10000 100000 300000)
#
# Environment (defaults in brackets):
#   GONGKAI_JAVA_OPTS     JVM options of the measured gongkai builds [-Xmx2g -XX:+UseParallelGC: the heap of the
#                         issue's target, the collector the ./gongkai launcher chooses]; "" for the JVM's defaults
#   GONGKAI_JAR           measure this gongkai.jar (with lib/ beside it) instead of target/gongkai.jar
#   BENCH_SEED            SyntheticSite seed [42]
#   SCALE_SKIP            comma-separated steps to leave out: noop,edit,hugo,pagefind,jbake []
#   SCALE_JBAKE_RECORDS   size of the JBake subset [2000]
#   SCALE_JBAKE_JAVA_OPTS JVM options for JBake [-Xmx2g]
#   SCALE_PAGEFIND_MAX    run Pagefind only for N up to this [25000]: Pagefind 1.6.0 held 8.4 GiB at 20k records
#   SCALE_PAGEFIND_GLOB   pages Pagefind indexes, relative to the output ['records/**/*.html', as bench/search.sh]
#   PAGEFIND_VERSION      npm version of pagefind [1.6.0]
#   SCALE_MEM_LIMIT_MB    address-space cap (ulimit -v) for Hugo and Pagefind [¾ of RAM], so that running out of
#                         memory fails that step instead of waking the kernel's OOM killer
#   SCALE_KEEP_OUTPUT     1 = keep each N's rendered outputs (gongkai, Hugo, Pagefind) after measuring [0]
#   JAVA                  java executable [java]
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
work="$bench/work"
results="$work/scale-results.md"
seed="${BENCH_SEED:-42}"
java_bin="${JAVA:-java}"
gongkai_opts="${GONGKAI_JAVA_OPTS--Xmx2g -XX:+UseParallelGC}"
jbake_opts="${SCALE_JBAKE_JAVA_OPTS--Xmx2g}"
jbake_m="${SCALE_JBAKE_RECORDS:-2000}"
pf_version="${PAGEFIND_VERSION:-1.6.0}"
pf_max="${SCALE_PAGEFIND_MAX:-25000}"
pf_glob="${SCALE_PAGEFIND_GLOB:-records/**/*.html}"
keep="${SCALE_KEEP_OUTPUT:-0}"
skip=",${SCALE_SKIP:-},"
read -r -a java_opts <<<"$gongkai_opts"
read -r -a jb_java_opts <<<"$jbake_opts"

say() { echo "scale.sh: $*" >&2; }
die() { say "$1"; exit "${2:-2}"; }
skipped() { [[ "$skip" == *",$1,"* ]]; }

if [ "$#" -gt 0 ]; then sizes=("$@"); else sizes=(10000 100000 300000); fi
for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive whole number, got '$n'"
done
for s in ${skip//,/ }; do
  [[ "$s" =~ ^(noop|edit|hugo|pagefind|jbake)$ ]] || die "SCALE_SKIP: unknown step '$s' (noop, edit, hugo, pagefind, jbake)"
done
[[ "$jbake_m" =~ ^[1-9][0-9]*$ ]] || die "SCALE_JBAKE_RECORDS must be a positive whole number, got '$jbake_m'"
[[ "$pf_max" =~ ^[0-9]+$ ]] || die "SCALE_PAGEFIND_MAX must be a whole number, got '$pf_max'"
mem_total_kb="$(awk '/^MemTotal/ { print $2 }' /proc/meminfo)"
mem_limit_mb="${SCALE_MEM_LIMIT_MB:-$((mem_total_kb * 3 / 4 / 1024))}"
[[ "$mem_limit_mb" =~ ^[1-9][0-9]*$ ]] || die "SCALE_MEM_LIMIT_MB must be a positive whole number, got '$mem_limit_mb'"

# ------------------------------------------------------------------------------------------------ prerequisites
# apt_install PACKAGE: installs a Debian package when running as root with apt-get (as in this project's dev
# machine); otherwise returns 1 and the caller says what to install.
apt_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  say "installing the Debian package $1 (apt-get install -y $1)…"
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$1" >&2
}
if ! /usr/bin/time -v true >/dev/null 2>&1; then
  apt_install time && /usr/bin/time -v true >/dev/null 2>&1 || die "GNU time (/usr/bin/time -v) is required: apt-get install -y time"
fi
command -v "$java_bin" >/dev/null || die "java ($java_bin) is required (Java 17+)"
command -v mvn >/dev/null || die "Maven (mvn) is required (to build gongkai and to fetch jbake-core for the JBake step)"
if ! skipped hugo && ! command -v hugo >/dev/null; then
  apt_install hugo && command -v hugo >/dev/null || die "hugo is required for the Hugo comparison: apt-get install -y hugo (or SCALE_SKIP=hugo)"
fi
if ! skipped pagefind && ! command -v npm >/dev/null; then
  apt_install npm && command -v npm >/dev/null || die "npm is required to install Pagefind: apt-get install -y npm (or SCALE_SKIP=pagefind)"
fi
mkdir -p "$work"

sha() { if [ -f "$1" ]; then sha256sum "$1" | cut -c1-16; else echo none; fi; }
# "h:mm:ss" or "m:ss.ss" → seconds
to_seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "—" || b == "—" || b + 0 == 0) print "—"; else printf "%.2f", a / b }'; }
sum() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "") print "—"; else printf "%.2f", a + b }'; }
mib_of_dir() { if [ -d "$1" ]; then du -sk "$1" | awk '{ printf "%.0f", $1 / 1024 }'; else echo "—"; fi; }
count_html() { if [ -d "$1" ]; then find "$1" -type f -name '*.html' | wc -l; else echo 0; fi; }
count_files() { if [ -d "$1" ]; then find "$1" -type f | wc -l; else echo 0; fi; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# measure LOG CMD...: runs CMD under /usr/bin/time -v (stdout → LOG.stdout, stderr → LOG.stderr, times → LOG.time)
# and sets M_STATUS, M_WALL, M_CPU (user+sys), M_SYS, M_RSS (MiB), M_LOAD (1-minute load average before).
measure() {
  local log="$1"
  shift
  sync
  M_LOAD="$(load1)"
  max_load="$(awk -v a="$M_LOAD" -v b="$max_load" 'BEGIN { print (a + 0 > b + 0) ? a : b }')"
  M_STATUS=0
  /usr/bin/time -v -o "$log.time" "$@" >"$log.stdout" 2>"$log.stderr" || M_STATUS=$?
  M_WALL="$(to_seconds "$(sed -n 's/.*Elapsed (wall clock) time.*): //p' "$log.time")")"
  M_CPU="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$log.time")"
  M_SYS="$(awk -F': ' '/System time/ { printf "%.2f", $2 }' "$log.time")"
  M_RSS="$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log.time")"
}
# limited CMD...: CMD with its address space capped at SCALE_MEM_LIMIT_MB (exec'd, so /usr/bin/time sees CMD itself)
limited=(bash -c 'ulimit -v "$1" && shift && exec "$@"' limited "$((mem_limit_mb * 1024))")
fail_tail() {
  say "$1; last lines of $2:"
  tail -n 30 "$2" >&2 || true
}

# gongkai's summary line: built P pages, F files → OUT (R records published, W withheld) in T s [phase T s, …]
parse_summary() {
  S_LINE="$(grep -E '^built [0-9]+ pages' "$1" | tail -n 1 || true)"
  S_PAGES="—" S_FILES="—" S_PUB="—" S_WITHHELD="—" S_INPROC="—" S_PHASES=""
  [ -n "$S_LINE" ] || return 1
  S_PAGES="$(sed -E 's/^built ([0-9]+) pages.*/\1/' <<<"$S_LINE")"
  S_FILES="$(sed -nE 's/^built [0-9]+ pages, ([0-9]+) files.*/\1/p' <<<"$S_LINE")"
  S_PUB="$(sed -nE 's/.*\(([0-9]+) records published.*/\1/p' <<<"$S_LINE")"
  S_WITHHELD="$(sed -nE 's/.*records published, ([0-9]+) withheld.*/\1/p' <<<"$S_LINE")"
  S_INPROC="$(sed -nE 's/.* in ([0-9.]+) s \[.*/\1/p' <<<"$S_LINE")"
  S_PHASES="$(sed -nE 's/.*\[(.*)\]$/\1/p' <<<"$S_LINE")"
}
# phase NAME: seconds of that phase in the last parsed summary ("" when absent)
phase() { sed -nE "s/(^|.*, )$1 ([0-9.]+) s(,.*|$)/\2/p" <<<"$S_PHASES"; }

# ------------------------------------------------------------------------------------------------ gongkai jar
snap="$work/scale-gongkai"
if [ -n "${GONGKAI_JAR:-}" ]; then
  jar="$(cd "$(dirname "$GONGKAI_JAR")" && pwd)/$(basename "$GONGKAI_JAR")"
  [ -f "$jar" ] && [ -d "$(dirname "$jar")/lib" ] || die "GONGKAI_JAR=$GONGKAI_JAR must be a jar with a lib/ folder beside it"
  jar_from="$GONGKAI_JAR"
else
  say "checking target/gongkai.jar (./gongkai builds it if sources changed)…"
  if ! (cd "$repo" && ./gongkai --version >/dev/null 2>"$work/scale-jar-build.stderr"); then
    fail_tail "building gongkai failed" "$work/scale-jar-build.stderr"
    exit 3
  fi
  jar="$repo/target/gongkai.jar"
  jar_from="target/gongkai.jar"
fi
# Measure a snapshot, so that a rebuild of target/ in another shell cannot swap the jar under a running benchmark.
rm -rf "$snap"
mkdir -p "$snap"
cp "$jar" "$snap/gongkai.jar"
cp -r "$(dirname "$jar")/lib" "$snap/lib"
version="$("$java_bin" -jar "$snap/gongkai.jar" --version)"
gongkai_cmd=("$java_bin" "${java_opts[@]}" -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -jar "$snap/gongkai.jar" build)

# ------------------------------------------------------------------------------------------------ other tools
hugo_version="skipped"
if ! skipped hugo; then hugo_version="$(hugo version | sed 's/ BuildDate.*//')"; fi

pf_bin=""
pf_said="skipped"
if ! skipped pagefind; then
  node_dir="$work/node"
  pf_wrapper="$node_dir/node_modules/.bin/pagefind"
  if [ ! -x "$pf_wrapper" ] || [ "$("$pf_wrapper" --version 2>/dev/null || true)" != "pagefind $pf_version" ]; then
    say "installing pagefind@$pf_version into $node_dir…"
    mkdir -p "$node_dir"
    npm install --prefix "$node_dir" --no-audit --no-fund "pagefind@$pf_version" >&2 || die "npm install pagefind@$pf_version failed" 3
  fi
  # The npm wrapper is a Node script that spawns the platform binary; run the binary itself, so that the time and
  # memory measured (and capped) are Pagefind's.
  pf_bin="$(find "$node_dir/node_modules/@pagefind" -path '*/bin/pagefind_extended' -type f 2>/dev/null | head -n 1)"
  [ -n "$pf_bin" ] || pf_bin="$(find "$node_dir/node_modules/@pagefind" -path '*/bin/pagefind' -type f 2>/dev/null | head -n 1)"
  [ -n "$pf_bin" ] || die "no Pagefind binary under $node_dir/node_modules/@pagefind (unsupported platform?)" 3
  pf_said="$("$pf_bin" --version) ($(basename "$pf_bin"), from npm pagefind@$pf_version)"
fi

# ------------------------------------------------------------------------------------------------ machine
cpu_model="$(grep -m1 '^model name' /proc/cpuinfo | sed 's/^model name[[:space:]]*:[[:space:]]*//' || true)"
[ -n "$cpu_model" ] || cpu_model="$(uname -m)"
if grep -qw hypervisor /proc/cpuinfo; then cpu_model="$cpu_model, virtual machine"; fi
mem_total="$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
fs_type="$(df -T "$work" | awk 'NR == 2 { print $2 }')"
java_version="$("$java_bin" -version 2>&1 | sed -n 1p)"
commit="$(cd "$repo" && git rev-parse --short HEAD 2>/dev/null || echo 'no commit')"
if [ -n "${GONGKAI_JAR:-}" ]; then
  commit="given jar $jar_from (work tree at $commit)"
elif [ -n "$(cd "$repo" && git status --porcelain -- src/main pom.xml site-templates 2>/dev/null | head -n 1)" ]; then
  commit="$commit (+ uncommitted changes in src/main/pom/site-templates)"
fi
start_date="$(date -u '+%F %H:%M UTC')"
start_load="$(cut -d' ' -f1-3 /proc/loadavg)"
command_line="bash bench/scale.sh ${sizes[*]}"
env_used=""
for v in GONGKAI_JAVA_OPTS GONGKAI_JAR BENCH_SEED SCALE_SKIP SCALE_JBAKE_RECORDS SCALE_JBAKE_JAVA_OPTS SCALE_PAGEFIND_MAX \
  SCALE_PAGEFIND_GLOB PAGEFIND_VERSION SCALE_MEM_LIMIT_MB SCALE_KEEP_OUTPUT; do
  if [ -n "${!v+x}" ]; then env_used="$env_used$v=\"${!v}\" "; fi
done
command_line="$env_used$command_line"

# ------------------------------------------------------------------------------------------------ report
full_rows=() rebuild_rows=() growth_n=() growth_wall=() growth_cpu=() growth_rss=() growth_pages=()
hugo_rows=() pf_rows=() jbake_rows=() notes=()
failed=0
max_load=0
pf_noted=0

# table HEADER SEPARATOR ROW...: a Markdown table, or a line saying the step did not run
table() {
  local header="$1" separator="$2"
  shift 2
  if [ "$#" -eq 0 ]; then
    echo "*Not run (left out with SCALE_SKIP, or an earlier step failed).*"
    return
  fi
  echo "$header"
  echo "$separator"
  printf '%s\n' "$@"
}

write_report() {
  {
    echo "## Scale: gongkai against Hugo, JBake and Pagefind (issue 7)"
    echo
    echo "- date: $start_date (report written $(date -u '+%F %H:%M UTC'))"
    echo "- machine: $(nproc) cores (\`nproc\`), $cpu_model, $mem_total RAM, $(uname -sr), $fs_type; load average at start $start_load"
    echo "- java: $java_version; gongkai JVM options: \`${gongkai_opts:-(none)}\`"
    echo "- gongkai: $version, source $commit, jar sha256 $(sha "$snap/gongkai.jar")… (snapshot of $jar_from in bench/work/scale-gongkai/)"
    echo "- Hugo: $hugo_version (templates: bench/hugo/); Pagefind: $pf_said; JBake: jbake-core 2.6.7 Oven with OrientDB 3.0.37 (in memory), FreeMarker 2.3.31, flexmark 0.62.2 (bench/jbake/), JVM options \`${jbake_opts:-(none)}\`"
    echo "- input: \`java bench/SyntheticSite.java N bench/work/scale-N/site --seed $seed\`; Hugo and JBake get the same 主动公开 records (\`java bench/ScaleInputs.java hugo|jbake …\`)"
    echo "- command: \`$command_line\`"
    echo "- every measured step runs under \`/usr/bin/time -v\` (wall, user+sys CPU, peak RSS); *load* = 1-minute load average just before the step"
    echo
    echo "### gongkai full build"
    echo
    echo "\`java ${gongkai_opts:+$gongkai_opts }-Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -jar bench/work/scale-gongkai/gongkai.jar build --source bench/work/scale-N/site --out bench/work/scale-N/out\`, output folder deleted first."
    echo
    table "| records (N) | published / withheld | pages | files | wall s | CPU s (user+sys) | of which sys s | peak RSS MiB | pages/s | gongkai phases | load |" \
      "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|" "${full_rows[@]}"
    echo
    echo "### No-op rebuild and one-record edit"
    echo
    echo "No-op: the same command again into the existing output folder, nothing changed. Edit: one 主动公开 record's title (prefixed 〔基准编辑〕) and body changed in its catalogue CSV, then the same command; *verified* = the new title is in that record's page afterwards. Both are incremental builds with the build cache the full build left (\`.gongkai/cache\` in the site): unchanged pages are kept, only changed files written; the full build itself is a clean one (\`--clean\`)."
    echo
    table "| records (N) | no-op wall s | no-op CPU s | no-op peak RSS MiB | no-op load | edit wall s (to updated output) | edit CPU s | edit peak RSS MiB | edited record | verified | edit load |" \
      "|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|" "${rebuild_rows[@]}"
    echo
    echo "### Growth curve (full build)"
    echo
    echo "Relative to the smallest N. *exponent* = log(wall ratio) / log(N ratio): 1 is linear, below 1 means fixed costs (JVM start-up, JIT) still weigh, above 1 super-linear."
    echo
    echo "| records (N) | N × | wall s | wall × | exponent | CPU s | ms wall per record | peak RSS MiB | RSS × | pages |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    local i
    for i in "${!growth_n[@]}"; do
      awk -v n="${growth_n[$i]}" -v n0="${growth_n[0]}" -v w="${growth_wall[$i]}" -v w0="${growth_wall[0]}" \
        -v c="${growth_cpu[$i]}" -v r="${growth_rss[$i]}" -v r0="${growth_rss[0]}" -v p="${growth_pages[$i]}" 'BEGIN {
          e = (n != n0 && w0 > 0 && w > 0) ? sprintf("%.2f", log(w / w0) / log(n / n0)) : "—"
          printf "| %d | %.1f | %.2f | %.2f | %s | %.2f | %.2f | %d | %.2f | %s |\n", n, n / n0, w, (w0 > 0 ? w / w0 : 0), e, c, w * 1000 / n, r, (r0 > 0 ? r / r0 : 0), p }'
    done
    echo
    echo "### Hugo on the same records"
    echo
    echo "\`hugo --quiet --source bench/work/scale-N/hugo --cacheDir bench/work/scale-N/hugo/cache\` (output folder deleted first; address space capped at $mem_limit_mb MiB). Hugo renders on all cores; gongkai renders on all cores but one while its search index is built beside, then on all, so the CPU ratio is shown too."
    echo
    table "| records (N) | Hugo pages in (published records) | Hugo HTML files out | Hugo wall s | Hugo CPU s | Hugo peak RSS MiB | gongkai wall s | **ratio wall gongkai / Hugo** | ratio CPU | gongkai render phase s / Hugo wall | load |" \
      "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" "${hugo_rows[@]}"
    echo
    echo "### JBake (jbake-core Oven) on a subset"
    echo
    echo "The subset keeps every (N/M)-th record of the smallest site, each item its share (\`java bench/ScaleInputs.java subset\`); both tools build the same subset. JBake: \`java ${jbake_opts:+$jbake_opts }-cp … JbakeOven SRC OUT\` (in-memory OrientDB, FreeMarker templates: record page with the metadata table, home paginated by 20, one tag page per catalogue item, feed, sitemap); *Oven s* = \`bake()\` alone, in-process. gongkai: the full build as above."
    echo
    table "| records | published | JBake HTML files | JBake wall s | Oven s | JBake ms per page (Oven) | JBake CPU s | JBake peak RSS MiB | gongkai pages | gongkai wall s | gongkai ms per page (wall) | **ratio wall gongkai / JBake** | load |" \
      "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" "${jbake_rows[@]}"
    echo
    echo "### Pagefind on the pages gongkai rendered"
    echo
    echo "\`$(basename "${pf_bin:-pagefind}") --site bench/work/scale-N/out --glob '$pf_glob' --output-path bench/work/scale-N/pagefind\` (the platform binary the npm package wraps; address space capped at $mem_limit_mb MiB), against the phases of gongkai's full build: *search index* (Lucene index + static search files) and *open data* (dataset and record exports)."
    echo
    table "| records (N) | pages Pagefind indexed | Pagefind wall s | Pagefind CPU s | Pagefind peak RSS MiB | Pagefind output MiB | gongkai search index s | gongkai open data s | ratio index / Pagefind | **ratio (index + export) / Pagefind** | load |" \
      "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" "${pf_rows[@]}"
    echo
    local busy=()
    if awk -v l="$max_load" -v c="$(nproc)" 'BEGIN { exit !(l > c / 2) }'; then
      busy=("The machine was busy: the 1-minute load average before a measured step reached $max_load on $(nproc) cores (see the *load* columns), so these times are distorted; compare only runs made on a quiet machine (load near 0).")
    fi
    if [ "${#notes[@]}" -gt 0 ] || [ "${#busy[@]}" -gt 0 ]; then
      echo "Notes:"
      echo
      [ "${#busy[@]}" -eq 0 ] || printf -- '- %s\n' "${busy[@]}"
      [ "${#notes[@]}" -eq 0 ] || printf -- '- %s\n' "${notes[@]}"
      echo
    fi
    echo "Ratios are gongkai / other tool: below 1 means gongkai took less. Raw logs (program output and \`/usr/bin/time -v\`): bench/work/scale-N/logs/, bench/work/scale-jbake/logs/."
  } >"$results"
}

# ------------------------------------------------------------------------------------------------ the edit
edit_backup="" edit_target="" edit_marker="" edit_want=""
restore_edit() {
  if [ -n "$edit_backup" ]; then
    cp "$edit_backup" "$edit_target"
    echo "$edit_want" >"$edit_marker"
    say "restored $edit_target"
    edit_backup=""
  fi
}
trap restore_edit EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------------------------------------ per N
for n in "${sizes[@]}"; do
  dir="$work/scale-$n"
  site="$dir/site"
  out="$dir/out"
  logs="$dir/logs"
  mkdir -p "$logs"

  # 1. The synthetic site, reused while N, seed, generator and catalogue are the same.
  marker="$site/.synthetic-site"
  want="n=$n seed=$seed generator=$(sha "$bench/SyntheticSite.java") catalogue=$(sha "$repo/catalogue/catalogue.csv")"
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "$want" ]; then
    say "N=$n: reusing $site"
  else
    say "N=$n: generating the synthetic site…"
    rm -rf "$site"
    if ! "$java_bin" "$bench/SyntheticSite.java" "$n" "$site" --seed "$seed" 2>"$logs/generate.stderr"; then
      fail_tail "generating the site failed" "$logs/generate.stderr"
      exit 4
    fi
    sed 's/^/  /' "$logs/generate.stderr" >&2
    echo "$want" >"$marker"
  fi

  # 2. Full build into a fresh output folder (and without any state gongkai may keep in the source's .gongkai/).
  say "N=$n: gongkai full build…"
  rm -rf "$out" "$out".tmp-* "$out".old-* "$site/.gongkai"
  measure "$logs/full" "${gongkai_cmd[@]}" --source "$site" --out "$out" --clean
  if [ "$M_STATUS" -ne 0 ]; then
    fail_tail "N=$n: gongkai build failed (exit $M_STATUS)" "$logs/full.stderr"
    full_rows+=("| $n | — | — | — | $M_WALL | $M_CPU | $M_SYS | $M_RSS | — | **failed (exit $M_STATUS)**, see bench/work/scale-$n/logs/full.stderr | $M_LOAD |")
    failed=1
    write_report
    continue
  fi
  parse_summary "$logs/full.stderr" || say "N=$n: no summary line in $logs/full.stderr"
  full_wall="$M_WALL"
  full_phases="$S_PHASES"
  render_s="$(phase render)"
  index_s="$(phase 'search index')"
  export_s="$(phase 'open data')"
  rate="$(ratio "$S_PAGES" "$M_WALL" | awk '{ if ($1 == "—") print; else printf "%.0f", $1 }')"
  full_rows+=("| $n | $S_PUB / $S_WITHHELD | $S_PAGES | $S_FILES | $M_WALL | $M_CPU | $M_SYS | $M_RSS | $rate | ${S_PHASES:-—} | $M_LOAD |")
  growth_n+=("$n") growth_wall+=("$M_WALL") growth_cpu+=("$M_CPU") growth_rss+=("$M_RSS") growth_pages+=("$S_PAGES")
  published="$S_PUB"
  say "N=$n: full build ${M_WALL} s wall, ${M_CPU} s CPU, ${M_RSS} MiB peak RSS [$full_phases]"
  write_report

  # 3a. No-op rebuild: same output folder, nothing changed.
  nw="—" nc="—" nr="—" nl="—"
  if ! skipped noop; then
    say "N=$n: no-op rebuild…"
    measure "$logs/noop" "${gongkai_cmd[@]}" --source "$site" --out "$out"
    nl="$M_LOAD"
    if [ "$M_STATUS" -ne 0 ]; then
      fail_tail "N=$n: no-op rebuild failed (exit $M_STATUS)" "$logs/noop.stderr"
      nw="**failed (exit $M_STATUS)**"
      failed=1
    else
      nw="$M_WALL" nc="$M_CPU" nr="$M_RSS"
      say "N=$n: no-op rebuild ${M_WALL} s"
    fi
  fi

  # 3b. One-record edit: change a title and body in the catalogue, rebuild, check the record page, restore the CSV.
  ew="—" ec="—" er="—" el="—" erec="—" ok="—"
  if ! skipped edit; then
    say "N=$n: one-record edit…"
    backup="$dir/edit-backup.csv"
    rm -f "$marker" # the site differs from what the generator wrote until it is restored
    edit_marker="$marker" edit_want="$want"
    if ! info="$("$java_bin" "$bench/ScaleInputs.java" edit "$site" "$backup" 2>"$logs/edit-input.stderr")"; then
      echo "$want" >"$marker"
      fail_tail "N=$n: editing a record failed" "$logs/edit-input.stderr"
      exit 4
    fi
    IFS=$'\t' read -r rel slug new_title <<<"$info"
    edit_backup="$backup" edit_target="$site/$rel"
    measure "$logs/edit" "${gongkai_cmd[@]}" --source "$site" --out "$out"
    el="$M_LOAD"
    erec="\`records/$slug/\` in \`$rel\`"
    if [ "$M_STATUS" -ne 0 ]; then
      fail_tail "N=$n: rebuild after the edit failed (exit $M_STATUS)" "$logs/edit.stderr"
      ew="**failed (exit $M_STATUS)**"
      failed=1
    else
      ew="$M_WALL" ec="$M_CPU" er="$M_RSS"
      if grep -qF "$new_title" "$out/records/$slug/index.html" 2>/dev/null; then
        ok="yes"
      else
        ok="**no**: “$new_title” not in records/$slug/index.html"
        failed=1
      fi
      say "N=$n: edit rebuild ${M_WALL} s, new title in output: $ok"
    fi
    restore_edit
  fi
  rebuild_rows+=("| $n | $nw | $nc | $nr | $nl | $ew | $ec | $er | $erec | $ok | $el |")
  write_report

  # 4. Hugo on the same published records.
  if ! skipped hugo; then
    hdir="$dir/hugo"
    say "N=$n: writing the Hugo site…"
    rm -rf "$hdir"
    mkdir -p "$hdir/static/assets"
    cp -r "$bench/hugo/." "$hdir/"
    cp "$repo/site-templates/assets/site.css" "$hdir/static/assets/site.css"
    if ! "$java_bin" "$bench/ScaleInputs.java" hugo "$site" "$hdir" 2>"$logs/hugo-input.stderr"; then
      fail_tail "N=$n: writing the Hugo content failed" "$logs/hugo-input.stderr"
      exit 4
    fi
    hugo_in="$(sed -nE 's/.*records read, ([0-9]+) published.*/\1/p' "$logs/hugo-input.stderr")"
    say "N=$n: hugo --quiet…"
    measure "$logs/hugo" "${limited[@]}" hugo --quiet --source "$hdir" --cacheDir "$hdir/cache"
    if [ "$M_STATUS" -ne 0 ]; then
      fail_tail "N=$n: hugo failed (exit $M_STATUS)" "$logs/hugo.stderr"
      hugo_rows+=("| $n | $hugo_in | — | $M_WALL | $M_CPU | $M_RSS | $full_wall | **Hugo failed (exit $M_STATUS)**, see bench/work/scale-$n/logs/hugo.stderr | — | — | $M_LOAD |")
      failed=1
    else
      hugo_html="$(count_html "$hdir/public")"
      hugo_rows+=("| $n | $hugo_in | $hugo_html | $M_WALL | $M_CPU | $M_RSS | $full_wall | **$(ratio "$full_wall" "$M_WALL")** | $(ratio "${growth_cpu[-1]}" "$M_CPU") | $(ratio "$render_s" "$M_WALL") | $M_LOAD |")
      say "N=$n: hugo ${M_WALL} s wall, ${M_CPU} s CPU, ${M_RSS} MiB; gongkai / Hugo = $(ratio "$full_wall" "$M_WALL")"
    fi
    [ "$keep" = 1 ] || rm -rf "$hdir/public" "$hdir/content" "$hdir/cache"
    write_report
  fi

  # 5. Pagefind on the pages gongkai rendered (the output after the edit build: the same pages, one title changed).
  if ! skipped pagefind; then
    if [ "$n" -gt "$pf_max" ]; then
      say "N=$n: Pagefind skipped (N > SCALE_PAGEFIND_MAX=$pf_max)"
      pf_rows+=("| $n | skipped: N > SCALE_PAGEFIND_MAX=$pf_max | | | | | $index_s | $export_s | | | |")
      [ "$pf_noted" = 1 ] || notes+=("Pagefind was not run above $pf_max records (SCALE_PAGEFIND_MAX): Pagefind 1.6.0 needed 8.4 GiB peak RSS for 20,000 records in BENCHMARKS.md (search), growing about linearly (~0.4 MiB per record, so ~40 GiB at 100,000 records; this machine has $mem_total). Raise SCALE_PAGEFIND_MAX on a larger machine; SCALE_MEM_LIMIT_MB caps it either way.")
      pf_noted=1
    else
      pdir="$dir/pagefind"
      rm -rf "$pdir"
      say "N=$n: Pagefind…"
      measure "$logs/pagefind" "${limited[@]}" "$pf_bin" --site "$out" --glob "$pf_glob" --output-path "$pdir"
      if [ "$M_STATUS" -ne 0 ]; then
        fail_tail "N=$n: Pagefind failed (exit $M_STATUS)" "$logs/pagefind.stderr"
        tail -n 10 "$logs/pagefind.stdout" >&2 || true
        pf_rows+=("| $n | **failed (exit $M_STATUS)**, see bench/work/scale-$n/logs/pagefind.* | $M_WALL | $M_CPU | $M_RSS | — | $index_s | $export_s | — | — | $M_LOAD |")
        failed=1
      else
        pf_pages="$(sed -nE 's/.*Indexed ([0-9]+) pages.*/\1/p' "$logs/pagefind.stdout" | tail -n 1)"
        pf_rows+=("| $n | ${pf_pages:-—} | $M_WALL | $M_CPU | $M_RSS | $(mib_of_dir "$pdir") | $index_s | $export_s | $(ratio "$index_s" "$M_WALL") | **$(ratio "$(sum "$index_s" "$export_s")" "$M_WALL")** | $M_LOAD |")
        say "N=$n: Pagefind ${M_WALL} s wall, ${M_RSS} MiB; gongkai index+export / Pagefind = $(ratio "$(sum "$index_s" "$export_s")" "$M_WALL")"
      fi
      [ "$keep" = 1 ] || rm -rf "$pdir"
    fi
    write_report
  fi
  [ "$keep" = 1 ] || rm -rf "$out" "$out".tmp-* "$out".old-*
done

# ------------------------------------------------------------------------------------------------ JBake, once
if ! skipped jbake; then
  src_n="${sizes[0]}"
  for n in "${sizes[@]}"; do [ "$n" -ge "$src_n" ] || src_n="$n"; done
  m="$jbake_m"
  if [ "$m" -gt "$src_n" ]; then
    notes+=("The JBake subset has $src_n records, not $m: the smallest site in this run has only $src_n.")
    m="$src_n"
  fi
  jdir="$work/scale-jbake"
  jlogs="$jdir/logs"
  src_site="$work/scale-$src_n/site"
  rm -rf "$jdir"
  mkdir -p "$jlogs"
  if [ ! -f "$src_site/.synthetic-site" ]; then
    say "JBake: skipped, $src_site is not a complete synthetic site"
    jbake_rows+=("| $m | — | **skipped**: $src_site missing | | | | | | | | | | |")
    failed=1
  else
    say "JBake: subset of $m records from N=$src_n, JBake's class path, gongkai build of the subset…"
    if ! "$java_bin" "$bench/ScaleInputs.java" subset "$src_site" "$m" "$jdir/site" 2>"$jlogs/subset.stderr"; then
      fail_tail "JBake: writing the subset failed" "$jlogs/subset.stderr"
      exit 4
    fi
    # jbake-core with the Oven's run-time dependencies (bench/jbake/pom.xml), compiled runner.
    jcp_file="$work/jbake/classpath.txt"
    mkdir -p "$work/jbake/classes"
    if ! (cd "$repo" && mvn -q -B -f bench/jbake/pom.xml dependency:build-classpath -Dmdep.outputFile="$jcp_file" \
      >"$jlogs/classpath.log" 2>&1); then
      fail_tail "JBake: resolving jbake-core's class path failed" "$jlogs/classpath.log"
      exit 3
    fi
    jcp="$(cat "$jcp_file")"
    if ! javac -encoding UTF-8 -d "$work/jbake/classes" -cp "$jcp" "$bench/JbakeOven.java" 2>"$jlogs/javac.log"; then
      fail_tail "JBake: compiling bench/JbakeOven.java failed" "$jlogs/javac.log"
      exit 3
    fi

    # gongkai on the subset.
    rm -rf "$jdir/out"
    measure "$jlogs/gongkai" "${gongkai_cmd[@]}" --source "$jdir/site" --out "$jdir/out" --clean
    if [ "$M_STATUS" -ne 0 ]; then
      fail_tail "JBake: gongkai build of the subset failed (exit $M_STATUS)" "$jlogs/gongkai.stderr"
      g_wall="—" g_pages="—" g_pub="—"
      failed=1
    else
      parse_summary "$jlogs/gongkai.stderr" || true
      g_wall="$M_WALL" g_pages="$S_PAGES" g_pub="$S_PUB"
      say "JBake: gongkai built the subset in ${M_WALL} s ($S_PAGES pages)"
    fi

    # JBake on the same subset.
    jsrc="$jdir/src"
    mkdir -p "$jsrc/assets/assets"
    cp -r "$bench/jbake/templates" "$bench/jbake/jbake.properties" "$jsrc/"
    cp "$repo/site-templates/assets/site.css" "$jsrc/assets/assets/site.css"
    if ! "$java_bin" "$bench/ScaleInputs.java" jbake "$jdir/site" "$jsrc" 2>"$jlogs/jbake-input.stderr"; then
      fail_tail "JBake: writing the JBake content failed" "$jlogs/jbake-input.stderr"
      exit 4
    fi
    say "JBake: baking with jbake-core's Oven…"
    measure "$jlogs/jbake" "$java_bin" "${jb_java_opts[@]}" -cp "$work/jbake/classes:$jcp" JbakeOven "$jsrc" "$jdir/jbake-out"
    jline="$(grep -E '^JBAKE ' "$jlogs/jbake.stdout" | tail -n 1 || true)"
    if [ "$M_STATUS" -ne 0 ] || [ -z "$jline" ]; then
      fail_tail "JBake: the Oven failed (exit $M_STATUS)" "$jlogs/jbake.stderr"
      jbake_rows+=("| $m | ${g_pub} | **JBake failed (exit $M_STATUS)**, see bench/work/scale-jbake/logs/jbake.stderr | $M_WALL | | | $M_CPU | $M_RSS | $g_pages | $g_wall | | | $M_LOAD |")
      failed=1
    else
      j_html="$(sed -nE 's/.* html=([0-9]+).*/\1/p' <<<"$jline")"
      j_oven="$(sed -nE 's/.* oven_s=([0-9.]+).*/\1/p' <<<"$jline")"
      j_ms="$(awk -v s="$j_oven" -v p="$j_html" 'BEGIN { if (p > 0) printf "%.1f", s * 1000 / p; else print "—" }')"
      g_ms="$(awk -v s="$g_wall" -v p="$g_pages" 'BEGIN { if (p + 0 > 0 && s != "—") printf "%.1f", s * 1000 / p; else print "—" }')"
      jbake_rows+=("| $m | $g_pub | $j_html | $M_WALL | $j_oven | $j_ms | $M_CPU | $M_RSS | $g_pages | $g_wall | $g_ms | **$(ratio "$g_wall" "$M_WALL")** | $M_LOAD |")
      say "JBake: ${M_WALL} s wall (Oven $j_oven s, $j_html HTML files, $j_ms ms/page); gongkai / JBake = $(ratio "$g_wall" "$M_WALL")"
    fi
    [ "$keep" = 1 ] || rm -rf "$jdir/out" "$jdir/jbake-out"
  fi
  write_report
fi

write_report
cat "$results"
say "written to $results"
exit "$failed"
