#!/usr/bin/env bash
# Installs the SARIF validator that the scan report test runs: @microsoft/sarif-multitool from the npm registry, which
# ships its own self-contained build for this platform. Without npm it says so and exits 0; the test then skips.
#
# Usage: build-support/install-sarif-validator.sh DIR   (the Maven build passes common/target/sarif-validator)
set -euo pipefail

readonly VALIDATOR_VERSION=5.7.0
dir="${1:?usage: install-sarif-validator.sh DIR}"

if ! command -v npm >/dev/null 2>&1; then
    echo "npm is not on the PATH: the SARIF validator is not installed and the SARIF report will not be validated." >&2
    exit 0
fi
installed="$dir/node_modules/@microsoft/sarif-multitool/package.json"
if [ -f "$installed" ] && grep -q "\"version\": \"$VALIDATOR_VERSION\"" "$installed"; then
    exit 0
fi
echo "Installing @microsoft/sarif-multitool@$VALIDATOR_VERSION from the npm registry into $dir" >&2
mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --no-update-notifier --loglevel=error \
    "@microsoft/sarif-multitool@$VALIDATOR_VERSION" >&2
