# tests/cli/test_attach.sh: documents attached to a record by path (issue 14 item 7): name,
# size and sha256 recorded, not the file; `check` reports attachments missing or changed.

attach_db() {
	TODAY=2025-06-30
	make_db
	run_ok add agency name=县公安局 kind=部门
	run_ok add litigation case_no=L1 agency=县公安局 complaint_received_on=2025-06-02
	printf 'abc' >答辩状.pdf
	printf 'scan of the notice\n' >notice.pdf
}

test_attach_records_name_size_sha256_and_audits() {
	attach_db
	run attach add litigation L1 答辩状.pdf --note 答辩状扫描件
	expect_status 0
	expect_stderr_contains "attachment 1"
	# sha256("abc") from FIPS 180-4.
	expect_sql db "SELECT kind || ' ' || record_id || ' ' || name || ' ' || size || ' ' || sha256
	    || ' ' || note || ' ' || (path = '$T/答辩状.pdf') FROM attachments" \
	    "litigation 1 答辩状.pdf 3 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad 答辩状扫描件 1"
	expect_sql db "SELECT json_extract(after, '\$.sha256') FROM audit_log WHERE action = 'attach'" \
	    ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
	# The file itself is not stored.
	expect_sql db "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%BLOB%'" 0
	# Attaching the same file again is refused; another file is fine.
	run attach add litigation 1 答辩状.pdf
	expect_status 2
	expect_stderr_contains "already"
	run attach add litigation 1 notice.pdf
	expect_status 0
	run attach list litigation L1
	expect_status 0
	expect_stdout_contains "1  litigation 1  ok          3  ba7816bf8f01cfea  $T/答辩状.pdf  答辩状扫描件" \
	    "notice.pdf"
	run check
	expect_status 0
	expect_stdout_contains "attachments: 2, all present and unchanged"
	# The record's history names the document, not record fields.
	run history litigation L1
	expect_status 0
	expect_stdout_contains "document attached" "path: - -> $T/答辩状.pdf" "size: - -> 3" \
	    "sha256: - -> ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
	expect_stdout_lacks "Note:"
	run show litigation L1
	expect_status 0
	expect_stdout_contains "Attachment 1: $T/答辩状.pdf (3 bytes, sha256 ba7816bf8f01cfea)" \
	    "Attachment 2: $T/notice.pdf"
}

test_attach_check_reports_missing_and_changed() {
	attach_db
	run_ok attach add litigation L1 答辩状.pdf
	run_ok attach add litigation L1 notice.pdf
	rm 答辩状.pdf
	printf 'altered' >>notice.pdf
	run check
	expect_status 2
	expect_stdout_contains "attachments: 2 of 2 missing or changed" \
	    "attachment 1 of litigation 1 ($T/答辩状.pdf): missing" \
	    "attachment 2 of litigation 1 ($T/notice.pdf): changed (attached: 19 bytes"
	run attach list
	expect_status 0
	expect_stdout_contains "missing" "changed"
	# Removed: no longer checked, still in the audit trail.
	run attach remove 1
	expect_status 0
	run attach remove 2
	expect_status 0
	run check
	expect_status 0
	expect_stdout_lacks "attachments"
	expect_sql db "SELECT count(*) FROM audit_log WHERE action = 'detach'" 2
}

test_attach_refusals() {
	attach_db
	run attach add litigation L1 no-such-file.pdf
	expect_status 2
	expect_stderr_contains "no-such-file.pdf"
	mkdir dir
	run attach add litigation L1 dir
	expect_status 2
	expect_stderr_contains "not a file"
	run attach add litigation L9 答辩状.pdf
	expect_status 2
	run attach remove 7
	expect_status 2
	run attach frobnicate
	expect_status 1
	run_ok delete litigation L1
	run attach add litigation 1 答辩状.pdf
	expect_status 2
	expect_stderr_contains "deleted"
	# A supervisor reads but does not change records.
	sqlite3 db "UPDATE users SET role = 'supervisor'"
	run attach add agency 县公安局 答辩状.pdf
	expect_status 4
	expect_sql db "SELECT count(*) FROM attachments" 0
}

# `check` opens read-only and does not upgrade: a database (or a backup) from before
# attachments is checked without them, not refused.
test_attach_check_of_older_schema() {
	attach_db
	sqlite3 db "DROP TABLE rule_filings; DROP TABLE publicity_decisions;
DROP TABLE case_reviews; DROP TABLE officers; DROP TABLE trainings;
DROP TABLE attachments; PRAGMA user_version = 3"
	run check
	expect_status 0
	expect_stdout_contains "schema version 3" "integrity: sound"
	expect_stdout_lacks "attachments"
}
