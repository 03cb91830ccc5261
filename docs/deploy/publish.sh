#!/usr/bin/env bash
# Publish a built gongkai site (the public/ folder) to a web server with rsync, or to an S3-compatible object store
# (AWS S3, Aliyun OSS, Tencent COS, Huawei OBS, MinIO) with the AWS CLI.
#
#   publish.sh rsync DEST [DIR]     DEST e.g. deploy@web1:/srv/gongkai/public/   (DIR: default public/)
#   publish.sh s3 s3://BUCKET[/PREFIX] [DIR]
#                                   other clouds: S3_ENDPOINT=https://oss-cn-hangzhou.aliyuncs.com publish.sh s3 …
#   publish.sh headers              the response headers the server or CDN must send (see below)
#
# Security headers: an object store sends no Content-Security-Policy or X-Content-Type-Options of its own, and rsync
# copies files only. Set the headers that `publish.sh headers` prints at the CDN (e.g. a CloudFront response headers
# policy, Aliyun CDN 自定义响应头) or in the server's configuration (nginx.conf and Caddyfile beside this script send
# them already). The pages also declare the policy in <meta>, but only a header can say frame-ancestors and nosniff.
set -euo pipefail

# The headers nginx.conf sends with every response (PublishScriptTest keeps the two lists equal).
headers() {
  cat <<'HEADERS'
Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'
Referrer-Policy: strict-origin-when-cross-origin
X-Content-Type-Options: nosniff
Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()
Cross-Origin-Opener-Policy: same-origin
HEADERS
}

# Content types a store would guess wrong or not at all (as nginx.conf's types block). The search index's .dat files
# are gzip already and must be served byte for byte: no Content-Encoding, never compressed again.
TYPES=(
  "dat application/octet-stream"
  "jsonld application/ld+json"
  "ttl text/turtle"
  "ndjson application/x-ndjson"
)

usage() {
  sed -n '5,8p' "$0" >&2
  exit 2
}

site_dir() {
  local dir="${1:-public}"
  if [ ! -f "$dir/index.html" ] || [ ! -f "$dir/.gongkai-output" ]; then
    echo "publish.sh: $dir is not a folder gongkai built (run ./gongkai build first)" >&2
    exit 2
  fi
  printf '%s' "${dir%/}"
}

publish_rsync() {
  local dest="$1" dir
  dir="$(site_dir "${2:-}")"
  # --delay-updates puts every changed file in place at the end, so visitors rarely see old and new pages mixed;
  # --delete-after removes pages that are gone only once the new ones are there.
  rsync --recursive --links --times --checksum --compress --human-readable \
    --delay-updates --delete-after --exclude=.gongkai-output \
    --chmod=D755,F644 "$dir/" "$dest"
}

publish_s3() {
  local dest="${1%/}" dir ext type
  dir="$(site_dir "${2:-}")"
  local aws=(aws)
  if [ -n "${S3_ENDPOINT:-}" ]; then aws+=(--endpoint-url "$S3_ENDPOINT"); fi
  aws+=(s3)
  local special=()
  for t in "${TYPES[@]}"; do special+=(--exclude "*.${t%% *}"); done
  # 1. Files the store would type wrong, each kind with its type. Uploaded before the pages that refer to them.
  for t in "${TYPES[@]}"; do
    ext="${t%% *}"
    type="${t#* }"
    "${aws[@]}" sync "$dir/" "$dest/" --exclude '*' --include "*.$ext" --content-type "$type" --no-guess-mime-type
  done
  # 2. Stylesheets and scripts: a day in the browser's cache (as nginx.conf), then the rest with guessed types.
  "${aws[@]}" sync "$dir/assets/" "$dest/assets/" --cache-control "max-age=86400"
  "${aws[@]}" sync "$dir/" "$dest/" "${special[@]}" --exclude 'assets/*' --exclude .gongkai-output
  # 3. Only now remove what the new build no longer has.
  "${aws[@]}" sync "$dir/" "$dest/" --delete --exclude .gongkai-output
}

case "${1:-}" in
  rsync) [ $# -ge 2 ] || usage; publish_rsync "$2" "${3:-}" ;;
  s3) [ $# -ge 2 ] || usage; publish_s3 "$2" "${3:-}" ;;
  headers) headers ;;
  *) usage ;;
esac
