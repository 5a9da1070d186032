#!/usr/bin/env bash
# Validates the GitHub Action metadata (cli/action.yml) and the example workflows with action-validator, installed
# from the npm registry, and first proves on a broken copy that the validator rejects what it should.
#
# Usage: build-support/validate-github-action.sh
# Needs npm. The tool is kept in target/action-validator (or $ACTION_VALIDATOR_HOME) and reused by later runs.
set -euo pipefail

readonly VALIDATOR_VERSION=0.6.0

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="${ACTION_VALIDATOR_HOME:-$repo_root/target/action-validator}"
validator="$tools_dir/node_modules/.bin/action-validator"

if [ ! -x "$validator" ]; then
    echo "Installing @action-validator/cli@$VALIDATOR_VERSION from the npm registry into $tools_dir" >&2
    npm install --prefix "$tools_dir" --no-audit --no-fund --no-update-notifier --loglevel=error \
        "@action-validator/cli@$VALIDATOR_VERSION" "@action-validator/core@$VALIDATOR_VERSION" >&2
fi

# The validator tells an action from a workflow by the file name, so the broken copy keeps the name action.yml.
broken="$(mktemp -d)"
trap 'rm -rf "$broken"' EXIT
sed 's/using: composite/using: not-a-runner/' "$repo_root/cli/action.yml" > "$broken/action.yml"
if "$validator" "$broken/action.yml" > "$broken/out.txt" 2>&1; then
    echo "action-validator accepted an action with an unknown runner: it checks nothing" >&2
    exit 1
fi

status=0
for file in "$repo_root/cli/action.yml" "$repo_root"/examples/github-actions/*.yml; do
    if "$validator" "$file"; then
        echo "valid: ${file#"$repo_root"/}"
    else
        echo "INVALID: ${file#"$repo_root"/}" >&2
        status=1
    fi
done
exit "$status"
