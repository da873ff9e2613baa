#!/usr/bin/env bash
# The whole test suite, exactly as the README shows it (`bash .ci/test.sh`). On a fresh Debian machine, as
# root and without stdin, it installs what is missing (Node.js and npm, for the reference Cedar engine used
# as a test oracle), restores the pinned npm peers, runs every test project, and ends with the totals as
# `N passed, N failed, N skipped`.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Node.js and npm run the test peers (the reference Cedar engine, the OpenAI and Anthropic SDKs); curl runs the
# lines `airlock dev` prints, as a user would.
missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q "${missing[@]}"
fi

# Node peers are pinned by their lockfiles; `npm ci` installs exactly those versions.
for dir in tests/Airlock.Cedar.Differential/oracle tests/Airlock.Gateway.Tests/llm-clients bench/Airlock.Benchmarks/node; do
  if [ -f "$dir/package-lock.json" ]; then
    echo "== npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

echo "== dotnet test Airlock.slnx -c Release"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test Airlock.slnx -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Each test assembly prints `Passed!  - Failed: N, Passed: N, Skipped: N, Total: N`; add them up.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $status although no test failed: a build or test-host error, above"
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
