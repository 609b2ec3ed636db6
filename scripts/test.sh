#!/usr/bin/env bash
# npm test: type check, lint, unit, database (SQLite and PostgreSQL, beside the next step),
# integration (real ffmpeg), e2e (real Chromium).
# `npm run test:e2e` runs only the e2e part.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/system-deps.sh
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

ensure_node_modules
ensure_media_tools
ensure_apt "browser tests" chromium:/usr/bin/chromium
ensure_apt "edge tests" nginx:/usr/sbin/nginx
ensure_apt "an independent RTSP camera (GStreamer gst-rtsp-server) for the ingest tests" \
  python3-gi:/usr/lib/python3/dist-packages/gi \
  gir1.2-gst-rtsp-server-1.0:/usr/lib/x86_64-linux-gnu/girepository-1.0/GstRtspServer-1.0.typelib \
  gstreamer1.0-plugins-base:/usr/lib/x86_64-linux-gnu/gstreamer-1.0/libgstvideotestsrc.so \
  gstreamer1.0-plugins-good:/usr/lib/x86_64-linux-gnu/gstreamer-1.0/libgstrtp.so \
  gstreamer1.0-plugins-bad:/usr/lib/x86_64-linux-gnu/gstreamer-1.0/libgstvideoparsersbad.so \
  gstreamer1.0-plugins-ugly:/usr/lib/x86_64-linux-gnu/gstreamer-1.0/libgstx264.so \
  gstreamer1.0-x:/usr/lib/x86_64-linux-gnu/gstreamer-1.0/libgstpango.so
ensure_apt "database tests (PostgreSQL)" postgresql:/usr/lib/postgresql
ensure_apt "systemd unit checks" systemd:systemd-analyze

passed=0 failed=0 summary=()
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
step() {
  local name=$1; shift
  local started=$SECONDS log="$logs/$((passed + failed)).log"
  printf '\n=== %s ===\n' "$name"
  if "$@" 2>&1 | tee "$log"; then passed=$((passed + 1)); summary+=("ok    $name ($((SECONDS - started)) s)")
  else
    failed=$((failed + 1)); summary+=("FAIL  $name ($((SECONDS - started)) s)")
    # A long run pushes the failures far up: name them again where the summary is read.
    while IFS= read -r line; do summary+=("        $line"); done < <(failures "$log")
  fi
}
# A step that runs beside the following ones (its output is shown when it is awaited).
background_step() {
  bg_name=$1 bg_log="$logs/background.log" bg_started=$SECONDS; shift
  "$@" >"$bg_log" 2>&1 &
  bg_pid=$!
}
await_background_step() {
  local status=0
  wait "$bg_pid" || status=$?
  printf '\n=== %s (ran beside the step above) ===\n' "$bg_name"
  cat "$bg_log"
  if [ "$status" -eq 0 ]; then passed=$((passed + 1)); summary+=("ok    $bg_name ($((SECONDS - bg_started)) s)")
  else
    failed=$((failed + 1)); summary+=("FAIL  $bg_name ($((SECONDS - bg_started)) s)")
    while IFS= read -r line; do summary+=("        $line"); done < <(failures "$bg_log")
  fi
}
failures() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -E '^ *(FAIL |✘|×|error TS)|^[^ ].*: (error|warning) ' | sort -u | head -15
}

e2e() {
  ensure_site_build
  ensure_worker_build
  rm -rf data/e2e && mkdir -p data/e2e
  node_modules/.bin/playwright test "$@"
}

# The owner's login and dashboard, on a camera with a place and a time zone.
e2e_dashboard() {
  ensure_site_build
  ensure_worker_build
  rm -rf data/e2e-dashboard && mkdir -p data/e2e-dashboard
  node_modules/.bin/playwright test --config playwright.dashboard.config.ts "$@"
}

# Against the camera simulator, so the camera can be broken on demand.
# All of it with a 2 s GOP (a typical real camera), then the lost-bytes tests again with a 4 s
# GOP (e2e/faults/gop.ts). Both runs go ahead, and a failure in either fails the step.
e2e_faults() {
  ensure_site_build
  ensure_worker_build
  rm -rf data/e2e-faults-gop*
  local status=0
  FAULTS_GOP=2 node_modules/.bin/playwright test --config playwright.faults.config.ts "$@" || status=$?
  FAULTS_GOP=4 node_modules/.bin/playwright test --config playwright.faults.config.ts -g lost-bytes "$@" || status=$?
  return "$status"
}

if [ "${1:-all}" = e2e ]; then
  shift
  step "e2e (Chromium)" e2e "$@"
  step "e2e dashboard (Chromium)" e2e_dashboard
  step "e2e with camera faults (Chromium)" e2e_faults
else
  step "type check" node_modules/.bin/tsc --noEmit
  step "lint" node_modules/.bin/eslint --max-warnings 0 .
  step "unit" node_modules/.bin/vitest run --project unit
  # No ffmpeg in the database tests: one worker of them runs beside the ffmpeg tests.
  background_step "database (SQLite and a throwaway PostgreSQL)" node_modules/.bin/vitest run --project database --maxWorkers=1
  step "integration (real ffmpeg)" node_modules/.bin/vitest run --project integration
  await_background_step
  step "security (real edge, site and origin)" node_modules/.bin/vitest run --project security
  step "e2e (Chromium)" e2e
  step "e2e dashboard (Chromium)" e2e_dashboard
  step "e2e with camera faults (Chromium)" e2e_faults
fi

printf '\n=== summary ===\n'
printf '%s\n' "${summary[@]}"
echo "steps: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
