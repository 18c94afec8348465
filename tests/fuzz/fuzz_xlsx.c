/* tests/fuzz/fuzz_xlsx.c: a workbook whose sheet XML is any bytes (wrapped in a well-formed
 * archive with a workbook, relationships, styles and shared strings, so that the input reaches
 * the sheet parser) is read row by row or refused with a message; never a crash, never an
 * unbounded allocation. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zip.h>

#include "duban/buf.h"
#include "duban/err.h"
#include "duban/xlsx_in.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char workbook[] = "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" sheetId=\"1\" "
    "r:id=\"rId1\"/></sheets></workbook>";
static const char rels[] = "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"x/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"x/styles\" "
    "Target=\"styles.xml\"/></Relationships>";
static const char strings[] = "<sst><si><t>案号</t></si><si><r><t>a</t></r><rPh><t>x</t></rPh>"
    "</si></sst>";
static const char styles[] = "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode="
    "\"yyyy&quot;年&quot;\"/></numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
    "<xf numFmtId=\"164\"/></cellXfs></styleSheet>";

static void
add(zip_t *z, const char *name, const void *p, size_t len)
{
	zip_source_t *s = zip_source_buffer(z, p, len, 0);

	if (s != NULL && zip_file_add(z, name, s, ZIP_FL_OVERWRITE) < 0)
		zip_source_free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	struct xlsx_in *x = NULL;
	struct duban_err err;
	const struct buf *cells = NULL;
	long row = 0;
	size_t n = 0;
	zip_t *z;
	int e = 0;

	snprintf(path, sizeof(path), "/tmp/duban-fuzz-xlsx.%ld.xlsx", (long)getpid());
	z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &e);
	if (z == NULL)
		return 0;
	add(z, "xl/workbook.xml", workbook, strlen(workbook));
	add(z, "xl/_rels/workbook.xml.rels", rels, strlen(rels));
	add(z, "xl/sharedStrings.xml", strings, strlen(strings));
	add(z, "xl/styles.xml", styles, strlen(styles));
	add(z, "xl/worksheets/sheet1.xml", data, size);
	if (zip_close(z) != 0) {
		zip_discard(z);
		return 0;
	}
	if (xlsx_in_open(path, "fuzz.xlsx", NULL, &x, &err) == DUBAN_OK) {
		while (xlsx_in_next(x, &row, &n, &cells, &err) == DUBAN_OK && n > 0)
			;
		xlsx_in_close(x);
	} else if (err.msg[0] == '\0') {
		abort();
	}
	unlink(path);
	return 0;
}
