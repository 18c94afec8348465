/* core/notice.c: the 督办 notice. Plain text, fixed layout, so it prints and pastes cleanly;
 * every item names its due date, how late it is and the rule behind it. */
#include "duban/notice.h"

#include <string.h>

#include "duban/agency.h"
#include "duban/buf.h"
#include "duban/config.h"
#include "duban/date.h"
#include "duban/duty.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/text.h"

struct notice_ctx {
	struct buf *out;
	const struct calendar *cal;
	const struct config *cfg;
	struct date today;
	int n;
};

static int
add_item(const struct duty_item *it, void *arg)
{
	struct notice_ctx *c = arg;
	char iso[DATE_ISO_LEN];

	c->n++;
	buf_printf(c->out, "%3d. %s  ", c->n, _(it->duty->label));
	text_sanitize(it->key, c->out);
	if (it->party[0] != '\0') {
		buf_adds(c->out, "  ");
		text_sanitize(it->party, c->out);
	}
	buf_adds(c->out, "\n     ");
	date_format(it->due, iso);
	if (it->status == DEADLINE_OVERDUE)
		buf_printf(c->out, _("due %s, overdue by %lld days"), iso,
		    (long long)date_diff_days(it->due, c->today));
	else if (it->status == DEADLINE_DUE_TODAY)
		buf_printf(c->out, _("due %s, that is today"), iso);
	else
	{
		int left = deadline_workdays_between(c->cal, c->today, it->due,
		    c->cfg->makeup_workdays);

		buf_printf(c->out, P_("due %s, %d working day left", "due %s, %d working days left",
		    left), iso, left);
	}
	buf_addc(c->out, '\n');
	return DUBAN_OK;
}

int
notice_build(struct db *db, const struct config *cfg, const struct calendar *cal,
    struct date today, int64_t agency_id, struct buf *out, struct duban_err *err)
{
	struct notice_ctx c = { out, cal, cfg, today, 0 };
	struct duty_window w;
	struct duty_filter f;
	struct buf name = BUF_INIT;
	char iso[DATE_ISO_LEN];
	int rc;
	int i;

	rc = agency_name(db, agency_id, &name, err);
	if (rc != DUBAN_OK)
		return rc;
	duty_window_init(&w, cal, today, cfg->due_soon_workdays, cfg->makeup_workdays);
	memset(&f, 0, sizeof(f));
	f.agency_id = agency_id;
	f.n_status = 3;
	f.status[0] = DEADLINE_OVERDUE;
	f.status[1] = DEADLINE_DUE_TODAY;
	f.status[2] = DEADLINE_DUE_SOON;
	buf_printf(out, "%s\n\n", _("督办通知 (notice to act)"));
	text_sanitize(buf_str(&name), out);
	buf_printf(out, _(":\n\nAs of %s, the following items of your agency are overdue or due\n"
	    "within %d working days. Please complete them at once and report to the\nbureau.\n\n"),
	    date_format(today, iso), cfg->due_soon_workdays);
	for (i = 0; i < duties_n && rc == DUBAN_OK; i++)
		rc = duty_each(db, &duties[i], &w, &f, add_item, &c, err);
	if (rc == DUBAN_OK && c.n == 0)
		buf_printf(out, "%s\n", _("(nothing is overdue or due soon)"));
	buf_printf(out, _("\nLegal basis: 行政诉讼法 第67条 (defence within 15 days);\n"
	    "行政复议法 第48条、第54条 (reply within 10 / 5 working days);\n"
	    "for suggestions the period in the document, or the local rule.\n"
	    "Details: doc/deadlines.md.\n\n%s\n"), date_format(today, iso));
	buf_release(&name);
	return rc;
}
