/* include/duban/demo.h: a realistic, deterministic demo data set placed around today. */
#ifndef DUBAN_DEMO_H
#define DUBAN_DEMO_H

struct duban_err;
struct record_env;

/* Fill an empty database (through the record engine, so everything is validated and audited)
 * with about 40 agencies and three years of litigation with hearings, reconsideration cases
 * and suggestions: most closed, some overdue, due today and due soon; appearance rates that
 * differ between agencies. Same today, same data. One transaction. */
int demo_seed(const struct record_env *env, struct duban_err *err);

#endif
