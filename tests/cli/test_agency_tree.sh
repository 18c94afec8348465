# tests/cli/test_agency_tree.sh: an agency's parent chain has a top: loops (甲 -> 乙 -> 甲),
# however long, are refused by edit, add and import (exit 2), and nothing is written; before,
# they were stored and their export could not be imported back.

tree_db() {
	make_db
	run_ok add agency name=县甲局 kind=部门
	run_ok add agency name=县乙局 kind=部门 parent=县甲局
	run_ok add agency name=县丙局 kind=部门 parent=县乙局
}

test_agency_parent_loop_refused_by_edit() {
	tree_db
	run edit agency 1 parent=县乙局
	expect_status 2
	expect_stderr_contains "parent" "loop" "县甲局 -> 县乙局 -> 县甲局"
	run edit agency 1 parent=县丙局
	expect_status 2
	expect_stderr_contains "县甲局 -> 县丙局 -> 县乙局 -> 县甲局"
	run edit agency 1 parent=县甲局
	expect_status 2
	expect_stderr_contains "its own parent"
	expect_sql db "SELECT count(*) FROM agencies WHERE parent_id IS NOT NULL" 2
	expect_sql db "SELECT count(*) FROM audit_log WHERE action = 'update'" 0
	# Moving an agency elsewhere in the tree is fine.
	run_ok add agency name=县丁局 kind=部门
	run_ok edit agency 3 parent=县丁局
}

# A second add of the same name updates it (the key): the loop is caught there too, and in an
# import, where the row's agency has no id until it is matched by name.
test_agency_parent_loop_refused_by_import() {
	tree_db
	printf 'name,kind,parent\n县甲局,部门,县丙局\n' >loop.csv
	run import loop.csv --kind agency
	expect_status 2
	expect_stderr_contains "loop"
	printf 'name,kind,parent\n县甲局,部门,县甲局\n' >self.csv
	run import self.csv --kind agency
	expect_status 2
	expect_stderr_contains "its own parent"
	expect_sql db "SELECT count(*) FROM agencies WHERE parent_id IS NULL" 1
	# The export of a tree imports back unchanged.
	run export agency -o agencies.csv
	expect_status 0
	run import agencies.csv --kind agency
	expect_status 0
	expect_stderr_contains "0 new, 0 updated, 3 unchanged, 0 refused"
}
