/* include/duban/sheet.h: what a spreadsheet does to a table on its way back to duban. Excel,
 * WPS and LibreOffice guess types: they put a title row above the header and a total row
 * under the data, write long digit strings in E notation, drop leading zeros and, saving
 * without the right encoding, turn Chinese into "?". These checks let the import say so
 * instead of storing the damage. */
#ifndef DUBAN_SHEET_H
#define DUBAN_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct db;
struct duban_err;
struct kind_def;

/* How many rows with something in them are searched for the header. */
#define SHEET_HEADER_ROWS 10

/* True if the row is a total row: 合计, 总计 or 小计 (blanks inside and a colon after
 * allowed) in one of its first three cells, and every other non-empty cell a number. */
bool sheet_is_total_row(const char *const *cells, size_t n);
/* True if s (blanks around it allowed) is a number in E notation, as a spreadsheet writes a
 * long digit string it took for a number: "3.3052119900101E+017". */
bool sheet_is_e_notation(const char *s);
/* True if s is question marks where text was: two or more "?" and nothing but "?", blanks
 * and ASCII punctuation -- what Chinese becomes in a file saved in an encoding without it. */
bool sheet_is_lost_text(const char *s);
/* True if any of the n cells is lost text (sheet_is_lost_text). */
bool sheet_row_lost_text(const char *const *cells, size_t n);

/* For a new record whose text key field is all digits: the live record of kind k whose key
 * differs from value only in leading zeros ("12345" and "0012345"), which a spreadsheet
 * drops. *id is its id (0: none) and stored its key as recorded. */
int sheet_zero_twin(struct db *db, const struct kind_def *k, int field, const char *value,
    int64_t *id, struct buf *stored, struct duban_err *err);

#endif
