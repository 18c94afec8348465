/* include/duban/training.h: training attended by enforcement officers (培训学时), a record kind
 * (record.h). */
#ifndef DUBAN_TRAINING_H
#define DUBAN_TRAINING_H

struct kind_def;

extern const struct kind_def training_kind;

#endif
