# tests/cli/test_users.sh: an admin adds people, changes their role, takes them away and brings
# them back; every step is in the audit trail; the last admin stays.

test_user_role_and_remove() {
	TODAY=2025-06-30
	make_db
	me=$(id -un)
	run user add bob staff
	expect_status 0
	run user role bob analyst
	expect_status 0
	expect_stderr "duban: bob is now analyst"
	expect_sql "$T/db" "SELECT role FROM users WHERE login = 'bob' AND active = 1" analyst
	run user remove bob
	expect_status 0
	expect_sql "$T/db" "SELECT count(*) FROM users WHERE login = 'bob' AND active = 1" 0
	run user list
	expect_stdout_lacks bob
	# Brought back in the same row, with the new role.
	run user add bob supervisor
	expect_status 0
	expect_sql "$T/db" "SELECT role || active FROM users WHERE login = 'bob'" supervisor1
	expect_sql "$T/db" "SELECT group_concat(action, ',') FROM audit_log WHERE kind = 'user' AND record_id = (SELECT id FROM users WHERE login = 'bob')" "create,update,delete,create"
	# Nobody can take the last admin away.
	run user remove "$me"
	expect_status 2
	expect_stderr_contains "is the last admin"
	run user role "$me" staff
	expect_status 2
	run user role nobodyhere staff
	expect_status 2
	expect_stderr_contains "nobodyhere is not a user"
	run user role bob chief
	expect_status 2
}
