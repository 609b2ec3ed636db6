#!/usr/bin/env bash
# npm start: install what is missing, migrate, build if stale, then run site + worker.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/system-deps.sh

ensure_node_modules
ensure_media_tools
node_modules/.bin/tsx scripts/check-config.ts
node_modules/.bin/tsx scripts/db-migrate.ts | sed 's/^/setup | /'
ensure_site_build
ensure_worker_build
exec node_modules/.bin/tsx lib/site-server/serve.ts
