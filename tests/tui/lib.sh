# tests/tui/lib.sh: drive the real duban in tmux (sourced by tests/tui/test_*.sh, POSIX sh).
#
#	. "$(dirname "$0")/lib.sh"
#	tui_duban --db db init			# plain command, same fixed environment
#	tui_start --db db --today 2025-03-05 --lang en
#	tui_wait_for 'Today: 2025-03-05'
#	tui_expect_screen desk-en-80x24		# tests/tui/screens/desk-en-80x24.screen
#	tui_keys q
#	tui_expect_exit 0
#
# Each test script gets its own temp dir (the current directory, removed at exit) and its own
# tmux server (tmux -L duban-test-$$ -f /dev/null: no user configuration, no shared state).
# The program runs at a fixed size (80x24, or TUI_COLS x TUI_LINES) in a fixed environment;
# remain-on-exit keeps the pane after it ends, so its exit status can be read. Every wait polls
# with a timeout: nothing sleeps and then asserts.
#
# Expected screens live in tests/tui/screens/NAME.screen. UPDATE_SCREENS=1 rewrites them from
# what the program shows instead of comparing; review the diff before committing it.
#
# A failed expectation prints why (and the screen, or a diff) and exits the script with 1.

set -eu

TUI_DIR=$(cd "$(dirname "$0")" && pwd)
TUI_SCREENS=$TUI_DIR/screens
if [ -z "${DUBAN:-}" ]; then
	DUBAN=$(cd "$TUI_DIR/../.." && pwd)/build/asan/duban
fi
case $DUBAN in
/*) ;;
*) DUBAN=$(pwd)/$DUBAN ;;
esac
if [ ! -x "$DUBAN" ]; then
	echo "tui: $DUBAN is not an executable; build it first (make asan)" >&2
	exit 1
fi
command -v tmux >/dev/null 2>&1 || { echo "tui: tmux is missing (make deps)" >&2; exit 1; }
unset TMUX TMUX_PANE

TUI_SOCKET=duban-test-$$
TUI_TARGET=duban:0.0
TUI_TIMEOUT=${TUI_TIMEOUT:-10}
_tui_running=0
_tui_reported=0
_tui_socket_path=
_tui_name=$(basename "$0" .sh)

TUI_TMP=$(mktemp -d "${TMPDIR:-/tmp}/duban-tui.XXXXXX")
cd "$TUI_TMP"

_tui_cleanup() {
	_rc=$?
	if [ "$_rc" != 0 ] && [ "$_tui_reported" = 0 ]; then
		echo "tui: $_tui_name: FAIL: the script stopped (status $_rc): a command in it failed" >&2
	fi
	_tui_kill
	cd /
	rm -rf "$TUI_TMP"
	exit "$_rc"
}
trap _tui_cleanup EXIT
trap 'exit 130' INT TERM

_tmux() {
	tmux -L "$TUI_SOCKET" -f /dev/null "$@"
}

# tmux leaves its socket file behind when the server ends; remove ours.
_tui_kill() {
	if [ "$_tui_running" = 1 ]; then
		_tmux kill-server >/dev/null 2>&1 || true
		[ -n "$_tui_socket_path" ] && rm -f "$_tui_socket_path"
		_tui_running=0
	fi
}

tui_fail() {
	_tui_reported=1
	echo "tui: $_tui_name: FAIL: $*" >&2
	exit 1
}

# Quote one word for sh.
_tui_quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# The fixed environment, as arguments to env -i. What a test sets on purpose (DUBAN_TODAY,
# DUBAN_CONFIG) and the sanitizers' options pass through; run.sh unsets the DUBAN_ ones.
_tui_env() {
	printf '%s ' HOME="$(_tui_quote "$TUI_TMP")" \
	    XDG_CONFIG_HOME="$(_tui_quote "$TUI_TMP/.config")" \
	    PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 TERM=xterm-256color
	for v in DUBAN_TODAY DUBAN_CONFIG ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
		eval "_val=\${$v:-}"
		[ -n "$_val" ] && printf '%s=%s ' "$v" "$(_tui_quote "$_val")"
	done
	return 0
}

# duban run directly (not in tmux) in the same fixed environment, to set things up (init);
# it must succeed. Its stdout is passed on, its stderr shown only on failure.
tui_duban() {
	set +e
	eval "env -i $(_tui_env) \"\$DUBAN\" \"\$@\"" 2>"$TUI_TMP/.stderr"
	_rc=$?
	set -e
	if [ "$_rc" != 0 ]; then
		sed 's/^/  | /' "$TUI_TMP/.stderr" >&2
		tui_fail "duban $* (outside tmux) exited with status $_rc"
	fi
}

# Start duban with these arguments in a fresh tmux server, TUI_COLS x TUI_LINES (80x24).
tui_start() {
	_cols=${TUI_COLS:-80}
	_lines=${TUI_LINES:-24}
	_tui_kill
	_cmd="exec env -i $(_tui_env)$(_tui_quote "$DUBAN")"
	for _a in "$@"; do
		_cmd="$_cmd $(_tui_quote "$_a")"
	done
	# The pane first holds a placeholder: remain-on-exit must be on before duban can end.
	_tmux new-session -d -s duban -x "$_cols" -y "$_lines" -c "$TUI_TMP" 'exec cat' ||
	    tui_fail "tmux could not start"
	_tui_running=1
	_tui_socket_path=$(_tmux display-message -p '#{socket_path}')
	_tmux set-option -g status off
	_tmux set-option -g remain-on-exit on
	# No "Pane is dead" line when duban ends: tmux writes it by scrolling the screen up.
	_tmux set-option -g remain-on-exit-format '' 2>/dev/null || true
	_tmux resize-window -t duban -x "$_cols" -y "$_lines"
	_size=$(_tmux display-message -p -t "$TUI_TARGET" '#{pane_width}x#{pane_height}')
	[ "$_size" = "${_cols}x${_lines}" ] || tui_fail "the pane is $_size, not ${_cols}x${_lines}"
	_tmux respawn-pane -k -t "$TUI_TARGET" -c "$TUI_TMP" "$_cmd"
}

# Change the terminal's size while duban runs (it gets SIGWINCH).
tui_resize() {
	_tmux resize-window -t duban -x "$1" -y "$2"
}

# Print the screen as it is now.
tui_screen() {
	_tmux capture-pane -p -t "$TUI_TARGET"
}

# The screen with trailing spaces removed, into a file. tmux's own "Pane is dead (status N,
# DATE)" line, written when duban has ended, is left out: it carries the time of day.
_tui_capture() {
	tui_screen | sed -e 's/[[:space:]]*$//' -e '/^Pane is dead (/d' >"$1"
}

_tui_show() {
	echo "--- screen ($2) ---" >&2
	cat "$1" >&2
	echo "--- end of screen ---" >&2
}

# Wait until TEXT is on the screen; fail with the last screen after TIMEOUT seconds (10).
tui_wait_for() {
	_n=$(( ${2:-$TUI_TIMEOUT} * 10 ))
	while :; do
		_tui_capture "$TUI_TMP/.screen"
		grep -qF -e "$1" "$TUI_TMP/.screen" && return 0
		[ "$_n" -le 0 ] && break
		_n=$((_n - 1))
		sleep 0.1
	done
	_tui_show "$TUI_TMP/.screen" "last"
	tui_fail "\"$1\" did not appear within ${2:-$TUI_TIMEOUT}s"
}

# Send keys (tmux key names: q, Enter, Escape, Up, C-c, ...).
tui_keys() {
	_tmux send-keys -t "$TUI_TARGET" "$@"
}

# The screen must equal tests/tui/screens/NAME.screen. The screen is polled for a short
# while first, so a redraw in progress is not a failure; a lasting mismatch prints a diff.
tui_expect_screen() {
	_file=$TUI_SCREENS/$1.screen
	if [ "${UPDATE_SCREENS:-0}" = 1 ]; then
		mkdir -p "$TUI_SCREENS"
		_tui_capture "$_file"
		echo "tui: $_tui_name: wrote screens/$1.screen" >&2
		return 0
	fi
	[ -f "$_file" ] || tui_fail "no expected screen screens/$1.screen (UPDATE_SCREENS=1 writes it)"
	_n=$(( ${TUI_SCREEN_TIMEOUT:-3} * 10 ))
	while :; do
		_tui_capture "$TUI_TMP/.screen"
		cmp -s "$_file" "$TUI_TMP/.screen" && return 0
		[ "$_n" -le 0 ] && break
		_n=$((_n - 1))
		sleep 0.1
	done
	echo "--- screens/$1.screen (- expected, + actual) ---" >&2
	diff -u "$_file" "$TUI_TMP/.screen" | sed '1,2d' >&2 || true
	tui_fail "the screen differs from screens/$1.screen"
}

# Wait for duban to end (TIMEOUT seconds, 10); its exit status must be N.
tui_expect_exit() {
	_n=$(( ${2:-$TUI_TIMEOUT} * 10 ))
	while :; do
		_st=$(_tmux display-message -p -t "$TUI_TARGET" \
		    '#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}')
		case $_st in
		1:?*:* | 1::?*) break ;;
		1::)
			# The pane's terminal is closed but tmux (3.3a, seen often) has not reaped
			# the process: it stays a zombie until the server next gets SIGCHLD.
			# A child of the server that ends makes it call waitpid() again.
			_tmux run-shell true >/dev/null 2>&1 || true
			;;
		esac
		if [ "$_n" -le 0 ]; then
			_tui_capture "$TUI_TMP/.screen"
			_tui_show "$TUI_TMP/.screen" "last"
			tui_fail "duban did not end within ${2:-$TUI_TIMEOUT}s (expected exit $1)"
		fi
		_n=$((_n - 1))
		sleep 0.1
	done
	_sig=${_st##*:}
	_st=${_st#1:}
	_st=${_st%%:*}
	if [ -n "$_sig" ] || [ "$_st" != "$1" ]; then
		_tui_capture "$TUI_TMP/.screen"
		_tui_show "$TUI_TMP/.screen" "after exit"
		if [ -n "$_sig" ]; then
			tui_fail "duban was killed by signal $_sig (expected exit $1)"
		fi
		tui_fail "duban exited with status $_st, expected $1"
	fi
}

# duban must still be running (e.g. after a key that must not quit).
tui_expect_running() {
	[ "$(_tmux display-message -p -t "$TUI_TARGET" '#{pane_dead}')" = 0 ] ||
	    tui_fail "duban has ended"
}

# Stop the tmux server (also done at exit).
tui_stop() {
	_tui_kill
}
