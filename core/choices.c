/* core/choices.c: enumerations shared by record kinds. */
#include "duban/choices.h"

#include <stddef.h>

#include "duban/i18n.h"
#include "duban/record.h"

const struct field_choice choices_delivery[] = {
	{ "", "", N_("not recorded") },
	{ "in-person", "当面", N_("in person") },
	{ "mail", "邮寄", N_("by mail") },
	{ "electronic", "电子", N_("electronically") },
	{ NULL, NULL, NULL },
};
