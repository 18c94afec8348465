# tests/tui/lib.sh: drive the real duban in tmux (sourced by tests/tui/test_*.sh, POSIX sh).
#
#	. "$(dirname "$0")/lib.sh"
#	tui_duban --db db --today 2025-06-30 init --demo	# plain command, same environment
#	tui_start --db db --today 2025-06-30 --lang en
#	tui_wait_for 'Most urgent:'
#	tui_expect_screen dashboard-en-80x24	# tests/tui/screens/dashboard-en-80x24.screen
#	tui_keys 4 a				# tmux key names
#	tui_type '德政复〔2025〕900号'		# literal text
#	tui_keys F10
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
# A script that cannot run here (it needs a tool, root...) calls tui_skip "why": it exits
# with 77 and run.sh reports and counts it as skipped.

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
	# duban may still be writing (a recovery file, at the hangup the kill gave it).
	rm -rf "$TUI_TMP" 2>/dev/null || { sleep 0.5; rm -rf "$TUI_TMP"; }
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

tui_skip() {
	_tui_reported=1
	echo "tui: $_tui_name: SKIP: $*" >&2
	exit 77
}

# Quote one word for sh.
_tui_quote() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# The fixed environment, as arguments to env -i. What a test sets on purpose (DUBAN_TODAY,
# DUBAN_CONFIG, NO_COLOR) and the sanitizers' options pass through; run.sh unsets the DUBAN_
# ones. TERM is xterm-256color unless the test sets TUI_TERM (xterm-mono: no colours).
_tui_env() {
	printf '%s ' HOME="$(_tui_quote "$TUI_TMP")" \
	    XDG_CONFIG_HOME="$(_tui_quote "$TUI_TMP/.config")" \
	    PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
	    TERM="$(_tui_quote "${TUI_TERM:-xterm-256color}")"
	for v in DUBAN_TODAY DUBAN_CONFIG NO_COLOR ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
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

_tui_capture_masked() {
	_tui_capture "$1.raw"
	sed 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]/YYYY-MM-DD hh:mm:ss/g' \
	    "$1.raw" >"$1"
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

# Send keys (tmux key names: q, Enter, Escape, Up, C-c, F2, ...). TERM is xterm-256color but
# tmux sends Home and End as ESC [1~ and ESC [4~, which xterm's terminfo does not know: the
# program sees Esc, '[', '4', '~'. Use the other bindings (g, G) for those two.
tui_keys() {
	_tmux send-keys -t "$TUI_TARGET" "$@"
}

# Type TEXT as it is (Chinese, punctuation, digits), not as key names.
tui_type() {
	_tmux send-keys -t "$TUI_TARGET" -l "$1"
}

# A tmux format about the pane now: #{cursor_x}, #{alternate_on}, #{pane_title}...
tui_pane() {
	_tmux display-message -p -t "$TUI_TARGET" "$1"
}

# Wait until the tmux format FORMAT expands to VALUE (TIMEOUT seconds, 10).
tui_wait_pane() {
	_n=$(( ${3:-$TUI_TIMEOUT} * 10 ))
	while :; do
		_v=$(tui_pane "$1")
		[ "$_v" = "$2" ] && return 0
		[ "$_n" -le 0 ] && break
		_n=$((_n - 1))
		sleep 0.1
	done
	_tui_capture "$TUI_TMP/.screen"
	_tui_show "$TUI_TMP/.screen" "last"
	tui_fail "$1 is \"$_v\", not \"$2\" (waited ${3:-$TUI_TIMEOUT}s)"
}

# The screen with its attributes as SGR escape sequences (capture-pane -e).
tui_screen_attrs() {
	_tmux capture-pane -e -p -t "$TUI_TARGET"
}

# Wait until TEXT is no longer on the screen (a prompt answered, a cursor mark gone).
tui_wait_gone() {
	_n=$(( ${2:-$TUI_TIMEOUT} * 10 ))
	while :; do
		_tui_capture "$TUI_TMP/.screen"
		grep -qF -e "$1" "$TUI_TMP/.screen" || return 0
		[ "$_n" -le 0 ] && break
		_n=$((_n - 1))
		sleep 0.1
	done
	_tui_show "$TUI_TMP/.screen" "last"
	tui_fail "\"$1\" is still on the screen after ${2:-$TUI_TIMEOUT}s"
}

# TEXT must not be on the screen now. Call it after a tui_wait_for that shows the screen is
# the one meant (an absence proves nothing while a redraw may be in progress).
tui_expect_absent() {
	_tui_capture "$TUI_TMP/.screen"
	if grep -qF -e "$1" "$TUI_TMP/.screen"; then
		_tui_show "$TUI_TMP/.screen" "now"
		tui_fail "\"$1\" is on the screen and should not be"
	fi
}

# Wait until line N of the screen (1 is the top; trailing blanks removed) is exactly TEXT.
tui_wait_line() {
	_n=$(( ${3:-$TUI_TIMEOUT} * 10 ))
	while :; do
		_tui_capture "$TUI_TMP/.screen"
		[ "$(sed -n "$1p" "$TUI_TMP/.screen")" = "$2" ] && return 0
		[ "$_n" -le 0 ] && break
		_n=$((_n - 1))
		sleep 0.1
	done
	_tui_show "$TUI_TMP/.screen" "last"
	tui_fail "line $1 is not \"$2\" (waited ${3:-$TUI_TIMEOUT}s)"
}

# The screen line of the dashboard's first urgent item: the one after "Most urgent", which
# follows a row per duty (so it moves down when a duty is added).
tui_first_item_line() {
	echo $(( $(tui_screen | grep -n -e ' Most urgent:' -e ' 紧急事项：' | head -1 |
	    cut -d: -f1) + 1 ))
}

# Line N of the screen (1 is the top), trailing blanks removed.
tui_line() {
	_tui_capture "$TUI_TMP/.screen"
	sed -n "$1p" "$TUI_TMP/.screen"
}

# The screen must equal tests/tui/screens/NAME.screen. The screen is polled for a short
# while first, so a redraw in progress is not a failure; a lasting mismatch prints a diff.
# Times of day (a record's history: 2026-11-25 15:01:18) are the clock's, not --today's:
# they are compared, and stored, as YYYY-MM-DD hh:mm:ss.
tui_expect_screen() {
	_file=$TUI_SCREENS/$1.screen
	if [ "${UPDATE_SCREENS:-0}" = 1 ]; then
		# Write the screen once it has stopped changing (a redraw, after a resize say,
		# takes a moment): the same twice 0.3s apart, or what it is after 3s.
		mkdir -p "$TUI_SCREENS"
		_tui_capture_masked "$TUI_TMP/.screen"
		_n=10
		while [ "$_n" -gt 0 ]; do
			sleep 0.3
			_tui_capture_masked "$TUI_TMP/.screen2"
			cmp -s "$TUI_TMP/.screen" "$TUI_TMP/.screen2" && break
			mv "$TUI_TMP/.screen2" "$TUI_TMP/.screen"
			_n=$((_n - 1))
		done
		cp "$TUI_TMP/.screen" "$_file"
		echo "tui: $_tui_name: wrote screens/$1.screen" >&2
		return 0
	fi
	[ -f "$_file" ] || tui_fail "no expected screen screens/$1.screen (UPDATE_SCREENS=1 writes it)"
	_n=$(( ${TUI_SCREEN_TIMEOUT:-3} * 10 ))
	while :; do
		_tui_capture_masked "$TUI_TMP/.screen"
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

# JSON from duban's --format json, without a JSON tool: tui_json_objects FILE puts each
# {object} on a line of its own (duban's data has no braces inside strings; a nested object
# starts a line of its own), tui_json_val KEY prints the value of "KEY": (string, number or
# null) of each line read.
tui_json_objects() {
	tr '{' '\n' <"$1"
}

tui_json_val() {
	awk -v key="$1" '{
		if (match($0, "\"" key "\":(\"[^\"]*\"|-?[0-9.]+|null|true|false)")) {
			s = substr($0, RSTART + length(key) + 3, RLENGTH - length(key) - 3)
			gsub(/"/, "", s)
			print s
		}
	}'
}

# The label the desk shows in English for a duty of `duban dashboard --format json`; fails
# for a duty it does not know (a new duty: add it here).
tui_duty_label() {
	case $1 in
	litigation-defence) echo 'Litigation: defence and evidence' ;;
	hearing-head) echo 'Hearings where the head must appear' ;;
	reconsideration-copy) echo 'Reconsideration: copy to the respondent' ;;
	reconsideration-reply) echo "Reconsideration: agency's reply" ;;
	reconsideration-decision) echo 'Reconsideration: decision' ;;
	suggestion-reply) echo "Suggestions: agency's reply" ;;
	rule-filing) echo 'Work rules: filing' ;;
	publicity) echo 'Enforcement decisions: publicity' ;;
	review-rectification) echo 'Case-file reviews: rectification' ;;
	certificate-expiry) echo 'Certificates: expiry' ;;
	*) return 1 ;;
	esac
}

# The dashboard on the screen (English) shows, for every duty in FILE (the output of
# `duban dashboard --format json`), the same overdue, due today and due soon counts, and as
# many urgent items; there are 10 duties.
tui_expect_counts() {
	tui_json_objects "$1" | grep '"overdue":[0-9]' >"$TUI_TMP/.duties"
	_count=0
	while IFS= read -r _obj; do
		_duty=$(printf '%s\n' "$_obj" | tui_json_val duty)
		_want="$(printf '%s\n' "$_obj" | tui_json_val overdue) $(printf '%s\n' "$_obj" |
		    tui_json_val due_today) $(printf '%s\n' "$_obj" | tui_json_val due_soon)"
		_label=$(tui_duty_label "$_duty") ||
		    tui_fail "duty $_duty is new: add its label to tui_duty_label (lib.sh)"
		_row=$(tui_screen | grep -F " $_label  ") ||
		    tui_fail "no row for \"$_label\" on the dashboard"
		_got=$(printf '%s\n' "$_row" | awk '{ print $(NF - 2), $(NF - 1), $NF }')
		[ "$_got" = "$_want" ] || tui_fail "$_duty: the dashboard shows $_got (overdue," \
		    "due today, due soon), duban dashboard --format json says $_want"
		_count=$((_count + 1))
	done <"$TUI_TMP/.duties"
	[ "$_count" = 10 ] || tui_fail "duban dashboard --format json has $_count duties, not 10"
	_items=$(tui_json_objects "$1" | grep -c '"status":"')
	tui_wait_for "Most urgent: $_items"
}

# Stop the tmux server (also done at exit).
tui_stop() {
	_tui_kill
}
