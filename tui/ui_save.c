/* tui/ui_save.c: the questions before the desk writes a file for people to open elsewhere:
 * replace a file of that name? which encoding for the spreadsheet? */
#include "duban/tui/ui.h"

#include <stdio.h>
#include <sys/stat.h>

#include "duban/buf.h"
#include "duban/encoding.h"
#include "duban/i18n.h"

void
ui_file_name(const char *stem, const char *suffix, struct buf *out)
{
	const char *p;

	/* Words of the interface language; nothing a file name cannot hold. */
	for (p = stem; *p != '\0'; p++)
		buf_addc(out, *p == '/' || *p == '\\' || *p == ' ' || (unsigned char)*p < 32 ?
		    '-' : *p);
	buf_adds(out, suffix);
}

bool
ui_ask_save(struct ui *ui, const char *path, enum encoding *enc)
{
	struct stat st;
	struct buf q = BUF_INIT;
	bool go = true;

	if (stat(path, &st) == 0) {
		buf_printf(&q, _("%s exists. Replace it?"), path);
		go = ui_confirm(ui, buf_str(&q));
		buf_release(&q);
		if (!go) {
			ui_status(ui, false, _("Not saved: %s is as it was."), path);
			return false;
		}
	}
	if (enc != NULL)
		*enc = ui_confirm(ui, _("Save in GB18030 (older Excel)? n: UTF-8 with BOM (Excel "
		    "2016+, WPS)")) ? ENCODING_GB18030 : ENCODING_UTF8;
	return true;
}
