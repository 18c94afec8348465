# tests/cli/test_usage.sh: --help, --version, wrong usage.

test_usage_help_mentions_every_command() {
	run --help
	expect_status 0
	expect_stderr
	cp "$T/.stdout" help.txt
	expect_stdout_contains "Usage: duban" "--db" "--config" "--today" "--lang" \
	    "  init" "  deadline RULE DATE" "--explain" "  calendar YEAR" "  check"
	# The rule names a user has to type.
	expect_stdout_contains litigation-defence judicial-suggestion procuratorial-suggestion \
	    reconsideration-reply
	# Every command of INTERFACES.md that this duban knows (does not call unknown) is in the
	# help, so a command added later without its help line fails here.
	for c in init deadline calendar import export list show add edit delete dashboard \
	    assess history user recompute backup check attach; do
		run "$c" --no-such-option
		if ! grep -qF "unknown command" "$T/.stderr" &&
		    ! grep -qE "^  $c( |\$)" help.txt; then
			fail "duban knows the command \"$c\" but --help does not list it"
		fi
	done
}

test_usage_help_in_chinese_succeeds() {
	run --lang zh --help
	expect_status 0
	expect_stderr
	expect_stdout_contains "duban"
}

test_usage_version() {
	run --version
	expect_status 0
	expect_stdout_matches 'duban [0-9]+\.[0-9]+(\.[0-9]+)?([-+~][0-9A-Za-z.+~-]*)?'
	expect_stderr
}

test_usage_unknown_command() {
	run frobnicate
	expect_status 1
	expect_stdout
	expect_stderr_contains frobnicate "duban --help"
}

test_usage_unknown_language() {
	run --lang fr deadline litigation-defence 2025-09-16
	expect_status 1
	expect_stdout
	expect_stderr_contains fr
}

# --help and --version answer whatever the environment and configuration hold.
test_usage_help_and_version_despite_bad_setup() {
	printf '[general]\nbogus_setting = 1\n' >bad.ini
	DUBAN_TODAY=garbage
	export DUBAN_TODAY
	run_raw --config bad.ini --version
	expect_status 0
	expect_stdout_matches 'duban [0-9]+\.[0-9]+.*'
	expect_stderr
	run_raw --config bad.ini --lang en --help
	expect_status 0
	expect_stdout_contains "Usage: duban"
	expect_stderr
}

test_usage_option_without_value() {
	run_raw --lang en --db
	expect_status 1
	expect_stdout
	expect_stderr_contains --db
}

# Global options may stand anywhere on the line.
test_usage_global_options_after_command() {
	run_raw deadline litigation-defence 2025-09-16 --lang en --today 2025-03-05
	expect_status 0
	expect_stdout 2025-10-09
	expect_stderr
}

test_usage_commands_refuse_extra_arguments() {
	run check extra
	expect_status 1
	expect_stdout
	expect_stderr_contains "check"
	run init extra
	expect_status 1
	expect_stdout
	expect_stderr_contains extra
	expect_true "init with a bad argument created a database anyway" test ! -e db
}
