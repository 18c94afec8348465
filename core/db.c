/* core/db.c: SQLite access. The schema lives here as text and migrations only go forward;
 * a database from a newer duban is refused, never downgraded or half-understood. */
#include "duban/db_sql.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "duban/buf.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/mem.h"
#include "duban/safefile.h"
#include "duban/text.h"

struct db {
	sqlite3 *sql;
	char *path;
	int depth;	/* db_begin nesting */
	bool read_only;
	bool checked;	/* the quick check before the first change passed */
	char *login;	/* the acting person, for the audit trail */
	char *now;
	int role;
	struct {
		char *sql;
		sqlite3_stmt *st;
	} cache[DB_STMT_CACHE];
	int n_cache;
	int next_evict;
	db_close_hook close_hook;
};

/* Version 1: every table the product needs. Enumerations are checked with OR chains, not
 * IN lists: SQLite builds a small table for an IN list on every row inserted, which cost an
 * import of a million rows several seconds. Dates are TEXT 'YYYY-MM-DD' or NULL; enumerations
 * are English codes checked here, shown translated. `version` counts edits, so a save can tell
 * that someone else changed the record since it was read. */
static const char schema_v1[] =
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE users ("
	"  id INTEGER PRIMARY KEY,"
	"  login TEXT NOT NULL UNIQUE,"
	"  role TEXT NOT NULL CHECK (role = 'admin' OR role = 'supervisor'"
	"    OR role = 'staff' OR role = 'analyst'),"
	"  name TEXT NOT NULL DEFAULT '',"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active = 0 OR active = 1),"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE agencies ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  short_name TEXT NOT NULL DEFAULT '',"
	"  code TEXT NOT NULL DEFAULT '',"
	"  kind TEXT NOT NULL DEFAULT 'other' CHECK (kind = 'department'"
	"    OR kind = 'township' OR kind = 'other'),"
	"  parent_id INTEGER REFERENCES agencies(id),"
	"  head TEXT NOT NULL DEFAULT '',"
	"  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted = 0 OR deleted = 1),"
	"  version INTEGER NOT NULL DEFAULT 1);"
	"CREATE UNIQUE INDEX agencies_by_name ON agencies(name);"
	"CREATE INDEX agencies_by_short_name ON agencies(short_name);"
	"CREATE INDEX agencies_by_code ON agencies(code);"
	"CREATE TABLE litigation_cases ("
	"  id INTEGER PRIMARY KEY,"
	"  case_no TEXT NOT NULL UNIQUE,"
	"  court TEXT NOT NULL DEFAULT '',"
	"  agency_id INTEGER NOT NULL REFERENCES agencies(id),"
	"  plaintiff TEXT NOT NULL DEFAULT '',"
	"  cause TEXT NOT NULL DEFAULT '',"
	"  stage TEXT NOT NULL DEFAULT '' CHECK (stage = '' OR stage = 'first'"
	"    OR stage = 'second' OR stage = 'retrial'),"
	"  filed_on TEXT,"
	"  complaint_received_on TEXT,"
	"  defence_due_on TEXT,"
	"  defence_submitted_on TEXT,"
	"  defence_delivery TEXT NOT NULL DEFAULT ''"
	"    CHECK (defence_delivery = '' OR defence_delivery = 'in-person'"
	"    OR defence_delivery = 'mail' OR defence_delivery = 'electronic'),"
	"  defence_mailed_on TEXT,"
	"  outcome TEXT NOT NULL DEFAULT '',"
	"  closed_on TEXT,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted = 0 OR deleted = 1),"
	"  version INTEGER NOT NULL DEFAULT 1,"
	/* 民诉法 第85条: mailed before the deadline is on time, whenever it arrives. */
	"  defence_done_on TEXT GENERATED ALWAYS AS (CASE WHEN defence_delivery = 'mail'"
	"    AND defence_mailed_on IS NOT NULL THEN defence_mailed_on"
	"    ELSE defence_submitted_on END) VIRTUAL);"
	"CREATE INDEX litigation_by_agency ON litigation_cases(agency_id);"
	"CREATE INDEX litigation_by_received ON litigation_cases(complaint_received_on);"
	"CREATE INDEX litigation_by_due ON litigation_cases(defence_due_on);"
	"CREATE INDEX litigation_open_defence ON litigation_cases(defence_due_on)"
	"  WHERE defence_done_on IS NULL AND deleted = 0;"
	"CREATE TABLE hearings ("
	"  id INTEGER PRIMARY KEY,"
	"  case_id INTEGER NOT NULL REFERENCES litigation_cases(id),"
	"  hearing_on TEXT NOT NULL,"
	"  head_required INTEGER NOT NULL DEFAULT 0 CHECK (head_required = 0 OR head_required = 1),"
	"  required_reason TEXT NOT NULL DEFAULT '',"
	"  appearer TEXT NOT NULL DEFAULT '',"
	"  appearer_title TEXT NOT NULL DEFAULT '',"
	"  appearer_rank TEXT NOT NULL DEFAULT '' CHECK (appearer_rank = ''"
	"    OR appearer_rank = 'head' OR appearer_rank = 'deputy'"
	"    OR appearer_rank = 'other-leader' OR appearer_rank = 'staff'"
	"    OR appearer_rank = 'lawyer' OR appearer_rank = 'none'),"
	"  spoke INTEGER NOT NULL DEFAULT 0 CHECK (spoke = 0 OR spoke = 1),"
	"  absence_explained INTEGER NOT NULL DEFAULT 0 CHECK (absence_explained = 0"
	"    OR absence_explained = 1),"
	"  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted = 0 OR deleted = 1),"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  UNIQUE (case_id, hearing_on));"
	"CREATE INDEX hearings_by_date ON hearings(hearing_on);"
	"CREATE INDEX hearings_by_case ON hearings(case_id);"
	"CREATE INDEX hearings_unrecorded ON hearings(hearing_on)"
	"  WHERE appearer_rank = '' AND head_required = 1 AND deleted = 0;"
	"CREATE TABLE reconsideration_cases ("
	"  id INTEGER PRIMARY KEY,"
	"  case_no TEXT NOT NULL UNIQUE,"
	"  applicant TEXT NOT NULL DEFAULT '',"
	"  agency_id INTEGER NOT NULL REFERENCES agencies(id),"
	"  act_type TEXT NOT NULL DEFAULT '',"
	"  received_on TEXT,"
	"  accepted_on TEXT,"
	"  copy_due_on TEXT,"
	"  copy_sent_on TEXT,"
	"  copy_received_on TEXT,"
	"  simplified INTEGER NOT NULL DEFAULT 0 CHECK (simplified = 0 OR simplified = 1),"
	"  reply_due_on TEXT,"
	"  reply_on TEXT,"
	"  reply_delivery TEXT NOT NULL DEFAULT ''"
	"    CHECK (reply_delivery = '' OR reply_delivery = 'in-person'"
	"    OR reply_delivery = 'mail' OR reply_delivery = 'electronic'),"
	"  reply_mailed_on TEXT,"
	"  extended INTEGER NOT NULL DEFAULT 0 CHECK (extended = 0 OR extended = 1),"
	"  decision_due_on TEXT,"
	"  decided_on TEXT,"
	"  decision TEXT NOT NULL DEFAULT '',"
	"  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted = 0 OR deleted = 1),"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  reply_done_on TEXT GENERATED ALWAYS AS (CASE WHEN reply_delivery = 'mail'"
	"    AND reply_mailed_on IS NOT NULL THEN reply_mailed_on ELSE reply_on END) VIRTUAL);"
	"CREATE INDEX reconsideration_by_agency ON reconsideration_cases(agency_id);"
	"CREATE INDEX reconsideration_by_reply_due ON reconsideration_cases(reply_due_on);"
	"CREATE INDEX reconsideration_open_copy ON reconsideration_cases(copy_due_on)"
	"  WHERE copy_sent_on IS NULL AND deleted = 0;"
	"CREATE INDEX reconsideration_open_reply ON reconsideration_cases(reply_due_on)"
	"  WHERE reply_done_on IS NULL AND deleted = 0;"
	"CREATE INDEX reconsideration_open_decision ON reconsideration_cases(decision_due_on)"
	"  WHERE decided_on IS NULL AND deleted = 0;"
	"CREATE TABLE suggestions ("
	"  id INTEGER PRIMARY KEY,"
	"  doc_no TEXT NOT NULL UNIQUE,"
	"  kind TEXT NOT NULL CHECK (kind = 'judicial' OR kind = 'procuratorial'),"
	"  issuer TEXT NOT NULL DEFAULT '',"
	"  agency_id INTEGER NOT NULL REFERENCES agencies(id),"
	"  received_on TEXT NOT NULL,"
	"  period_length INTEGER,"
	"  period_unit TEXT NOT NULL DEFAULT '' CHECK (period_unit = ''"
	"    OR period_unit = 'workdays' OR period_unit = 'days' OR period_unit = 'months'),"
	"  due_on TEXT,"
	"  replied_on TEXT,"
	"  reply_delivery TEXT NOT NULL DEFAULT ''"
	"    CHECK (reply_delivery = '' OR reply_delivery = 'in-person'"
	"    OR reply_delivery = 'mail' OR reply_delivery = 'electronic'),"
	"  reply_mailed_on TEXT,"
	"  reported_on TEXT,"
	"  summary TEXT NOT NULL DEFAULT '',"
	"  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted = 0 OR deleted = 1),"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  reply_done_on TEXT GENERATED ALWAYS AS (CASE WHEN reply_delivery = 'mail'"
	"    AND reply_mailed_on IS NOT NULL THEN reply_mailed_on ELSE replied_on END) VIRTUAL);"
	"CREATE INDEX suggestions_by_agency ON suggestions(agency_id);"
	"CREATE INDEX suggestions_by_due ON suggestions(due_on);"
	"CREATE INDEX suggestions_open ON suggestions(due_on)"
	"  WHERE reply_done_on IS NULL AND deleted = 0;"
	"CREATE TABLE assessment_items ("
	"  id INTEGER PRIMARY KEY,"
	"  year INTEGER NOT NULL,"
	"  agency_id INTEGER NOT NULL REFERENCES agencies(id),"
	"  item TEXT NOT NULL,"
	"  score TEXT NOT NULL,"	/* a number, or a grade word such as 优秀 */
	"  note TEXT NOT NULL DEFAULT '',"
	"  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted = 0 OR deleted = 1),"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  UNIQUE (year, agency_id, item));"
	"CREATE TABLE assessment_years ("
	"  year INTEGER PRIMARY KEY,"
	"  finalized_at TEXT NOT NULL,"
	"  finalized_by TEXT NOT NULL,"
	"  title TEXT NOT NULL DEFAULT '',"
	"  scheme TEXT NOT NULL);"
	"CREATE TABLE assessment_results ("
	"  id INTEGER PRIMARY KEY,"
	"  year INTEGER NOT NULL REFERENCES assessment_years(year),"
	"  agency_id INTEGER NOT NULL REFERENCES agencies(id),"
	"  total REAL NOT NULL,"
	"  tier TEXT NOT NULL,"
	"  detail TEXT NOT NULL,"
	"  UNIQUE (year, agency_id));"
	"CREATE TABLE import_batches ("
	"  id INTEGER PRIMARY KEY,"
	"  file TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  login TEXT NOT NULL,"
	"  started_at TEXT NOT NULL,"
	"  rows_new INTEGER NOT NULL DEFAULT 0,"
	"  rows_updated INTEGER NOT NULL DEFAULT 0,"
	"  rows_unchanged INTEGER NOT NULL DEFAULT 0,"
	"  rows_refused INTEGER NOT NULL DEFAULT 0);"
	/* The audit trail (全过程记录, 留痕可回溯): append-only, enforced by the database itself,
	 * so that neither duban nor plain SQL can rewrite history. */
	"CREATE TABLE audit_log ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  login TEXT NOT NULL,"
	"  action TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  record_id INTEGER,"
	"  batch_id INTEGER REFERENCES import_batches(id),"
	"  before TEXT,"
	"  after TEXT);"
	"CREATE INDEX audit_by_record ON audit_log(kind, record_id);"
	"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;";

/* Version 2: natural keys written as text (case and document numbers, agency names,
 * assessment items) are unique in their normalised form (text_key_norm), kept beside them
 * in <column>_key: "（2025）浙0521行初361号" and "(2025)浙0521行初361号" are one case.
 * Records that already collide keep everything; the first of them (live before deleted,
 * then the oldest) gets the key, the others a NULL key, and `duban check` lists them so that
 * someone corrects their numbers. duban_key() is registered by db_open. */
#define KEY_COLUMN(table, col, partition) \
	"ALTER TABLE " table " ADD COLUMN " col "_key TEXT;" \
	"UPDATE " table " SET " col "_key = x.k FROM (SELECT id, duban_key(" col ") AS k," \
	"  row_number() OVER (PARTITION BY " partition "duban_key(" col ")" \
	"  ORDER BY deleted, id) AS n FROM " table ") AS x" \
	"  WHERE x.id = " table ".id AND x.n = 1;"
static const char schema_v2[] =
	KEY_COLUMN("agencies", "name", "")
	"CREATE UNIQUE INDEX agencies_by_name_key ON agencies(name_key);"
	KEY_COLUMN("litigation_cases", "case_no", "")
	"CREATE UNIQUE INDEX litigation_by_case_no_key ON litigation_cases(case_no_key);"
	KEY_COLUMN("reconsideration_cases", "case_no", "")
	"CREATE UNIQUE INDEX reconsideration_by_case_no_key"
	"  ON reconsideration_cases(case_no_key);"
	KEY_COLUMN("suggestions", "doc_no", "")
	"CREATE UNIQUE INDEX suggestions_by_doc_no_key ON suggestions(doc_no_key);"
	KEY_COLUMN("assessment_items", "item", "year, agency_id, ")
	"CREATE UNIQUE INDEX assessment_items_by_key"
	"  ON assessment_items(year, agency_id, item_key);";
#undef KEY_COLUMN

/* Version 3: the 督办 notices issued, so that a number (X司督〔2025〕N号) is given once. */
static const char schema_v3[] =
	"CREATE TABLE notices ("
	"  id INTEGER PRIMARY KEY,"
	"  year INTEGER NOT NULL,"
	"  seq INTEGER NOT NULL CHECK (seq > 0),"
	"  agency_id INTEGER NOT NULL REFERENCES agencies(id),"
	"  issued_on TEXT NOT NULL,"
	"  number TEXT NOT NULL,"
	"  login TEXT NOT NULL,"
	"  at TEXT NOT NULL,"
	"  UNIQUE (year, seq));";

/* Version 4: documents attached to a record by path (core/attach.c): the file is not
 * stored, only what recognises it again (name, size, sha256), so `check` can say it is gone
 * or changed. Removed ones stay, marked. */
static const char schema_v4[] =
	"CREATE TABLE attachments ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL,"
	"  record_id INTEGER NOT NULL,"
	"  path TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  size INTEGER NOT NULL CHECK (size >= 0),"
	"  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  attached_on TEXT NOT NULL,"
	"  attached_by TEXT NOT NULL,"
	"  deleted INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX attachments_by_record ON attachments(kind, record_id);";

/* Version 5: filings of work rules (制度备案, core/filing.c). */
static const char schema_v5[] =
	"CREATE TABLE rule_filings ("
	"  id INTEGER PRIMARY KEY,"
	"  agency_id INTEGER NOT NULL REFERENCES agencies(id),"
	"  title TEXT NOT NULL,"
	"  title_key TEXT,"
	"  doc_no TEXT NOT NULL DEFAULT '',"
	"  effective_on TEXT NOT NULL,"
	"  due_on TEXT,"
	"  filed_on TEXT,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted = 0 OR deleted = 1),"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  UNIQUE (agency_id, title));"
	"CREATE UNIQUE INDEX rule_filings_by_key ON rule_filings(agency_id, title_key);"
	"CREATE INDEX rule_filings_by_agency ON rule_filings(agency_id);"
	"CREATE INDEX rule_filings_by_due ON rule_filings(due_on);"
	"CREATE INDEX rule_filings_open ON rule_filings(due_on)"
	"  WHERE filed_on IS NULL AND deleted = 0;";

/* Version 6: publicity of enforcement decisions (执法决定公示, core/publicity.c). */
static const char schema_v6[] =
	"CREATE TABLE publicity_decisions ("
	"  id INTEGER PRIMARY KEY,"
	"  decision_no TEXT NOT NULL UNIQUE,"
	"  decision_no_key TEXT,"
	"  agency_id INTEGER NOT NULL REFERENCES agencies(id),"
	"  kind TEXT NOT NULL CHECK (kind IN ('penalty','licence','coercion','inspection',"
	"    'other')),"
	"  party TEXT NOT NULL DEFAULT '',"
	"  decided_on TEXT NOT NULL,"
	"  due_on TEXT,"
	"  published_on TEXT,"
	"  published_where TEXT NOT NULL DEFAULT '',"
	"  withdrawn_on TEXT,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted = 0 OR deleted = 1),"
	"  version INTEGER NOT NULL DEFAULT 1);"
	"CREATE UNIQUE INDEX publicity_by_decision_no_key"
	"  ON publicity_decisions(decision_no_key);"
	"CREATE INDEX publicity_by_agency ON publicity_decisions(agency_id);"
	"CREATE INDEX publicity_by_due ON publicity_decisions(due_on);"
	"CREATE INDEX publicity_open ON publicity_decisions(due_on)"
	"  WHERE published_on IS NULL AND deleted = 0;";

/* Version 7: case-file reviews (案卷评查, core/review.c). */
static const char schema_v7[] =
	"CREATE TABLE case_reviews ("
	"  id INTEGER PRIMARY KEY,"
	"  agency_id INTEGER NOT NULL REFERENCES agencies(id),"
	"  case_ref TEXT NOT NULL,"
	"  case_ref_key TEXT,"
	"  source TEXT NOT NULL DEFAULT '' CHECK (source IN ('','routine','court',"
	"    'reconsideration')),"
	"  reviewed_on TEXT NOT NULL,"
	"  grade TEXT NOT NULL CHECK (grade IN ('excellent','pass','fail')),"
	"  problems TEXT NOT NULL DEFAULT '',"
	"  notice_no TEXT NOT NULL DEFAULT '',"
	"  notice_on TEXT,"
	"  rectify_due_on TEXT,"
	"  reported_on TEXT,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted = 0 OR deleted = 1),"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  UNIQUE (agency_id, case_ref));"
	"CREATE UNIQUE INDEX case_reviews_by_key ON case_reviews(agency_id, case_ref_key);"
	"CREATE INDEX case_reviews_by_agency ON case_reviews(agency_id);"
	"CREATE INDEX case_reviews_by_due ON case_reviews(rectify_due_on);"
	"CREATE INDEX case_reviews_open ON case_reviews(rectify_due_on)"
	"  WHERE reported_on IS NULL AND deleted = 0;";

/* Version 8: enforcement officers and their certificates (core/officer.c). */
static const char schema_v8[] =
	"CREATE TABLE officers ("
	"  id INTEGER PRIMARY KEY,"
	"  agency_id INTEGER NOT NULL REFERENCES agencies(id),"
	"  name TEXT NOT NULL,"
	"  name_key TEXT,"
	"  post TEXT NOT NULL DEFAULT '',"
	"  on_establishment INTEGER NOT NULL DEFAULT 0"
	"    CHECK (on_establishment = 0 OR on_establishment = 1),"
	"  id_no TEXT NOT NULL DEFAULT '',"
	"  cert_no TEXT NOT NULL DEFAULT '',"
	"  category TEXT NOT NULL DEFAULT '',"
	"  area TEXT NOT NULL DEFAULT '',"
	"  issued_on TEXT,"
	"  valid_until TEXT,"
	"  state TEXT NOT NULL DEFAULT '' CHECK (state IN ('','valid','suspended','withdrawn',"
	"    'cancelled')),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted = 0 OR deleted = 1),"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  UNIQUE (agency_id, name));"
	"CREATE UNIQUE INDEX officers_by_key ON officers(agency_id, name_key);"
	"CREATE INDEX officers_by_agency ON officers(agency_id);"
	"CREATE INDEX officers_by_valid_until ON officers(valid_until);"
	"CREATE INDEX officers_valid ON officers(valid_until)"
	"  WHERE state = 'valid' AND deleted = 0;";

/* Version 9: training attended by officers (培训学时, core/training.c). */
static const char schema_v9[] =
	"CREATE TABLE trainings ("
	"  id INTEGER PRIMARY KEY,"
	"  agency_id INTEGER NOT NULL REFERENCES agencies(id),"
	"  officer TEXT NOT NULL,"
	"  officer_key TEXT,"
	"  trained_on TEXT NOT NULL,"
	"  topic TEXT NOT NULL,"
	"  topic_key TEXT,"
	"  hours INTEGER NOT NULL CHECK (hours BETWEEN 1 AND 24),"
	"  kind TEXT NOT NULL DEFAULT '' CHECK (kind IN ('','legal','professional','skills',"
	"    'other')),"
	"  organiser TEXT NOT NULL DEFAULT '',"
	"  note TEXT NOT NULL DEFAULT '',"
	"  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted = 0 OR deleted = 1),"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  UNIQUE (agency_id, officer, trained_on, topic));"
	"CREATE UNIQUE INDEX trainings_by_key"
	"  ON trainings(agency_id, officer_key, trained_on, topic_key);"
	"CREATE INDEX trainings_by_agency ON trainings(agency_id, trained_on);";

/* migrations[v] brings a database from version v to v + 1. */
static const char *const migrations[] = {
	schema_v1,
	schema_v2,
	schema_v3,
	schema_v4,
	schema_v5,
	schema_v6,
	schema_v7,
	schema_v8,
	schema_v9,
};

int
db_fail(struct db *db, const char *doing, struct duban_err *err)
{
	int code = db != NULL && db->sql != NULL ? sqlite3_extended_errcode(db->sql) : SQLITE_ERROR;
	const char *detail = db != NULL && db->sql != NULL ? sqlite3_errmsg(db->sql) : "";
	const char *path = db != NULL && db->path != NULL ? db->path : "";
	const char *what;

	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		what = _("the database is locked by another user; try again in a moment");
		break;
	case SQLITE_READONLY:
		what = _("the database is read-only for you (file or directory permissions)");
		break;
	case SQLITE_FULL:
		what = _("the disk is full; nothing was written");
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		what = _("the file is damaged or is not a duban database; restore a backup");
		break;
	case SQLITE_CANTOPEN:
		what = _("the database file cannot be opened (missing directory or no permission)");
		break;
	case SQLITE_IOERR:
		what = _("the disk reported an error; nothing was written");
		break;
	case SQLITE_CONSTRAINT:
		what = _("the change breaks a rule of the database");
		break;
	default:
		what = _("the database reported an error");
		break;
	}
	duban_err_set(err, DUBAN_EDB, "%s: %s (%s)", doing, what, detail);
	return duban_err_where(err, "%s", path);
}

int
db_exec(struct db *db, const char *sql, struct duban_err *err)
{
	if (sqlite3_exec(db->sql, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, _("running a database command"), err);
	return DUBAN_OK;
}

int
db_prepare(struct db *db, const char *sql, sqlite3_stmt **out, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return db_fail(db, _("preparing a query"), err);
	}
	*out = st;
	return DUBAN_OK;
}

int
db_prepare_cached(struct db *db, const char *sql, sqlite3_stmt **out, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	int i;
	int slot;

	for (i = 0; i < db->n_cache; i++) {
		if (strcmp(db->cache[i].sql, sql) == 0) {
			sqlite3_reset(db->cache[i].st);
			sqlite3_clear_bindings(db->cache[i].st);
			*out = db->cache[i].st;
			return DUBAN_OK;
		}
	}
	if (sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) !=
	    SQLITE_OK) {
		sqlite3_finalize(st);
		return db_fail(db, _("preparing a query"), err);
	}
	if (db->n_cache < DB_STMT_CACHE) {
		slot = db->n_cache++;
	} else {
		slot = db->next_evict;
		db->next_evict = (db->next_evict + 1) % DB_STMT_CACHE;
		sqlite3_finalize(db->cache[slot].st);
		free(db->cache[slot].sql);
	}
	db->cache[slot].sql = xstrdup(sql);
	db->cache[slot].st = st;
	*out = st;
	return DUBAN_OK;
}

int
db_bind_text(sqlite3_stmt *st, int idx, const char *s)
{
	if (s == NULL || s[0] == '\0')
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
}

int
db_bind_like(sqlite3_stmt *st, int idx, const char *text)
{
	struct buf pat = BUF_INIT;
	const char *p;
	int rc;

	/* The typed text is matched literally: % and _ are escaped. */
	buf_addc(&pat, '%');
	for (p = text; *p != '\0'; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			buf_addc(&pat, '\\');
		buf_addc(&pat, *p);
	}
	buf_addc(&pat, '%');
	rc = sqlite3_bind_text(st, idx, buf_str(&pat), -1, SQLITE_TRANSIENT);
	buf_release(&pat);
	return rc;
}

/* Beside the database, who is writing now: SQLite's lock cannot say, and "locked" alone
 * leaves a clerk guessing. Advisory only: a stale file (its process gone) is ignored. */
static void
writer_path(const struct db *db, struct buf *out)
{
	buf_printf(out, "%s-writer", db->path);
}

static void
writer_mark(struct db *db)
{
	struct buf p = BUF_INIT;
	struct safefile *sf = NULL;

	/* A new file renamed over the name: whatever someone put there (a link to another
	 * file, a pipe) is replaced, never written through. */
	writer_path(db, &p);
	if (safefile_open(buf_str(&p), SAFEFILE_OWNED_NAME | SAFEFILE_NO_SYNC | SAFEFILE_DB_MODE,
	    &sf, NULL) == DUBAN_OK) {
		fprintf(safefile_stream(sf), "%ld %s %s\n", (long)getpid(),
		    db->login != NULL ? db->login : "?", db->now != NULL ? db->now : "");
		safefile_commit(sf, NULL);
	}
	buf_release(&p);
}

static void
writer_clear(struct db *db)
{
	struct buf p = BUF_INIT;

	writer_path(db, &p);
	unlink(buf_str(&p));
	buf_release(&p);
}

static void
writer_describe(struct db *db, struct duban_err *err)
{
	struct buf p = BUF_INIT;
	char line[256];
	long pid = 0;
	char login[64] = "";
	struct stat sb;
	FILE *f;
	int fd;

	/* Only a regular file of that name is read: not through a link, never blocking on a
	 * pipe. */
	writer_path(db, &p);
	fd = open(buf_str(&p), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	buf_release(&p);
	if (fd < 0)
		return;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || (f = fdopen(fd, "r")) == NULL) {
		close(fd);
		return;
	}
	if (fgets(line, sizeof(line), f) != NULL && sscanf(line, "%ld %63s", &pid, login) == 2 &&
	    pid > 0 && (kill((pid_t)pid, 0) == 0 || errno == EPERM)) {
		const char *since = strchr(line, ' ');

		since = since != NULL ? strchr(since + 1, ' ') : NULL;
		duban_err_wrap(err, _("%s (process %ld, since %.19s) is writing to the database; "),
		    login, pid, since != NULL ? since + 1 : "?");
	}
	fclose(f);
}

/* Above this size the check before the first change is left to `duban check` (run it
 * nightly, doc/operations.md): reading every page costs about 0.1 s per 10 MB, which a
 * county's database (a few MB) does not notice and a merged city database of a gigabyte
 * would pay on every command that writes. SQLite still refuses any damaged page it meets,
 * and that is reported as a database error (exit 3). */
#define DB_CHECK_BEFORE_WRITE_MAX_BYTES (32LL << 20)

/* Before the first change through this connection: a damaged file is not written to, where
 * a change could spread the damage or be lost with it. The check is `duban check`'s own
 * (PRAGMA integrity_check, stopping at the first fault: quick_check misses an index that
 * lost rows), so a file that check calls damaged is never written; it reads every page
 * once, outside the write lock. */
static int
check_before_write(struct db *db, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	int64_t bytes = 0;
	int rc;
	int step;

	if (db->checked)
		return DUBAN_OK;
	rc = db_prepare(db, "SELECT page_count * page_size FROM pragma_page_count(),"
	    " pragma_page_size()", &st, err);
	if (rc != DUBAN_OK)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		bytes = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	if (bytes > DB_CHECK_BEFORE_WRITE_MAX_BYTES) {
		db->checked = true;
		return DUBAN_OK;
	}
	rc = db_prepare(db, "PRAGMA integrity_check(1)", &st, err);
	if (rc != DUBAN_OK)
		return rc;
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		const char *res = (const char *)sqlite3_column_text(st, 0);

		if (res != NULL && strcmp(res, "ok") == 0) {
			db->checked = true;
		} else {
			rc = duban_err_set(err, DUBAN_EDB, _("the database is damaged (%s); nothing "
			    "was written: run \"duban check\" and restore a backup (see "
			    "doc/operations.md)"), res != NULL ? res : "?");
			duban_err_where(err, "%s", db->path);
		}
	} else {
		rc = db_fail(db, _("checking the database before a change"), err);
	}
	sqlite3_finalize(st);
	return rc;
}

int
db_begin(struct db *db, struct duban_err *err)
{
	int rc;

	if (db->read_only)
		return duban_err_set(err, DUBAN_EDB, _("the database was opened read-only"));
	if (db->depth > 0) {
		db->depth++;
		return DUBAN_OK;
	}
	rc = check_before_write(db, err);
	if (rc != DUBAN_OK)
		return rc;
	db->depth++;
	/* IMMEDIATE takes the write lock now, so the busy handler waits here, not halfway
	 * through a change. */
	if (sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		int code = sqlite3_errcode(db->sql);

		db->depth--;
		db_fail(db, _("starting a change"), err);
		if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
			writer_describe(db, err);
		return DUBAN_EDB;
	}
	writer_mark(db);
	return DUBAN_OK;
}

int
db_end(struct db *db, int rc, struct duban_err *err)
{
	if (db->depth <= 0)
		return rc;
	if (--db->depth > 0)
		return rc;
	writer_clear(db);
	if (rc == DUBAN_OK) {
		if (sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
			return DUBAN_OK;
		rc = db_fail(db, _("saving the change"), err);
	}
	/* ROLLBACK may fail if SQLite already rolled back (disk full); nothing more to undo. */
	sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int
db_schema_version(struct db *db, int *version, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = db_prepare(db, "PRAGMA user_version", &st, err);
	if (rc != DUBAN_OK)
		return rc;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = db_fail(db, _("reading the schema version"), err);
	} else {
		*version = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	return rc;
}

static int
migrate(struct db *db, int from, struct duban_err *err)
{
	int rc;
	int v;
	char pragma[64];

	rc = db_begin(db, err);
	if (rc != DUBAN_OK)
		return rc;
	for (v = from; v < DB_SCHEMA_VERSION && rc == DUBAN_OK; v++)
		rc = db_exec(db, migrations[v], err);
	if (rc == DUBAN_OK) {
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", DB_SCHEMA_VERSION);
		rc = db_exec(db, pragma, err);
	}
	return db_end(db, rc, err);
}

/* A file with tables but no user_version is somebody else's SQLite database. */
static int
count_tables(struct db *db, int *n, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT count(*) FROM sqlite_master", &st, err);

	if (rc != DUBAN_OK)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	else
		rc = db_fail(db, _("reading the database"), err);
	sqlite3_finalize(st);
	return rc;
}

/* A WAL database in a directory one may not write, with no -wal beside it (a copy on
 * read-only media, a backup directory of root's): SQLite cannot create the -shm it reads
 * through. Nobody can be writing to it then, so it is read as it stands on disk. */
static bool
wal_unreachable(struct db *db)
{
	int code = sqlite3_extended_errcode(db->sql) & 0xff;
	struct buf wal = BUF_INIT;
	struct stat sb;
	bool none;

	if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN)
		return false;
	buf_printf(&wal, "%s-wal", db->path);
	none = lstat(buf_str(&wal), &sb) != 0 && errno == ENOENT;
	buf_release(&wal);
	return none;
}

static int
open_immutable(struct db *db, int busy_timeout_ms, struct duban_err *err)
{
	static const char keep[] = "/._-~";
	struct buf uri = BUF_INIT;
	const unsigned char *p;
	int rc = DUBAN_OK;

	buf_adds(&uri, "file:");
	for (p = (const unsigned char *)db->path; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr(keep, *p) != NULL)
			buf_addc(&uri, (char)*p);
		else
			buf_printf(&uri, "%%%02X", *p);
	}
	buf_adds(&uri, "?immutable=1");
	sqlite3_close(db->sql);
	db->sql = NULL;
	if (sqlite3_open_v2(buf_str(&uri), &db->sql, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) !=
	    SQLITE_OK)
		rc = db_fail(db, _("opening the database"), err);
	sqlite3_extended_result_codes(db->sql, 1);
	sqlite3_busy_timeout(db->sql, busy_timeout_ms);
	buf_release(&uri);
	return rc;
}

/* duban_key(text): text_key_norm for SQL, used by the migration to schema 2. */
static void
sql_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *t = sqlite3_value_text(argv[0]);
	struct buf b = BUF_INIT;

	(void)argc;
	if (t == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	text_key_norm((const char *)t, &b);
	sqlite3_result_text(ctx, buf_str(&b), (int)b.len, SQLITE_TRANSIENT);
	buf_release(&b);
}

int
db_open(const char *path, enum db_mode mode, int busy_timeout_ms, struct db **out,
    struct duban_err *err)
{
	struct db *db = NULL;
	struct stat sb;
	int flags;
	int rc;
	int version = 0;
	int ntables = 0;
	bool existing = false;

	if (mode != DB_CREATE && stat(path, &sb) != 0) {
		if (errno != ENOENT)
			return duban_err_set(err, DUBAN_EDB, _("cannot reach the database %s: %s"),
			    path, strerror(errno));
		return duban_err_set(err, DUBAN_EDB,
		    _("there is no database at %s (create one with \"duban init\")"), path);
	}
	/* A file with something in it is refused below, once it is clear that it is not what
	 * an init killed midway leaves: an SQLite file without tables or schema version. */
	if (mode == DB_CREATE && lstat(path, &sb) == 0 && sb.st_size > 0) {
		if (!S_ISREG(sb.st_mode))
			return duban_err_set(err, DUBAN_EDB,
			    _("%s already exists; duban init does not overwrite a database"), path);
		existing = true;
	}
	if (mode == DB_CREATE && !existing) {
		/* SQLite would create the file 0644: the group must write it (several people),
		 * the world must not read it, whatever the umask. Its -wal and -shm files copy
		 * this mode. A new name only: never through a link. */
		bool exists = lstat(path, &sb) == 0;
		int fd = open(path, exists ? O_RDWR | O_NOFOLLOW | O_CLOEXEC :
		    O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0660);

		if (fd < 0)
			return duban_err_set(err, DUBAN_EDB, _("cannot create %s: %s"), path,
			    strerror(errno));
		if (!exists && fchmod(fd, 0660) != 0) {
			close(fd);
			unlink(path);
			return duban_err_set(err, DUBAN_EDB, _("cannot create %s: %s"), path,
			    strerror(errno));
		}
		close(fd);
	}
	db = xcalloc(1, sizeof(*db));
	db->path = xstrdup(path);
	db->read_only = mode == DB_READ_ONLY;
	flags = mode == DB_READ_ONLY ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (mode == DB_CREATE)
		flags |= SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &db->sql, flags, NULL) != SQLITE_OK) {
		rc = db_fail(db, _("opening the database"), err);
		goto fail;
	}
	sqlite3_extended_result_codes(db->sql, 1);
	if (sqlite3_create_function(db->sql, "duban_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
	    NULL, sql_key, NULL, NULL) != SQLITE_OK) {
		rc = db_fail(db, _("opening the database"), err);
		goto fail;
	}
	/* SQLite falls back to read-only without a word; say so now, not after a form was
	 * filled in. */
	if (mode != DB_READ_ONLY && sqlite3_db_readonly(db->sql, "main") == 1) {
		rc = duban_err_set(err, DUBAN_EDB, _("%s is read-only for you: check the file's and "
		    "its directory's permissions (the group must be able to write both)"), path);
		goto fail;
	}
	sqlite3_busy_timeout(db->sql, busy_timeout_ms);
	rc = count_tables(db, &ntables, err);
	if (rc != DUBAN_OK && mode == DB_READ_ONLY && wal_unreachable(db)) {
		rc = open_immutable(db, busy_timeout_ms, err);
		if (rc == DUBAN_OK)
			rc = count_tables(db, &ntables, err);
	}
	if (rc == DUBAN_OK)
		rc = db_schema_version(db, &version, err);
	if (existing && (rc != DUBAN_OK || ntables > 0 || version > 0)) {
		rc = duban_err_set(err, DUBAN_EDB,
		    _("%s already exists; duban init does not overwrite a database"), path);
		goto fail;
	}
	if (rc != DUBAN_OK)
		goto fail;
	if (version > DB_SCHEMA_VERSION) {
		rc = duban_err_set(err, DUBAN_EDB,
		    _("%s was written by a newer duban (schema %d; this one knows up to %d); "
		      "upgrade duban"), path, version, DB_SCHEMA_VERSION);
		goto fail;
	}
	if (version == 0 && ntables > 0) {
		rc = duban_err_set(err, DUBAN_EDB, _("%s is an SQLite file but not a duban database"),
		    path);
		goto fail;
	}
	if (version == 0 && mode != DB_CREATE) {
		rc = duban_err_set(err, DUBAN_EDB,
		    _("%s is empty, not a duban database (create one with \"duban init\")"), path);
		goto fail;
	}
	/* A new database is WAL from the start; an existing one in rollback mode (a restored
	 * backup) is switched by db_use_wal(), for people who may write: reading leaves it as
	 * it is. */
	if (mode == DB_CREATE) {
		rc = db_use_wal(db, err);
		if (rc != DUBAN_OK)
			goto fail;
	}
	rc = db_exec(db, "PRAGMA foreign_keys = ON", err);
	if (rc != DUBAN_OK)
		goto fail;
	if (version < DB_SCHEMA_VERSION && mode != DB_READ_ONLY) {
		rc = migrate(db, version, err);
		if (rc != DUBAN_OK)
			goto fail;
	}
	*out = db;
	return DUBAN_OK;
fail:
	db_close(db);
	return rc;
}

int
db_use_wal(struct db *db, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	bool wal = false;
	int rc;

	if (db->read_only)
		return DUBAN_OK;
	rc = db_prepare(db, "PRAGMA journal_mode", &st, err);
	if (rc != DUBAN_OK)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW)
		wal = sqlite3_stricmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
	sqlite3_finalize(st);
	if (!wal)
		rc = db_exec(db, "PRAGMA journal_mode = WAL", err);
	/* SQLite opens the -wal and -shm files at the next read, not at the switch: read now,
	 * while the caller holds what opening them needs (doc/operations.md §5). */
	if (rc == DUBAN_OK && !wal)
		rc = db_exec(db, "SELECT count(*) FROM sqlite_master", err);
	return rc;
}

void
db_set_close_hook(struct db *db, db_close_hook hook)
{
	db->close_hook = hook;
}

void
db_close(struct db *db)
{
	int i;

	if (db == NULL)
		return;
	for (i = 0; i < db->n_cache; i++) {
		sqlite3_finalize(db->cache[i].st);
		free(db->cache[i].sql);
	}
	/* The last connection checkpoints and removes -wal and -shm: the hook lends it the
	 * rights to. */
	if (db->close_hook != NULL)
		db->close_hook(true);
	sqlite3_close(db->sql);	/* accepts NULL; statements are finalized by their owners */
	if (db->close_hook != NULL)
		db->close_hook(false);
	free(db->path);
	free(db->login);
	free(db->now);
	free(db);
}

void
db_set_actor(struct db *db, const char *login, const char *now)
{
	free(db->login);
	free(db->now);
	db->login = xstrdup(login);
	db->now = xstrdup(now);
}

const char *
db_actor_login(const struct db *db)
{
	return db->login != NULL ? db->login : "";
}

void
db_set_actor_role(struct db *db, int role)
{
	db->role = role;
}

int
db_actor_role_value(const struct db *db)
{
	return db->role;
}

const char *
db_actor_now(const struct db *db)
{
	return db->now != NULL ? db->now : "";
}

sqlite3 *
db_sqlite(struct db *db)
{
	return db->sql;
}

const char *
db_path(const struct db *db)
{
	return db->path;
}

int
db_meta_get(struct db *db, const char *key, char **value, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = db_prepare(db, "SELECT value FROM meta WHERE key = ?1", &st, err);
	int step;

	if (rc != DUBAN_OK)
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*value = xstrdup((const char *)sqlite3_column_text(st, 0));
	else if (step == SQLITE_DONE)
		*value = NULL;
	else
		rc = db_fail(db, _("reading the database"), err);
	sqlite3_finalize(st);
	return rc;
}

int
db_meta_set(struct db *db, const char *key, const char *value, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = db_prepare(db, "INSERT INTO meta (key, value) VALUES (?1, ?2)"
	    " ON CONFLICT (key) DO UPDATE SET value = excluded.value", &st, err);

	if (rc != DUBAN_OK)
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, _("writing the database"), err);
	sqlite3_finalize(st);
	return rc;
}

static int
collect_check(struct db *db, const char *sql, bool ok_is_row, bool *sound, struct buf *report,
    struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	int rc = db_prepare(db, sql, &st, err);
	int step;

	if (rc != DUBAN_OK)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 0);

		if (ok_is_row && text != NULL && strcmp(text, "ok") == 0)
			continue;
		*sound = false;
		if (report != NULL) {
			int i;

			for (i = 0; i < sqlite3_column_count(st); i++) {
				const char *c = (const char *)sqlite3_column_text(st, i);

				buf_printf(report, "%s%s", i > 0 ? " " : "", c != NULL ? c : "");
			}
			buf_addc(report, '\n');
		}
	}
	if (step != SQLITE_DONE)
		rc = db_fail(db, _("checking the database"), err);
	sqlite3_finalize(st);
	return rc;
}

int
db_check(struct db *db, bool *sound, struct buf *report, struct duban_err *err)
{
	int rc;

	*sound = true;
	rc = collect_check(db, "PRAGMA integrity_check", true, sound, report, err);
	if (rc == DUBAN_OK)
		rc = collect_check(db, "PRAGMA foreign_key_check", false, sound, report, err);
	return rc;
}

int
db_key_duplicates(struct db *db, struct buf *report, struct duban_err *err)
{
	static const struct {
		const char *sql;
		const char *what;	/* N_() */
	} keys[] = {
		{ "SELECT id, name FROM agencies WHERE name_key IS NULL AND deleted = 0",
		  N_("Agency") },
		{ "SELECT id, case_no FROM litigation_cases WHERE case_no_key IS NULL"
		  " AND deleted = 0", N_("Litigation case") },
		{ "SELECT id, case_no FROM reconsideration_cases WHERE case_no_key IS NULL"
		  " AND deleted = 0", N_("Reconsideration case") },
		{ "SELECT id, doc_no FROM suggestions WHERE doc_no_key IS NULL AND deleted = 0",
		  N_("Suggestion") },
		{ "SELECT id, item FROM assessment_items WHERE item_key IS NULL AND deleted = 0",
		  N_("Assessment item") },
	};
	size_t i;
	int version = 0;
	int rc = db_schema_version(db, &version, err);

	if (rc != DUBAN_OK || version < 2)
		return rc;	/* no key columns before schema 2 (a read-only open) */
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]) && rc == DUBAN_OK; i++) {
		sqlite3_stmt *st = NULL;
		int step;

		rc = db_prepare(db, keys[i].sql, &st, err);
		if (rc != DUBAN_OK)
			break;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			struct buf v = BUF_INIT;

			text_sanitize((const char *)sqlite3_column_text(st, 1), &v);
			buf_printf(report, _("%s %lld \"%s\" is the same as another record once "
			    "brackets, full-width characters and spaces are ignored; correct one of "
			    "them\n"), _(keys[i].what), (long long)sqlite3_column_int64(st, 0),
			    buf_str(&v));
			buf_release(&v);
		}
		if (step != SQLITE_DONE)
			rc = db_fail(db, _("checking the database"), err);
		sqlite3_finalize(st);
	}
	return rc;
}

int
db_backup(struct db *db, const char *path, struct duban_err *err)
{
	struct safefile *sf = NULL;
	struct buf journal = BUF_INIT;
	int journal_slot;
	sqlite3 *dst = NULL;
	sqlite3_backup *bk = NULL;
	struct db *check = NULL;
	bool sound = false;
	int step;
	int rc = DUBAN_OK;

	/* A new file beside path, renamed over it once checked; a link or a device at path is
	 * refused. SQLite writes the file by its name, and a journal beside it. */
	if (safefile_same_file(path, db->path))
		return duban_err_set(err, DUBAN_EUSAGE, _("%s is the database itself; give "
		    "another file name"), path);
	rc = safefile_open(path, SAFEFILE_REGULAR_ONLY, &sf, err);
	if (rc != DUBAN_OK) {
		if (err != NULL)
			err->rc = DUBAN_EDB;
		return DUBAN_EDB;
	}
	buf_printf(&journal, "%s-journal", safefile_temp_path(sf));
	journal_slot = safefile_track(buf_str(&journal));
	if (sqlite3_open_v2(safefile_temp_path(sf), &dst, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		rc = duban_err_set(err, DUBAN_EDB, _("cannot create %s: %s"),
		    safefile_temp_path(sf), sqlite3_errmsg(dst));
		goto out;
	}
	bk = sqlite3_backup_init(dst, "main", db->sql, "main");
	if (bk == NULL) {
		rc = duban_err_set(err, DUBAN_EDB, _("cannot start the backup: %s"),
		    sqlite3_errmsg(dst));
		goto out;
	}
	/* Copy in slices so writers are never held up for long; a write by someone else
	 * restarts the copy, which SQLite handles. */
	do {
		step = sqlite3_backup_step(bk, 256);
		if (step == SQLITE_BUSY || step == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (step == SQLITE_OK || step == SQLITE_BUSY || step == SQLITE_LOCKED);
	sqlite3_backup_finish(bk);
	if (step != SQLITE_DONE) {
		rc = duban_err_set(err, DUBAN_EDB, _("the backup failed: %s"), sqlite3_errstr(step));
		goto out;
	}
	/* The copy is a rollback-journal file on its own: no -wal beside it to lose. */
	sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	sqlite3_close(dst);
	dst = NULL;
	rc = db_open(safefile_temp_path(sf), DB_READ_ONLY, 1000, &check, err);
	if (rc == DUBAN_OK)
		rc = db_check(check, &sound, NULL, err);
	db_close(check);
	if (rc == DUBAN_OK && !sound)
		rc = duban_err_set(err, DUBAN_EDB, "%s", _("the backup copy failed its integrity "
		    "check; the old backup, if any, is kept"));
	if (rc == DUBAN_OK) {
		rc = safefile_commit(sf, err);
		sf = NULL;
		if (rc != DUBAN_OK && err != NULL) {
			duban_err_wrap(err, "%s", _("cannot move the backup into place: "));
			err->rc = DUBAN_EDB;
		}
		if (rc != DUBAN_OK)
			rc = DUBAN_EDB;
	}
out:
	if (dst != NULL)
		sqlite3_close(dst);
	if (sf != NULL)
		safefile_abort(sf);
	unlink(buf_str(&journal));
	safefile_untrack(journal_slot);
	buf_release(&journal);
	return rc;
}
