/* include/duban/choices.h: enumerations shared by several record kinds. */
#ifndef DUBAN_CHOICES_H
#define DUBAN_CHOICES_H

#include <stdbool.h>

#include "duban/record.h"

/* How a document was delivered: in person, by mail (on time if mailed before the deadline,
 * 民诉法 第85条), electronically. */
extern const struct field_choice choices_delivery[];

#endif
