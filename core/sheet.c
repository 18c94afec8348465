/* core/sheet.c: a spreadsheet's marks on a table (title and total rows, E notation, dropped
 * leading zeros, Chinese saved as "?"), recognised so that the import can say what happened
 * instead of storing it. */
#include "duban/sheet.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "duban/buf.h"
#include "duban/db.h"
#include "duban/db_sql.h"
#include "duban/err.h"
#include "duban/i18n.h"
#include "duban/record.h"
#include "duban/text.h"

/* Longest key, in digits, a zero twin is looked for with (an 18-digit identity number and
 * some zeros in front of it). */
#define SHEET_TWIN_DIGITS 24

static const char *const total_words[] = {
	"\xE5\x90\x88\xE8\xAE\xA1",	/* 合计 */
	"\xE6\x80\xBB\xE8\xAE\xA1",	/* 总计 */
	"\xE5\xB0\x8F\xE8\xAE\xA1",	/* 小计 */
	"\xE5\x90\x88\xE8\xA8\x88",	/* 合計 */
	"\xE7\xB8\xBD\xE8\xA8\x88",	/* 總計 */
	NULL,
};

static bool
is_total_word(const char *s)
{
	struct buf b = BUF_INIT;
	const char *t;
	size_t len;
	size_t i;
	bool yes = false;

	text_key_norm(s, &b);	/* blanks gone, full-width colon made ASCII */
	t = buf_str(&b);
	len = b.len;
	if (len > 0 && t[len - 1] == ':')
		len--;
	for (i = 0; total_words[i] != NULL && !yes; i++)
		yes = len == strlen(total_words[i]) && memcmp(t, total_words[i], len) == 0;
	buf_release(&b);
	return yes;
}

/* A number as a spreadsheet shows one: sign, digits with thousands commas, a decimal part,
 * E notation, a percent sign, or an amount in 元/件. */
static bool
is_number(const char *s)
{
	struct buf b = BUF_INIT;
	const char *p;
	bool digits = false;
	bool ok;

	text_trim(s, &b);
	p = buf_str(&b);
	if (*p == '+' || *p == '-')
		p++;
	for (; (*p >= '0' && *p <= '9') || *p == ',' || *p == '.'; p++)
		digits |= *p >= '0' && *p <= '9';
	if (digits && (*p == 'E' || *p == 'e')) {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == '%')
		p++;
	else if (strcmp(p, "\xE5\x85\x83") == 0 || strcmp(p, "\xE4\xBB\xB6") == 0)	/* 元 件 */
		p += 3;
	ok = digits && *p == '\0';
	buf_release(&b);
	return ok;
}

static bool
is_empty(const char *s)
{
	struct buf b = BUF_INIT;
	bool empty;

	text_trim(s, &b);
	empty = b.len == 0;
	buf_release(&b);
	return empty;
}

bool
sheet_is_total_row(const char *const *cells, size_t n)
{
	size_t word = n;
	size_t i;

	for (i = 0; i < n && i < 3 && word == n; i++)
		if (is_total_word(cells[i]))
			word = i;
	if (word == n)
		return false;
	for (i = 0; i < n; i++)
		if (i != word && !is_empty(cells[i]) && !is_number(cells[i]))
			return false;
	return true;
}

bool
sheet_is_e_notation(const char *s)
{
	struct buf b = BUF_INIT;
	const char *p;
	bool ok = false;

	text_trim(s, &b);
	p = buf_str(&b);
	if (*p == '+' || *p == '-')
		p++;
	if (*p < '0' || *p > '9')
		goto out;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.' || *p == ',') {	/* a decimal comma in some locales */
		p++;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p != 'E' && *p != 'e')
		goto out;
	p++;
	if (*p == '+' || *p == '-')
		p++;
	if (*p < '0' || *p > '9')
		goto out;
	while (*p >= '0' && *p <= '9')
		p++;
	ok = *p == '\0';
out:
	buf_release(&b);
	return ok;
}

bool
sheet_is_lost_text(const char *s)
{
	size_t marks = 0;
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p == '?')
			marks++;
		else if (*p >= 0x80 || (*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= 'a' && *p <= 'z'))
			return false;
	}
	return marks >= 2;
}

bool
sheet_row_lost_text(const char *const *cells, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (sheet_is_lost_text(cells[i]))
			return true;
	return false;
}

int
sheet_zero_twin(struct db *db, const struct kind_def *k, int field, const char *value,
    int64_t *id, struct buf *stored, struct duban_err *err)
{
	const struct field_def *f = &k->fields[field];
	struct buf key = BUF_INIT;
	struct buf sql = BUF_INIT;
	struct buf cand = BUF_INIT;
	sqlite3_stmt *st = NULL;
	const char *digits;
	size_t len;
	size_t i;
	int n = 0;
	int step;
	int rc = DUBAN_OK;

	*id = 0;
	text_key_norm(value, &key);
	len = key.len;
	for (i = 0; i < len; i++)
		if (key.data[i] < '0' || key.data[i] > '9')
			break;
	if (f->type != FIELD_TEXT || len == 0 || i < len || len > SHEET_TWIN_DIGITS)
		goto out;
	digits = buf_str(&key);
	while (digits[0] == '0' && digits[1] != '\0')
		digits++;
	/* Every form with other leading zeros: the key column is indexed, so a handful of
	 * equality tests instead of a scan. */
	buf_printf(&sql, "SELECT id, %s FROM %s WHERE deleted = 0 AND %s_key IN (", f->column,
	    k->table, f->column);
	for (i = 0; i <= SHEET_TWIN_DIGITS; i++)
		buf_printf(&sql, "%s?%zu", i > 0 ? ", " : "", i + 1);
	buf_adds(&sql, ") LIMIT 1");
	/* One text per kind, kept for the rows to come; the places a shorter key leaves are
	 * NULL, which matches nothing. */
	rc = db_prepare_cached(db, buf_str(&sql), &st, err);
	if (rc != DUBAN_OK)
		goto out;
	n = (int)(SHEET_TWIN_DIGITS + 1 - strlen(digits));
	for (i = 0; i < (size_t)n; i++) {
		buf_reset(&cand);
		while (cand.len < i)
			buf_addc(&cand, '0');
		buf_adds(&cand, digits);
		if (strcmp(buf_str(&cand), buf_str(&key)) == 0)
			buf_adds(&cand, "\x1f");	/* the key itself: no twin */
		sqlite3_bind_text(st, (int)i + 1, buf_str(&cand), -1, SQLITE_TRANSIENT);
	}
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		buf_adds(stored, (const char *)sqlite3_column_text(st, 1));
	} else if (step != SQLITE_DONE) {
		rc = db_fail(db, _("looking up a record"), err);
	}
	sqlite3_reset(st);
out:
	buf_release(&key);
	buf_release(&sql);
	buf_release(&cand);
	return rc;
}
