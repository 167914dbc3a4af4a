# lib.sh: a small TAP harness for the command-line tests. Source it, then call
#   run CMD...            run involve's CMD, capturing out, err and status
#   ok NAME COND...       one TAP line: "ok N - NAME" when COND (a command) succeeds
#   contains TEXT FILE    FILE holds TEXT (a fixed string)
#   finish                print the plan; exit 1 if anything failed
# INVOLVE is the program under test (meson passes it), T a private temp folder.
set -u
: "${INVOLVE:?INVOLVE must name the involve program}"
T=$(mktemp -d "${TMPDIR:-/tmp}/involve-cli-XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_DATA_HOME="$T/home/data" XDG_CONFIG_HOME="$T/home/config"
export INVOLVE_TODAY=2026-11-22 LC_ALL=C.UTF-8
unset NO_COLOR INVOLVE_UI
mkdir -p "$HOME"
n=0
failed=0

run() {
    "$INVOLVE" "$@" > "$T/out" 2> "$T/err" < /dev/null
    status=$?
}

ok() {
    local name=$1; shift
    n=$((n + 1))
    if "$@"; then
        echo "ok $n - $name"
    else
        echo "not ok $n - $name"
        echo "# status $status; stdout:"; sed 's/^/#   /' "$T/out" | head -20
        echo "# stderr:"; sed 's/^/#   /' "$T/err" | head -20
        failed=$((failed + 1))
    fi
}

contains() { grep -qF -- "$1" "$2"; }
status_is() { [ "$status" -eq "$1" ]; }

finish() {
    echo "1..$n"
    [ "$failed" -eq 0 ]
}
