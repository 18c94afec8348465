/* include/duban/hearing.h: hearings of litigation cases (开庭), a record kind (record.h). */
#ifndef DUBAN_HEARING_H
#define DUBAN_HEARING_H

struct kind_def;

extern const struct kind_def hearing_kind;

#endif
