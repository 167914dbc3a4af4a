# lib.sh: a small TAP harness for the command-line tests. Source it, then call
#   run CMD...            run involve's CMD, capturing out, err and status
#   involve CMD...        run involve's CMD as it is (for pipes and background runs)
#   ok NAME COND...       one TAP line: "ok N - NAME" when COND (a command) succeeds
#   contains TEXT FILE    FILE holds TEXT (a fixed string)
#   finish                print the plan; exit 1 if anything failed
# INVOLVE is the program under test (meson passes it), T a private temp folder.
# INVOLVE_WRAPPER, when set, is a command that runs involve under it, such as
#   INVOLVE_WRAPPER="valgrind --quiet --error-exitcode=99 --leak-check=full"
# An exit status of 99 under the wrapper is then a failed test of its own.
set -u
: "${INVOLVE:?INVOLVE must name the involve program}"
wrapper=()
[ -n "${INVOLVE_WRAPPER:-}" ] && read -r -a wrapper <<< "$INVOLVE_WRAPPER"
T=$(mktemp -d "${TMPDIR:-/tmp}/involve-cli-XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_DATA_HOME="$T/home/data" XDG_CONFIG_HOME="$T/home/config"
export INVOLVE_TODAY=2026-11-22 LC_ALL=C.UTF-8
unset NO_COLOR INVOLVE_UI
mkdir -p "$HOME"
n=0
failed=0
status=0

run() {
    involve "$@" > "$T/out" 2> "$T/err" < /dev/null
    status=$?
    if [ ${#wrapper[@]} -gt 0 ] && [ "$status" -eq 99 ]; then
        ok "no memory errors or leaks in: involve $*" false
    fi
}

# involve ARGS...: run the program under test (under INVOLVE_WRAPPER when set).
involve() {
    ${wrapper[@]+"${wrapper[@]}"} "$INVOLVE" "$@"
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
