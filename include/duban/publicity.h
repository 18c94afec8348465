/* include/duban/publicity.h: publicity of enforcement decisions (执法决定公示), a record kind
 * (record.h). */
#ifndef DUBAN_PUBLICITY_H
#define DUBAN_PUBLICITY_H

struct kind_def;

extern const struct kind_def publicity_kind;

#endif
