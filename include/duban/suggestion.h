/* include/duban/suggestion.h: judicial and procuratorial suggestions (司法建议、检察建议), a record kind (record.h). */
#ifndef DUBAN_SUGGESTION_H
#define DUBAN_SUGGESTION_H

struct kind_def;

extern const struct kind_def suggestion_kind;

#endif
