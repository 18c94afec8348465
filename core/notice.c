/* core/notice.c: the 督办 notice. Plain text, fixed layout, so it prints and pastes cleanly;
 * every item names its due date, how late it is and the rule behind it; the most overdue
 * come first. */
#include "duban/notice.h"

#include <string.h>

#include "duban/access.h"
#include "duban/agency.h"
#include "duban/buf.h"
#include "duban/config.h"
#include "duban/dashboard.h"
#include "duban/db.h"
#include "duban/db_sql.h"
#include "duban/deadline.h"
#include "duban/duty.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/text.h"

void
notice_number(const struct config *cfg, int year, int seq, struct buf *out)
{
	const char *p = cfg->notice_number;

	while (*p != '\0') {
		if (strncmp(p, "{year}", 6) == 0) {
			buf_printf(out, "%d", year);
			p += 6;
		} else if (strncmp(p, "{n}", 3) == 0) {
			buf_printf(out, "%d", seq);
			p += 3;
		} else {
			buf_addc(out, *p++);
		}
	}
}

static void
add_item(struct buf *out, const struct config *cfg, const struct calendar *cal,
    struct date today, const struct dashboard_item *it, int n)
{
	char iso[DATE_ISO_LEN];

	buf_printf(out, "%3d. %s  ", n, _(it->duty->label));
	text_sanitize(it->key, out);
	if (it->party[0] != '\0') {
		buf_adds(out, "  ");
		text_sanitize(it->party, out);
	}
	buf_adds(out, "\n     ");
	date_format(it->due, iso);
	if (it->status == DEADLINE_OVERDUE) {
		buf_printf(out, _("due %s, overdue by %lld days"), iso,
		    (long long)date_diff_days(it->due, today));
	} else if (it->status == DEADLINE_DUE_TODAY) {
		buf_printf(out, _("due %s, that is today"), iso);
	} else {
		int left = deadline_workdays_between(cal, today, it->due, cfg->makeup_workdays);

		buf_printf(out, P_("due %s, %d working day left", "due %s, %d working days left",
		    left), iso, left);
	}
	buf_addc(out, '\n');
}

#define NOTICE_COLS 72

/* Append a paragraph wrapped to NOTICE_COLS columns, its first line indented by 4. A line
 * breaks where it is full, except inside an ASCII word (English): there at the blank before
 * it, if the line keeps half its width. */
static void
add_para(struct buf *out, const char *text)
{
	struct buf clean = BUF_INIT;
	const char *p;
	int width = NOTICE_COLS - 4;

	text_sanitize(text, &clean);
	p = buf_str(&clean);
	buf_adds(out, "    ");
	while (*p != '\0') {
		int cols = 0;
		size_t n = text_fit(p, width, &cols);
		size_t cut = n;

		if (p[n] != '\0' && n > 0 && (unsigned char)p[n] > ' ' && (unsigned char)p[n] < 0x80 &&
		    (unsigned char)p[n - 1] > ' ' && (unsigned char)p[n - 1] < 0x80) {
			size_t k;

			for (k = n; k > n / 2; k--)
				if (p[k] == ' ') {
					cut = k;
					break;
				}
		}
		buf_add(out, p, cut);
		buf_addc(out, '\n');
		p += cut;
		while (*p == ' ')
			p++;
		width = NOTICE_COLS;
	}
	buf_release(&clean);
}

/* The date as an official document writes it (2025年6月30日 in Chinese). */
static void
add_long_date(struct buf *out, struct date d)
{
	buf_printf(out, _("%d-%02d-%02d"), d.y, d.m, d.d);
}

int
notice_build(struct db *db, const struct config *cfg, const struct calendar *cal,
    struct date today, int64_t agency_id, int seq, struct buf *out, struct duban_err *err)
{
	struct dashboard_item *items = NULL;
	struct buf name = BUF_INIT;
	struct buf para = BUF_INIT;
	int64_t total = 0;
	int n_items = 0;
	int n_urgent = 0;
	int rc;
	int i;

	rc = agency_name(db, agency_id, &name, err);
	if (rc == DUBAN_OK)
		rc = dashboard_agency_items(db, cal, today, cfg->due_soon_workdays,
		    cfg->makeup_workdays, agency_id, 0, &items, &n_items, &total, err);
	if (rc != DUBAN_OK)
		goto out;
	/* By urgency: overdue (earliest due, i.e. most overdue, first), due today, due soon;
	 * the rest is pending and does not belong in a notice. */
	while (n_urgent < n_items && items[n_urgent].status != DEADLINE_PENDING)
		n_urgent++;
	if (n_urgent == 0) {
		rc = duban_err_set(err, DUBAN_EINPUT, _("%s has nothing overdue, due today or due "
		    "soon: there is nothing to urge, so no notice is made"), buf_str(&name));
		goto out;
	}
	buf_printf(out, "%s\n\n", _("Notice to act"));
	text_sanitize(cfg->notice_bureau, out);
	buf_adds(out, "  ");
	if (seq > 0)
		notice_number(cfg, today.y, seq, out);
	else
		buf_adds(out, _("(the number is given when the notice is saved)"));
	buf_adds(out, "\n\n");
	text_sanitize(buf_str(&name), out);
	buf_printf(out, "%s\n\n", _(":"));
	buf_printf(&para, "%s", _("As of "));
	add_long_date(&para, today);
	buf_printf(&para, P_(", the following %d item of your agency is overdue or due within %d "
	    "working days. Please complete it at once and report to our bureau.",
	    ", the following %d items of your agency are overdue or due within %d working days "
	    "(the most overdue first). Please complete them at once and report to our bureau.",
	    n_urgent), n_urgent, cfg->due_soon_workdays);
	add_para(out, buf_str(&para));
	buf_addc(out, '\n');
	for (i = 0; i < n_urgent; i++)
		add_item(out, cfg, cal, today, &items[i], i + 1);
	buf_addc(out, '\n');
	add_para(out, _("Legal basis: 行政诉讼法 第67条 (defence within 15 days); "
	    "行政复议法 第48条、第54条 (reply within 10 / 5 working days); for suggestions the "
	    "period in the document, or the local rule."));
	if (cfg->notice_contact[0] != '\0' || cfg->notice_phone[0] != '\0') {
		buf_addc(out, '\n');
		if (cfg->notice_contact[0] != '\0') {
			buf_printf(out, _("Contact: %s"), cfg->notice_contact);
			buf_adds(out, "    ");
		}
		if (cfg->notice_phone[0] != '\0')
			buf_printf(out, _("Telephone: %s"), cfg->notice_phone);
		buf_addc(out, '\n');
	}
	buf_adds(out, "\n\n");
	buf_printf(out, "%40s", "");
	text_sanitize(cfg->notice_bureau, out);
	buf_printf(out, "\n%40s", "");
	add_long_date(out, today);
	buf_addc(out, '\n');
out:
	dashboard_items_free(items, n_items);
	buf_release(&name);
	buf_release(&para);
	return rc;
}

int
notice_issue(struct db *db, const struct config *cfg, struct date today, int64_t agency_id,
    int *seq, struct duban_err *err)
{
	sqlite3_stmt *st = NULL;
	struct buf number = BUF_INIT;
	char iso[DATE_ISO_LEN];
	int next = 0;
	int rc;

	rc = access_require(db, ACCESS_EDIT_RECORDS, err);
	if (rc != DUBAN_OK)
		return rc;
	rc = db_begin(db, err);
	if (rc != DUBAN_OK)
		return rc;
	rc = db_prepare(db, "SELECT coalesce(max(seq), 0) + 1 FROM notices WHERE year = ?1", &st,
	    err);
	if (rc != DUBAN_OK)
		goto out;
	sqlite3_bind_int(st, 1, today.y);
	if (sqlite3_step(st) == SQLITE_ROW)
		next = sqlite3_column_int(st, 0);
	else
		rc = db_fail(db, _("numbering the notice"), err);
	sqlite3_finalize(st);
	st = NULL;
	if (rc != DUBAN_OK)
		goto out;
	notice_number(cfg, today.y, next, &number);
	rc = db_prepare(db, "INSERT INTO notices (year, seq, agency_id, issued_on, number, login,"
	    " at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st, err);
	if (rc != DUBAN_OK)
		goto out;
	sqlite3_bind_int(st, 1, today.y);
	sqlite3_bind_int(st, 2, next);
	sqlite3_bind_int64(st, 3, agency_id);
	sqlite3_bind_text(st, 4, date_format(today, iso), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, buf_str(&number), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, db_actor_login(db) != NULL ? db_actor_login(db) : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 7, db_actor_now(db) != NULL ? db_actor_now(db) : "", -1,
	    SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, _("recording the notice"), err);
out:
	sqlite3_finalize(st);
	buf_release(&number);
	rc = db_end(db, rc, err);
	if (rc == DUBAN_OK)
		*seq = next;
	return rc;
}
