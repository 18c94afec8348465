/* include/duban/agency.h: the agencies (机关) whose work the bureau supervises. */
#ifndef DUBAN_AGENCY_H
#define DUBAN_AGENCY_H

#include <stdint.h>

struct buf;
struct db;
struct duban_err;
struct kind_def;

extern const struct kind_def agency_kind;

/* Find a live agency by name, short name or code (in that order). DUBAN_EINPUT when none
 * matches, with up to three closest names suggested in the message. */
int agency_resolve(struct db *db, const char *text, int64_t *id, struct duban_err *err);
/* Like agency_resolve, but part of a name or short name is enough when it fits exactly one
 * live agency; DUBAN_EINPUT naming the first few when it fits several. */
int agency_resolve_part(struct db *db, const char *text, int64_t *id, struct duban_err *err);
/* Append the agency's name (or "#id" if it is gone). */
int agency_name(struct db *db, int64_t id, struct buf *out, struct duban_err *err);

#endif
