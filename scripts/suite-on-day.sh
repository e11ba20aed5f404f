#!/usr/bin/env bash
# Runs the suite as if today were another day, to find what only holds until some date (a test that
# plans a meeting on a fixed day, demo data that goes stale): every process's clock is moved by
# libfaketime (apt-get install faketime), PostgreSQL's included. Chromium keeps the real clock
# (libfaketime breaks its zygote); its pages get the moved one from Playwright (demo-session.ts).
#   bash scripts/suite-on-day.sh 2027-06-15 [vitest arguments, e.g. --project integration]
set -euo pipefail
cd "$(dirname "$0")/.."
day="${1:?usage: scripts/suite-on-day.sh YYYY-MM-DD [vitest arguments]}"
shift
command -v faketime >/dev/null || { echo "scripts/suite-on-day.sh needs libfaketime: apt-get install faketime" >&2; exit 2; }
chromium_on_real_clock="$(mktemp)"
trap 'rm -f "$chromium_on_real_clock"' EXIT
printf '#!/bin/sh\nexec env -u LD_PRELOAD -u FAKETIME %s "$@"\n' "${CHROMIUM_PATH:-/usr/bin/chromium}" >"$chromium_on_real_clock"
chmod +x "$chromium_on_real_clock"
pnpm --filter @jalon/portal build
# The monotonic clock stays real: timers and timeouts keep their length.
export FAKETIME_DONT_FAKE_MONOTONIC=1 CHROMIUM_PATH="$chromium_on_real_clock"
faketime -f "@$day 09:30:00" bash -c 'source scripts/throwaway-postgres.sh >/dev/null && pnpm vitest run "$@"' _ "$@"
