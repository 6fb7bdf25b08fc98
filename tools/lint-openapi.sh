#!/usr/bin/env bash
# Lints the REST API description (docs/api/openapi.yaml) with the Redocly CLI pinned in
# package.json/package-lock.json, using the rules in redocly.yaml. Installs the pinned tools with
# `npm ci` (npm registry only) when node_modules/ is missing or does not match package-lock.json.
# The exit code is the lint's: non-zero on any problem.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v npm >/dev/null 2>&1; then
    echo "lint-openapi: npm is not installed (tools/install-deps.sh installs it)." >&2
    exit 1
fi

# node_modules/ is current when it was installed from exactly this package-lock.json.
stamp=node_modules/.tandem-package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
have=$(cat "$stamp" 2>/dev/null || true)
if [ ! -x node_modules/.bin/redocly ] || [ "$want" != "$have" ]; then
    echo "lint-openapi: installing the pinned tools (npm ci)"
    # No install scripts are needed (the only one prints a banner), so none are run.
    npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
    echo "$want" >"$stamp"
fi

# Keep the CLI offline apart from the registry: no usage telemetry, no update check.
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec npm run --silent lint:api
