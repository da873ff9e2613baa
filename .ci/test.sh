#!/usr/bin/env bash
# The whole test suite, exactly as the README shows it. Installs what a fresh Debian machine lacks
# (Node.js for the reference-engine peers), restores the pinned npm peers, then runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "installing nodejs and npm (needed by the reference Cedar engine used as a test oracle)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q nodejs npm
fi

# Node peers are pinned by their lockfiles; `npm ci` installs exactly those versions.
for dir in tests/Airlock.Cedar.Differential/oracle bench/Airlock.Benchmarks/node; do
  if [ -f "$dir/package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

dotnet test Airlock.slnx -c Release
