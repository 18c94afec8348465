/* include/duban/litigation.h: litigation cases (行政诉讼案件), a record kind (record.h). */
#ifndef DUBAN_LITIGATION_H
#define DUBAN_LITIGATION_H

struct kind_def;

extern const struct kind_def litigation_kind;

#endif
