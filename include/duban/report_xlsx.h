/* include/duban/report_xlsx.h: reports other than record lists as an Excel workbook (.xlsx),
 * through the workbook writer (xlsx_out.h) and written beside the target and renamed into
 * place (safefile.h): the dashboard's counts per duty, urgent items and agencies, a sheet
 * each; the assessment's ranking and indicator lines. The dashboard's headers speak the
 * interface language; counts, rates and scores are numbers, dates dates. */
#ifndef DUBAN_REPORT_XLSX_H
#define DUBAN_REPORT_XLSX_H

struct assess_agency;
struct assess_result;
struct dashboard;
struct duban_err;

/* Write d to path; db_file (may be NULL) is the database, which path must not be. */
int report_xlsx_dashboard(const struct dashboard *d, const char *path, const char *db_file,
    struct duban_err *err);

/* The assessment of r as a workbook: sheet 排名 has the columns of `assess --format csv`
 * (agencies of kind only, unless NULL), sheet 指标明细 every agency's indicator lines with the
 * columns of the desk's one-agency CSV; only that agency unless only is NULL. Years, ranks
 * and scores are numbers. */
int report_xlsx_assess(const struct assess_result *r, const char *kind,
    const struct assess_agency *only, const char *path, const char *db_file,
    struct duban_err *err);

#endif
