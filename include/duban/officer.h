/* include/duban/officer.h: enforcement officers and their certificates (行政执法人员、执法证件),
 * a record kind (record.h). */
#ifndef DUBAN_OFFICER_H
#define DUBAN_OFFICER_H

struct kind_def;

extern const struct kind_def officer_kind;

#endif
