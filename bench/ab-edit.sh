#!/usr/bin/env bash
# A/B of two gongkai jars on one site, back to back: per jar a clean build, a no-op rebuild, then two one-record
# edits (the title of the sixth row of CSV, prefixed 〔AB编辑k〕), each an incremental command-line build into OUT,
# verified in the record's page. Restores the CSV at the end. Prints one /usr/bin/time line per build.
#
#   bash bench/ab-edit.sh OLD.jar NEW.jar SITE OUT CSV
#
# Each jar needs its lib/ beside it (as target/ has). JVM options: GONGKAI_JAVA_OPTS [-Xmx2g -XX:+UseParallelGC, the
# launcher's collector].
set -euo pipefail
[ $# -eq 5 ] || { echo "usage: bash bench/ab-edit.sh OLD.jar NEW.jar SITE OUT CSV" >&2; exit 2; }
old=$1 new=$2 site=$3 out=$4 csv=$5
opts=${GONGKAI_JAVA_OPTS--Xmx2g -XX:+UseParallelGC}
backup=$(mktemp)
cp "$csv" "$backup"
trap 'cp "$backup" "$csv"; rm -f "$backup"' EXIT
fmt='%e s wall, %U+%S s CPU, %M KB RSS'
for which in old new; do
  jar=$old
  [ "$which" = new ] && jar=$new
  # shellcheck disable=SC2086
  build=(java $opts -Dfile.encoding=UTF-8 -jar "$jar" build -q -s "$site" -o "$out")
  echo "== $which: $jar ($(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1 /proc/loadavg))"
  /usr/bin/time -f "$which clean: $fmt" "${build[@]}" --clean
  /usr/bin/time -f "$which no-op: $fmt" "${build[@]}"
  for k in 1 2; do
    id=$(python3 - "$csv" "$k" <<'PY'
import csv, io, sys
path, k = sys.argv[1], sys.argv[2]
rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
rows[5][1] = "〔AB编辑" + k + "〕" + rows[5][1].split("〕")[-1]
buf = io.StringIO()
csv.writer(buf, lineterminator="\n").writerows(rows)
open(path, "w", encoding="utf-8", newline="").write(buf.getvalue())
print(rows[5][0])
PY
)
    /usr/bin/time -f "$which edit $k: $fmt" "${build[@]}"
    page="$out/records/$(echo "$id" | tr -c '0-9A-Za-z-\n' '-' | tr 'A-Z' 'a-z')/index.html"
    if grep -q "〔AB编辑$k〕" "$page"; then echo "$which edit $k verified in $page"; else echo "$which edit $k NOT in $page"; exit 1; fi
  done
  cp "$backup" "$csv"
done
