/* include/duban/record.h: the record engine shared by every record kind. A kind is described
 * by a table of fields (column, CSV headers, label, type, flags); loading, validating, saving
 * with audit and optimistic locking, soft deletion and JSON all work from that table, so the
 * forms, the import, the export and the command line treat every kind the same way. */
#ifndef DUBAN_RECORD_H
#define DUBAN_RECORD_H

#include <stdbool.h>
#include <stdint.h>

#include "duban/date.h"
#include "duban/err.h"
#include "duban/rules.h"

struct buf;
struct calendar;
struct config;
struct db;
struct duban_err;

enum field_type {
	FIELD_TEXT,
	FIELD_DATE,	/* canonical "YYYY-MM-DD"; input in every form date_parse accepts */
	FIELD_BOOL,	/* canonical "1"/"0"; input 是/否, Y/N, yes/no, true/false, 1/0 */
	FIELD_ENUM,	/* canonical code; input code, Chinese word or English word */
	FIELD_AGENCY,	/* canonical agency id; input name, short name or code */
	FIELD_CASE,	/* canonical litigation case id; input case number */
	FIELD_INT,
};

#define FIELD_REQUIRED 0x01u	/* must not be empty */
#define FIELD_KEY 0x02u		/* part of the natural key */
#define FIELD_DERIVED 0x04u	/* computed by duban (due dates); never taken from input */
/* Personal data (ID-card numbers): shown masked ("330***********1234") to everyone but an
 * admin, on screens, lists, exports and the history; input holding "*" (a masked value
 * typed or imported back) leaves the stored value as it is. */
#define FIELD_SECRET 0x08u

/* What a choice means to the counts (assessment, dashboard): the SQL that asks "the head
 * appeared" or "the agency lost" is generated from these flags (record_choice_sql), so a
 * choice added to a kind is counted wherever its meaning is. */
#define CHOICE_HEAD_APPEARED 0x01u	/* a hearing's appearer was the head or a leader */
#define CHOICE_LOSS 0x02u		/* a court outcome that goes against the agency */
#define CHOICE_OVERTURNS 0x04u	/* a decision that overturns the agency's act */

struct field_choice {
	const char *code;	/* stored: "first" */
	const char *zh;		/* Chinese word, CSV and Chinese screens: "一审" */
	const char *en;		/* English word: "first instance" */
	unsigned flags;		/* CHOICE_* */
};

struct field_def {
	const char *column;	/* database column: "agency_id" */
	const char *csv;	/* English CSV header: "agency" */
	const char *zh;		/* Chinese CSV header: "被告机关" */
	const char *label;	/* N_() label for screens, English msgid */
	enum field_type type;
	unsigned flags;
	const struct field_choice *choices;	/* FIELD_ENUM: ends with a NULL code */
	int max_len;		/* FIELD_TEXT: bytes; 0 = 2000 */
	const char *ref;	/* FIELD_CASE: name of the kind whose key it names ("litigation") */
};

/* What a derived due date comes from, told to record_env.on_due as derive works out each due
 * date (core/explain.c uses it to explain a record's deadline with the kind's own logic). */
struct due_source {
	int due;		/* the due-date field */
	const char *rule;
	struct date trigger;	/* date_none(): no trigger yet */
	const struct rule_period *override;	/* a stated period, or NULL; valid in the call */
	int extension_days;	/* 0: not extended */
};

/* What validation and deadline derivation need besides the record. */
struct record_env {
	struct db *db;
	const struct config *cfg;
	const struct calendar *cal;
	struct date today;
	/* NULL, or told what each due date is derived from (see struct due_source). */
	void (*on_due)(const struct due_source *src, void *arg);
	void *on_due_arg;
};

#define RECORD_MAX_PROBLEMS 32

/* Per-field refusals with their reasons (translated), for forms and import rows. */
struct record_problems {
	int n;
	struct {
		int field;	/* index into the kind's fields; -1 for the record as a whole */
		char msg[300];
	} items[RECORD_MAX_PROBLEMS];
	/* Not a problem of the input: the database failed while checking it (damaged, locked,
	 * disk error). fault.rc is DUBAN_EDB then, and the check is incomplete; the message is
	 * also the last item (field -1). Callers must report it as a database error (exit 3),
	 * never as the input's fault. Zeroed with the rest. */
	struct duban_err fault;
};

struct record;

struct kind_def {
	const char *name;	/* "litigation": the KIND of the command line */
	const char *table;
	const char *label;	/* N_() */
	const struct field_def *fields;
	int n_fields;
	/* Cross-field checks (date order...), after each field was parsed. May be NULL. */
	void (*check)(const struct record_env *env, const struct record *r,
	    struct record_problems *p);
	/* Fill FIELD_DERIVED fields from the others. May be NULL. */
	void (*derive)(const struct record_env *env, struct record *r);
	int write_access;	/* enum access_action needed to create, change or delete */
	/* The rest of a kind's one home: everything the screens, the command line, the import
	 * and the counts need to know about it, so that none of them names a kind. */
	const char *plural;	/* N_(): "Litigation cases", for menus and help */
	const char *noun;	/* N_(): "litigation case", in running text */
	const char *duty;	/* the duty `list KIND --status` means; NULL: none */
	const char *key_caption;	/* N_(): list column of the key ("Case number") */
	const char *party_caption;	/* N_(): list column of the other party */
	const char *order;	/* SQL ORDER BY of its natural order (kinds without duty) */
	int desk;		/* its list's place among the desk's "go" keys (1: the first); 0 */
	int list_fields[3];	/* fields shown by the desk's list of a kind without duty */
	int wide_field;		/* the field given wide_width columns by `list` (others 12) */
	int wide_width;		/* 0: none is wider */
	/* Records of another kind that belong to one of this kind (hearings of a case), shown
	 * under it in the record screen; NULL: none. */
	const char *detail;
	const char *detail_caption;	/* N_() */
	/* A new record's field that starts with a value (a new agency is "other"); NULL: none. */
	const char *default_field;
	const char *default_value;	/* canonical */
	/* One line about a record of this kind when shown under another: when and what. */
	void (*summary)(const struct record_env *env, const struct record *r, struct buf *when,
	    struct buf *what);
};

struct record {
	const struct kind_def *kind;
	int64_t id;		/* 0: not saved yet */
	int64_t version;	/* as loaded; a save refuses when the stored one differs */
	bool deleted;
	char **values;		/* canonical text per field, never NULL ("" = empty) */
	char **loaded;		/* values as loaded (NULL for a new record): tells another
				 * person's change from ours when a save meets a conflict */
	/* Set when the kind derives its due dates (record_derive_due): the first year a due
	 * date reached that the calendar does not cover (0: none; the caller warns), and the
	 * first due field whose date falls after DATE_MAX_YEAR (-1: none; the save refuses). */
	int uncovered_year;
	int beyond_field;
};

/* Every kind, NULL-terminated; and one by name (NULL if unknown). */
extern const struct kind_def *const record_kinds[];
const struct kind_def *record_kind(const char *name);
/* The kind's name as a word of the interface language, for messages ("litigation" in
 * English, 行政诉讼案件 in Chinese). */
const char *record_kind_word(const struct kind_def *kind);
/* The kind whose list the desk's n-th "go" key opens (n from 1), or NULL. */
const struct kind_def *record_desk_kind(int n);
/* "agency, litigation, ...": every kind's name, for usage and help. */
void record_kind_names(struct buf *out);
/* The kind a reference field points to: agencies, or the kind its ref names. */
const struct kind_def *record_ref_kind(const struct field_def *f);
/* "('head','deputy')": the SQL list of the codes of field column of kind whose choices carry
 * flag, for the counts; "('')" when none does. */
void record_choice_sql(const struct kind_def *kind, const char *column, unsigned flag,
    struct buf *out);
/* sql with every "{kind.column/flag}" (flag: head, loss, overturns) replaced by the list
 * record_choice_sql gives: "outcome IN {litigation.outcome/loss}". */
void record_sql_expand(const char *sql, struct buf *out);
/* Whether the value of field carries flag (a choice with CHOICE_*). */
bool record_choice_has(const struct record *r, int field, unsigned flag);

/* Live records of a kind in its natural order whose text fields contain text (NULL or "":
 * all), a window of limit rows (0: all) from offset; fn gets each id and may stop the walk
 * by returning anything but DUBAN_OK. */
int record_each_live(struct db *db, const struct kind_def *kind, const char *text,
    int64_t limit, int64_t offset, int (*fn)(int64_t id, void *arg), void *arg,
    struct duban_err *err);
int record_count_live(struct db *db, const struct kind_def *kind, const char *text,
    int64_t *n, struct duban_err *err);
/* Up to max names of live records a reference field f can take that contain typed (agency
 * names, case numbers), for a picker; each to be freed. */
int record_suggest(struct db *db, const struct field_def *f, const char *typed, char **out,
    int max, int *n, struct duban_err *err);
/* Every value a reference field f can take, for the desk's pickers: each agency by name with
 * its short name and code as words that also find it; the newest 500 records of the kind
 * the field names whose key contains typed (no words). f NULL: the agencies. fn gets each
 * record's id too. */
int record_each_choice(struct db *db, const struct field_def *f, const char *typed,
    void (*fn)(int64_t id, const char *value, const char *words, void *arg), void *arg,
    struct duban_err *err);
/* The live records of kind->detail that belong to record id of kind, in their order. */
int record_each_detail(struct db *db, const struct kind_def *kind, int64_t id,
    int (*fn)(int64_t id, void *arg), void *arg, struct duban_err *err);
/* Index of the field whose column, CSV header or Chinese header is name; -1 if none. */
int record_field_idx(const struct kind_def *kind, const char *name);

struct record *record_new(const struct kind_def *kind);
void record_free(struct record *r);
struct record *record_dup(const struct record *r);
const char *record_get(const struct record *r, int field);
void record_set(struct record *r, int field, const char *canonical);
struct date record_date(const struct record *r, int field);	/* date_none() if empty */
bool record_bool(const struct record *r, int field);
int64_t record_int(const struct record *r, int field);

void record_problem(struct record_problems *p, int field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Parse user input for one field into its canonical form and store it; on a refusal, add
 * the reason to p and leave the field unchanged. Agency and case references are looked up.
 * Returns true if the input was taken. Derived fields refuse input. */
bool record_input(const struct record_env *env, struct record *r, int field, const char *text,
    struct record_problems *p);

/* Required fields, cross-field checks, unique natural key, existing references. */
void record_validate(const struct record_env *env, const struct record *r,
    struct record_problems *p);

/* Human text of a field: dates as stored, yes/no, enum words and agency names in the
 * interface language (zh words when csv_words, as CSV files carry them). */
void record_display(const struct record_env *env, const struct record *r, int field,
    bool csv_words, struct buf *out);

/* The same for one canonical value v of field f (an audit row's before or after). */
void record_display_value(struct db *db, const struct field_def *f, const char *v,
    bool csv_words, struct buf *out);

/* Load by id (deleted ones too). DUBAN_EINPUT if there is no such record. */
int record_load(struct db *db, const struct kind_def *kind, int64_t id, struct record **out,
    struct duban_err *err);
/* Id of the live record with r's natural key, or 0. */
int record_find_key(struct db *db, const struct record *r, int64_t *id,
    struct duban_err *err);
/* Find by the text of its key ("行初123号", or "case_no hearing_on" for hearings, or an id). */
int record_lookup(const struct record_env *env, const struct kind_def *kind, const char *text,
    int64_t *id, struct duban_err *err);

/* RECORD_RESTORED: a deleted record with the same key came back (audited as "restore"). */
enum record_outcome { RECORD_NEW, RECORD_UPDATED, RECORD_UNCHANGED, RECORD_RESTORED };

/* Validate, derive, then insert (id 0) or update, and audit, in one transaction (joins the
 * caller's if one is open). Updates check that the stored version is still r->version and
 * refuse otherwise, naming who changed it when. Needs ACCESS_EDIT_RECORDS, or ACCESS_IMPORT
 * when batch_id > 0 (agencies: ACCESS_MANAGE). batch_id > 0 ties the audit row to an import. On success r->id and
 * r->version are current. DUBAN_EINPUT with the problems in p (the first also in err). */
int record_save(const struct record_env *env, struct record *r, int64_t batch_id,
    enum record_outcome *outcome, struct record_problems *p, struct duban_err *err);

/* Soft delete (kept, hidden, audited). */
int record_delete(const struct record_env *env, const struct kind_def *kind, int64_t id,
    struct duban_err *err);

/* The record as a JSON object of its fields (canonical values, agency ids). */
void record_to_json(const struct record *r, struct buf *out);

/* Recompute every stored due date from the rules and calendar (after either changed);
 * changes are audited as "recompute". *changed counts records whose dates moved. */
int record_recompute_all(const struct record_env *env, int64_t *changed,
    struct duban_err *err);

/* Helpers for the kinds' check and derive callbacks. */
/* Refuse later before earlier when both are set ("%s is before %s"). */
void record_check_order(const struct record *r, struct record_problems *p, int earlier,
    int later);
/* Refuse a date after today (an event that has not happened yet is a typo). */
void record_check_not_future(const struct record_env *env, const struct record *r,
    struct record_problems *p, int field);
/* Set due to the rule's due date from the trigger field, or "" when the trigger is empty.
 * override may be NULL. A rule with no version for the trigger leaves due empty. */
/* The same, the rule's due date extended by extension_days counted from it
 * (deadline_compute_extended). */
void record_derive_due_extended(const struct record_env *env, struct record *r, int due,
    const char *rule, int trigger, int extension_days);
void record_derive_due(const struct record_env *env, struct record *r, int due,
    const char *rule, int trigger, const struct rule_period *override);

/* Keep stored due dates current: when the deadline fingerprint (rules, calendar, make-up
 * reading) differs from the one stored with them, recompute all of them, audited. Runs for
 * any role that may write; for read-only roles *stale is set instead. */
int record_keep_current(const struct record_env *env, int64_t *changed, bool *stale,
    struct duban_err *err);

/* Parse a yes/no word; false if it is none. */
bool record_parse_bool(const char *s, bool *out);

#endif
