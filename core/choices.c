/* core/choices.c: enumerations shared by record kinds. */
#include "duban/choices.h"

#include <stddef.h>

#include "duban/i18n.h"
#include "duban/record.h"

const struct field_choice choices_delivery[] = {
	{ "", "", N_("not recorded"), 0 },
	{ "in-person", "当面", N_("in person"), 0 },
	{ "mail", "邮寄", N_("by mail"), 0 },
	{ "electronic", "电子", N_("electronically"), 0 },
	{ NULL, NULL, NULL, 0 },
};
