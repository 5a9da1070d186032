#!/usr/bin/env bash
# Quick start: see prisma-registry add one registry-scan entry to a console that already holds 3000, lose none of
# them, and write nothing when the same build runs again; then gate on an on-demand scan: a clean image passes, a
# seeded vulnerable one fails the build as a policy failure. Needs only Java 17+ and Maven 3.8.7+; no Prisma Cloud
# account and no network access besides Maven Central (first build only).
#
#   ./quickstart.sh            build what is missing, start a local console simulator, run the example twice
#   QUICKSTART_REBUILD=1 ./quickstart.sh    rebuild even when the installed plugin is up to date
#
# Exit status 0 only when every check passed.
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)
SEED=3000
EXAMPLE=examples/quickstart/pom.xml
LOCAL_REPO=${QUICKSTART_LOCAL_REPO:-$HOME/.m2/repository}
# QUICKSTART_LOCAL_REPO: a Maven local repository of its own for every build below (default: yours).
REPO_ARGS=()
[[ -n "${QUICKSTART_LOCAL_REPO:-}" ]] && REPO_ARGS=("-Dmaven.repo.local=$QUICKSTART_LOCAL_REPO")

WORK=$(mktemp -d "${TMPDIR:-/tmp}/prisma-registry-quickstart.XXXXXX")
SIMULATOR_PID=""
cleanup() {
    if [[ -n "$SIMULATOR_PID" ]] && kill -0 "$SIMULATOR_PID" 2>/dev/null; then
        kill "$SIMULATOR_PID" 2>/dev/null || true
        wait "$SIMULATOR_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

FAILURES=0
step() { printf '\n==> %s\n' "$*"; }
pass() { printf '    PASS  %s\n' "$*"; }
fail() { printf '    FAIL  %s\n' "$*"; FAILURES=$((FAILURES + 1)); }
die() { printf '\nquickstart: %s\n' "$*" >&2; exit 1; }

# ---- prerequisites ----------------------------------------------------------------------------------------------
command -v java >/dev/null || die "java not found: install Java 17 or newer"
command -v mvn >/dev/null || die "mvn not found: install Maven 3.8.7 or newer"
JAVA_MAJOR=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
[[ "${JAVA_MAJOR%%.*}" -ge 17 ]] 2>/dev/null || die "Java 17 or newer is needed, found ${JAVA_MAJOR:-unknown}"

# The project version: the first <version> after the parent's artifactId in the root POM.
VERSION=$(sed -n '/<artifactId>prisma-registry-parent<\/artifactId>/,/<\/version>/{/<version>/{s:.*<version>\(.*\)</version>.*:\1:p;q;};}' pom.xml)
[[ -n "$VERSION" ]] || die "cannot read the project version from pom.xml"
PLUGIN_JAR="$LOCAL_REPO/io/github/prismaregistry/prisma-registry-maven-plugin/$VERSION/prisma-registry-maven-plugin-$VERSION.jar"
SIMULATOR_JAR="$ROOT/console-simulator/target/prisma-registry-simulator-$VERSION-standalone.jar"

# ---- 1. build (skipped when the installed plugin and the simulator are newer than every source) ------------------
up_to_date() {
    [[ -f "$PLUGIN_JAR" && -f "$SIMULATOR_JAR" ]] || return 1
    local newer
    newer=$(find pom.xml common/pom.xml common/src/main console-simulator/pom.xml console-simulator/src/main \
        maven-plugin/pom.xml maven-plugin/src/main -type f \( -newer "$PLUGIN_JAR" -o -newer "$SIMULATOR_JAR" \) \
        -print -quit)
    [[ -z "$newer" ]]
}
step "Building prisma-registry $VERSION (console simulator, common engine, Maven plugin)"
if [[ "${QUICKSTART_REBUILD:-0}" != 1 ]] && up_to_date; then
    echo "    already built and installed, reusing it (QUICKSTART_REBUILD=1 forces a build)"
else
    echo "    mvn -B -q -DjenkinsOffline -DskipTests -pl maven-plugin -am install   (a few minutes the first time)"
    mvn -B -q ${REPO_ARGS[@]+"${REPO_ARGS[@]}"} -DjenkinsOffline -DskipTests -pl maven-plugin -am install >"$WORK/build.log" 2>&1 \
        || { cat "$WORK/build.log"; die "the build failed (output above)"; }
    [[ -f "$SIMULATOR_JAR" ]] || die "the build did not produce $SIMULATOR_JAR"
fi

# The witness reads the simulator's list by itself, not through prisma-registry.
javac -nowarn -d "$WORK/check" -cp "$SIMULATOR_JAR" examples/quickstart/QuickstartCheck.java
check() { java -cp "$WORK/check:$SIMULATOR_JAR" QuickstartCheck "$@"; }

# ---- 2. a console with 3000 entries owned by "other teams" -------------------------------------------------------
step "Starting a local Prisma Cloud Compute console simulator with $SEED registry entries"
export PRISMA_USERNAME=quickstart
PRISMA_PASSWORD="qs-$RANDOM$RANDOM-$(date +%s)"
export PRISMA_PASSWORD
java -jar "$SIMULATOR_JAR" --port 0 --seed "$SEED" --user "$PRISMA_USERNAME" --password "$PRISMA_PASSWORD" \
    >"$WORK/simulator.log" 2>&1 &
SIMULATOR_PID=$!
CONSOLE_URL=""
for _ in $(seq 1 120); do
    CONSOLE_URL=$(sed -n '/^ *URL: */{s///p;q;}' "$WORK/simulator.log")
    [[ -n "$CONSOLE_URL" ]] && break
    kill -0 "$SIMULATOR_PID" 2>/dev/null || { cat "$WORK/simulator.log"; die "the simulator did not start"; }
    sleep 0.25
done
[[ -n "$CONSOLE_URL" ]] || { cat "$WORK/simulator.log"; die "the simulator did not report its URL within 30 s"; }
echo "    console: $CONSOLE_URL   login: \$PRISMA_USERNAME / \$PRISMA_PASSWORD (exported by this script)"
BEFORE_COUNT=$(check snapshot "$CONSOLE_URL" "$WORK/before.json")
echo "    entries on the console: $BEFORE_COUNT"

# ---- 3. the example build ----------------------------------------------------------------------------------------
# serverId points at no settings.xml server, so the environment login is used even if your own settings.xml has a
# server called prisma-cloud.
MAVEN_ARGS=(-B -o ${REPO_ARGS[@]+"${REPO_ARGS[@]}"} -f "$EXAMPLE" prisma-registry:register
    "-DprismaRegistry.consoleUrl=$CONSOLE_URL" -DprismaRegistry.serverId=quickstart-uses-environment
    "-Dprisma-registry.version=$VERSION")
run_example() {
    local log="$WORK/$1.log"
    echo "    mvn -f $EXAMPLE prisma-registry:register -DprismaRegistry.consoleUrl=$CONSOLE_URL"
    if ! mvn "${MAVEN_ARGS[@]}" >"$log" 2>&1; then
        cat "$log"
        die "the example build failed (output above)"
    fi
    # The plugin's own lines, without Maven's frame.
    awk '/--- .*:register /{on=1; next} /^\[INFO\] --------------------/{on=0} on' "$log" | sed -e 's/^\[INFO\] /    | /' \
        -e 's/^\[WARNING\] /    | WARNING /'
}
RESULT="examples/quickstart/target/prisma-registry/result.json"

step "Run 1: registering registry.example.com/shop/checkout:1.4.2"
rm -f "$RESULT"
run_example run1
ACTION=$(check field "$RESULT" action)
[[ "$ACTION" == ADDED ]] && pass "action ADDED" || fail "action was $ACTION, expected ADDED"

step "Checking the console's list independently (before vs. after)"
if check compare "$WORK/before.json" "$CONSOLE_URL" 1; then
    pass "$SEED entries before, $((SEED + 1)) after, none lost or changed"
else
    fail "the list is not the old list plus one entry"
fi
check snapshot "$CONSOLE_URL" "$WORK/after-run1.json" >/dev/null
WRITES_AFTER_RUN1=$(check writes "$CONSOLE_URL")

step "Run 2: the same build again"
run_example run2
ACTION=$(check field "$RESULT" action)
WRITES_AFTER_RUN2=$(check writes "$CONSOLE_URL")
[[ "$ACTION" == ALREADY_COVERED ]] && pass "action ALREADY_COVERED" || fail "action was $ACTION, expected ALREADY_COVERED"
if [[ "$WRITES_AFTER_RUN2" == "$WRITES_AFTER_RUN1" ]]; then
    pass "nothing written: the console's write count is still $WRITES_AFTER_RUN2"
else
    fail "the console's write count went from $WRITES_AFTER_RUN1 to $WRITES_AFTER_RUN2"
fi
if check compare "$WORK/after-run1.json" "$CONSOLE_URL" 0 >/dev/null; then
    pass "the list is unchanged: $((SEED + 1)) entries"
else
    fail "the list changed on the second run"
fi

# ---- 4. scan and gate -----------------------------------------------------------------------------------------------
# What the simulated registry holds: the image just registered, clean, and a later build with a critical CVE.
CLEAN_IMAGE=registry.example.com/shop/checkout:1.4.2
VULNERABLE_IMAGE=registry.example.com/shop/checkout:1.5.0-rc1
check add-image "$CONSOLE_URL" "$CLEAN_IMAGE"
check add-image "$CONSOLE_URL" "$VULNERABLE_IMAGE" CVE-2024-3094 critical
SCAN_RESULT="examples/quickstart/target/prisma-registry/scan-result.json"
# Runs prisma-registry:scan on one image and shows the plugin's lines; returns Maven's exit status.
run_scan() {
    local log="$WORK/$1.log" status=0
    echo "    mvn -f $EXAMPLE prisma-registry:scan -DprismaRegistry.image=$2 -DprismaRegistry.pollInterval=1"
    mvn -B -o ${REPO_ARGS[@]+"${REPO_ARGS[@]}"} -f "$EXAMPLE" prisma-registry:scan "-DprismaRegistry.image=$2" -DprismaRegistry.pollInterval=1 \
        "-DprismaRegistry.consoleUrl=$CONSOLE_URL" -DprismaRegistry.serverId=quickstart-uses-environment \
        "-Dprisma-registry.version=$VERSION" >"$log" 2>&1 || status=$?
    awk '/--- .*:scan /{on=1; next} /^\[INFO\] --------------------/{on=0} on' "$log" | grep -v '^\[INFO\]   report: ' \
        | sed -e 's/^\[INFO\] /    | /' -e 's/^\[WARNING\] /    | WARNING /'
    sed -n 's/^\[ERROR\] Failed to execute goal [^ ]* ([^)]*) on project [^:]*: \(.*\) -> \[Help 1\]$/    | ERROR \1/p' "$log"
    return "$status"
}

step "Run 3: scan and gate $CLEAN_IMAGE (no vulnerabilities)"
rm -f "$SCAN_RESULT"
SCANS_BEFORE=$(check image-scans "$CONSOLE_URL")
if run_scan scan-clean "$CLEAN_IMAGE"; then pass "the build passed the gate"; else fail "the build failed"; fi
VERDICT=$(check field "$SCAN_RESULT" verdict)
[[ "$VERDICT" == PASSED ]] && pass "verdict PASSED in $SCAN_RESULT" || fail "verdict was ${VERDICT:-missing}, expected PASSED"
SCANS_AFTER=$(check image-scans "$CONSOLE_URL")
[[ "$SCANS_AFTER" == $((SCANS_BEFORE + 1)) ]] && pass "the console was asked for exactly one on-demand scan" \
    || fail "on-demand scans went from $SCANS_BEFORE to $SCANS_AFTER, expected one more"

step "Run 4: scan and gate $VULNERABLE_IMAGE (seeded with CVE-2024-3094, critical)"
rm -f "$SCAN_RESULT"
if run_scan scan-vulnerable "$VULNERABLE_IMAGE"; then fail "the build passed, but the gate should have failed it"
else pass "the gate failed the build"; fi
VERDICT=$(check field "$SCAN_RESULT" verdict)
[[ "$VERDICT" == FAILED ]] && pass "verdict FAILED in $SCAN_RESULT" || fail "verdict was ${VERDICT:-missing}, expected FAILED"
SCAN_LOG="$WORK/scan-vulnerable.log"
if grep -q 'Prisma scan gate FAILED for .*CVE-2024-3094' "$SCAN_LOG" && grep -q '/MAVEN/MojoFailureException' "$SCAN_LOG" \
        && ! grep -q '/MAVEN/MojoExecutionException' "$SCAN_LOG"; then
    pass "reported as a policy failure (MojoFailureException naming CVE-2024-3094), not as an error"
else
    fail "the failure was not reported as a policy failure naming CVE-2024-3094 (see $SCAN_LOG)"
fi
REPORTS=(scan-result.json scan-result.sarif.json scan-result.junit.xml scan-summary.md)
MISSING=""
for report in "${REPORTS[@]}"; do
    [[ -f "examples/quickstart/target/prisma-registry/$report" ]] || MISSING="$MISSING $report"
done
[[ -z "$MISSING" ]] && pass "reports written: ${REPORTS[*]}" || fail "reports missing:$MISSING"

echo
if [[ "$FAILURES" -eq 0 ]]; then
    echo "All checks passed. Result of the last registration: $RESULT; reports of the last scan: ${SCAN_RESULT%/*}/"
else
    echo "$FAILURES check(s) failed."
    exit 1
fi
