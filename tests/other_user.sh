# tests/other_user.sh: run duban as another login (nobody) from any clone (sourced, POSIX sh).
#
# A clone may sit where nobody cannot go (a home directory of mode 700, a `mktemp -d`, a
# private TMPDIR): nobody then reaches neither the binary nor data/. other_user_prepare makes
# a directory nobody can reach and installs there a copy of duban laid out as `make install`
# does (bin/duban, share/duban, share/locale), so the copy finds its data by itself.
#
#	if other_user_prepare "$DUBAN" "$data_dir"; then
#		as_nobody "$OTHER_DUBAN" --db "$OTHER_DIR/db" list litigation
#	else
#		echo "skipped: $other_user_why"
#	fi
#	other_user_cleanup
#
# other_user_prepare returns 1 with the reason in $other_user_why when this machine cannot
# switch users (not root, no nobody, no setpriv or su) or has no directory nobody can reach.

OTHER_DIR=
OTHER_DUBAN=
other_user_why=
_other_how=

# Run a command as USER (its own group, no supplementary groups), after
# other_user_can_switch or other_user_prepare.
as_user() {
	_u=$1
	shift
	if [ "$_other_how" = setpriv ]; then
		setpriv --reuid="$_u" --regid="$(id -g "$_u")" --clear-groups "$@"
	else
		su -s /bin/sh -c 'exec "$0" "$@"' "$_u" -- "$@"
	fi
}

# Run a command as nobody.
as_nobody() {
	as_user nobody "$@"
}

# Can this machine run commands as nobody? Sets _other_how.
other_user_can_switch() {
	if [ "$(id -u)" != 0 ]; then
		other_user_why="running duban as another user needs root"
		return 1
	fi
	if ! id nobody >/dev/null 2>&1; then
		other_user_why="this machine has no user nobody"
		return 1
	fi
	_other_how=setpriv
	if command -v setpriv >/dev/null 2>&1 && as_nobody true 2>/dev/null; then
		return 0
	fi
	_other_how=su
	if as_nobody true 2>/dev/null; then
		return 0
	fi
	_other_how=
	other_user_why="neither setpriv nor su can switch to nobody here"
	return 1
}

# Where duban finds its translations beside the binary (as tui/app.c looks).
_other_locale_dir() {
	_bin=$(dirname "$1")
	for _l in "$_bin/locale" "$_bin/../locale" "$_bin/../share/locale"; do
		[ -d "$_l" ] && { (cd "$_l" && pwd); return 0; }
	done
	return 1
}

# other_user_prepare BINARY DATA_DIR: a directory nobody can reach ($OTHER_DIR, mode 755,
# with a work directory $OTHER_DIR/work of mode 777) and a copy of BINARY in it
# ($OTHER_DUBAN) with DATA_DIR as its share/duban. With OTHER_NEED_SETID=1, only on a file
# system that honours setgid bits.
other_user_prepare() {
	other_user_can_switch || return 1
	OTHER_DIR=
	# TMPDIR first; the usual shared places when it is private.
	for _base in "${TMPDIR:-/tmp}" /tmp /dev/shm /var/tmp; do
		[ -d "$_base" ] || continue
		# A setgid copy needs a file system that honours the bit (not nosuid).
		if [ "${OTHER_NEED_SETID:-0}" = 1 ] && command -v findmnt >/dev/null 2>&1 &&
		    findmnt -no OPTIONS --target "$_base" 2>/dev/null | grep -qw nosuid; then
			continue
		fi
		_d=$(mktemp -d "$_base/duban-other.XXXXXX" 2>/dev/null) || continue
		chmod 755 "$_d"
		if as_nobody test -x "$_d" 2>/dev/null; then
			OTHER_DIR=$_d
			break
		fi
		rm -rf "$_d"
	done
	if [ -z "$OTHER_DIR" ]; then
		other_user_why="no temporary directory here that nobody can reach"
		return 1
	fi
	mkdir -p "$OTHER_DIR/bin" "$OTHER_DIR/share" "$OTHER_DIR/work"
	cp "$1" "$OTHER_DIR/bin/duban"
	cp -R "$2" "$OTHER_DIR/share/duban"
	if _loc=$(_other_locale_dir "$1"); then
		cp -R "$_loc" "$OTHER_DIR/share/locale"
	fi
	chmod -R a+rX "$OTHER_DIR"
	chmod 777 "$OTHER_DIR/work"
	OTHER_DUBAN=$OTHER_DIR/bin/duban
	if ! as_nobody test -x "$OTHER_DUBAN"; then
		other_user_why="nobody cannot run the copy of duban in $OTHER_DIR"
		other_user_cleanup
		return 1
	fi
	return 0
}

other_user_cleanup() {
	[ -n "$OTHER_DIR" ] && rm -rf "$OTHER_DIR"
	OTHER_DIR=
	OTHER_DUBAN=
}
