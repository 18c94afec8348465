/* include/duban/filing.h: filings of work rules (制度备案), a record kind (record.h). */
#ifndef DUBAN_FILING_H
#define DUBAN_FILING_H

struct kind_def;

extern const struct kind_def filing_kind;

#endif
