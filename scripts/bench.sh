#!/usr/bin/env bash
# pnpm bench: the consent benchmark on a throwaway PostgreSQL (or the one TEST_DATABASE_URL names).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  # shellcheck source=throwaway-postgres.sh
  source scripts/throwaway-postgres.sh
fi
pnpm --filter @jalon/api bench
