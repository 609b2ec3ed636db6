# Shared by start.sh and test.sh: install what Lookout needs from npm and Debian, or say
# exactly what is missing. Sourced, not run.

log() { printf 'setup | %s\n' "$*"; }

ensure_node_modules() {
  local stamp=node_modules/.package-lock.json
  if [ ! -d node_modules ] || [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    log "installing npm packages (npm install; npm ci does not work with this registry)…"
    npm install --no-audit --no-fund --loglevel=error
  fi
  if [ ! -f lib/generated/prisma/client.ts ] || [ prisma/schema.prisma -nt lib/generated/prisma/client.ts ] \
    || [ ! -f lib/generated/prisma-postgresql/client.ts ] || [ prisma/schema.prisma -nt lib/generated/prisma-postgresql/client.ts ]; then
    node scripts/prisma.mjs generate >/dev/null
  fi
}

# ensure_apt "<what it is for>" package:probe-path …
ensure_apt() {
  local purpose=$1; shift
  local missing=()
  for spec in "$@"; do
    local pkg=${spec%%:*} probe=${spec#*:}
    if [[ $probe == /* ]]; then [ -e "$probe" ] || missing+=("$pkg"); else command -v "$probe" >/dev/null 2>&1 || missing+=("$pkg"); fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    log "Lookout needs ${missing[*]} for $purpose. Install it with:"
    log "  sudo apt-get update && sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
  log "installing ${missing[*]} with apt (for $purpose)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_media_tools() {
  ensure_apt "video ingest and snapshots" ffmpeg:ffmpeg fonts-dejavu-core:/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf fontconfig:fc-list
}

# Rebuild the site when any of its inputs is newer than the last build: `next build`, hls.js and
# the precompressed copies (scripts/build-site.ts), then the site server as one bundled file.
ensure_site_build() {
  # The stamp is taken when a build starts, so a file edited during the build still counts as newer.
  if [ -f .build/site.stamp ] && [ -f .next/BUILD_ID ] && [ -f .build/site.mjs ] && [ -z "$(find app components lib public prisma/schema.prisma next.config.ts postcss.config.mjs proxy.ts tsconfig.json package-lock.json scripts/build-site.ts -type f -newer .build/site.stamp -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  log "building the site (next build)…"
  mkdir -p .build && rm -f .build/site.stamp && touch .build/site.stamp.new
  node_modules/.bin/tsx scripts/build-site.ts >/tmp/lookout-build.log 2>&1 || { cat /tmp/lookout-build.log; log "next build failed"; exit 1; }
  node_modules/.bin/esbuild lib/site-server/site-server.ts --bundle --platform=node --format=esm --target=node20 \
    --packages=external --outfile=.build/site.mjs --log-level=warning
  mv .build/site.stamp.new .build/site.stamp
}

# The worker runs as one bundled ESM file under plain node: ~30 MB less memory than tsx.
ensure_worker_build() {
  if [ -f .build/worker.stamp ] && [ -f .build/worker.mjs ] && [ -z "$(find worker lib package-lock.json -type f -newer .build/worker.stamp -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  log "bundling the worker (esbuild)…"
  mkdir -p .build && rm -f .build/worker.stamp && touch .build/worker.stamp.new # taken at the start: edits made meanwhile count
  node_modules/.bin/esbuild worker/index.ts --bundle --platform=node --format=esm --target=node20 \
    --packages=external --outfile=.build/worker.mjs --log-level=warning
  mv .build/worker.stamp.new .build/worker.stamp
}
