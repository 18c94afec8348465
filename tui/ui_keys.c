/* tui/ui_keys.c: key bindings. Defaults below; duban.ini [keys] rebinds ("move-down = j Down"
 * for every screen, "list.open = Enter o" for one). The help screen and the key bar are
 * generated from these tables, never written by hand. */
#include <curses.h>
#include "duban/tui/ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duban/i18n.h"
#include "duban/mem.h"

static const struct {
	const char *name;
	const char *brief;
	const char *help;
} actions[ACT_COUNT] = {
	[ACT_NONE] = { "", "", "" },
#define X(id, name, brief, help) [ACT_##id] = { name, brief, help },
	ACTION_LIST(X)
#undef X
};

struct binding {
	const char *keymap;
	enum action act;
	const char *keys;	/* key names separated by blanks */
};

static const struct binding default_bindings[] = {
	{ "generic", ACT_MOVE_UP, "k Up" },
	{ "generic", ACT_MOVE_DOWN, "j Down" },
	{ "generic", ACT_MOVE_LEFT, "h Left" },
	{ "generic", ACT_MOVE_RIGHT, "l Right" },
	{ "generic", ACT_PAGE_UP, "PgUp ^B" },
	{ "generic", ACT_PAGE_DOWN, "PgDn ^F Space" },
	{ "generic", ACT_HOME, "Home g" },
	{ "generic", ACT_END, "End G" },
	{ "generic", ACT_OPEN, "Enter" },
	{ "generic", ACT_BACK, "Esc q" },
	{ "generic", ACT_NEXT_PANE, "Tab" },
	{ "generic", ACT_HELP, "? F1" },
	{ "generic", ACT_MENU, ": F9" },
	{ "generic", ACT_REDRAW, "^L" },
	{ "generic", ACT_QUIT, "F10 Q" },
	{ "generic", ACT_GO_DASHBOARD, "1" },
	{ "generic", ACT_GO_LITIGATION, "2" },
	{ "generic", ACT_GO_HEARING, "3" },
	{ "generic", ACT_GO_RECONSIDERATION, "4" },
	{ "generic", ACT_GO_SUGGESTION, "5" },
	{ "generic", ACT_GO_AGENCY, "6" },
	{ "generic", ACT_GO_ASSESS, "7" },
	{ "generic", ACT_GO_IMPORT, "8" },
	{ "confirm", ACT_YES, "y Y" },
	{ "confirm", ACT_NO, "n N Esc" },
	{ "import", ACT_RUN_IMPORT, "F2" },
	{ "import", ACT_SKIP_INVALID, "Space" },
	{ "import", ACT_CHOOSE_KIND, "K" },
	{ "list", ACT_EXPORT, "x" },
	{ "list", ACT_AGENCY_FILTER, "A" },
	{ "assess", ACT_FINALIZE, "F" },
	{ "assess", ACT_EXPORT, "x" },
	{ "assess", ACT_SORT, "s" },
	{ "assess", ACT_KIND_FILTER, "f" },
	{ "assess", ACT_PREV_YEAR, "< h Left" },
	{ "assess", ACT_NEXT_YEAR, "> l Right" },
	{ "assess-agency", ACT_EXPORT, "x" },
	{ "record", ACT_RELOAD, "r F5" },
	{ "dashboard", ACT_NOTICE, "n" },
	{ "agency", ACT_NOTICE, "n" },
	{ "agency", ACT_RELOAD, "r F5" },
	{ "dashboard", ACT_RELOAD, "r F5" },
	{ "list", ACT_FILTER, "/" },
	{ "list", ACT_SORT, "s" },
	{ "list", ACT_STATUS_FILTER, "f" },
	{ "list", ACT_NEW, "a Ins F7" },
	{ "list", ACT_EDIT, "e F4" },
	{ "list", ACT_RELOAD, "r F5" },
	{ "list", ACT_NOTICE, "n" },
	{ "record", ACT_EDIT, "e F4" },
	{ "record", ACT_NEW, "a F7" },
	{ "record", ACT_DELETE, "D F8" },
	{ "record", ACT_NOTICE, "n" },
	{ "record", ACT_EXPLAIN, "w F6" },
	/* Where text is typed: editing keys first ("edit", shared by every text keymap). */
	{ "edit", ACT_MOVE_LEFT, "Left" },
	{ "edit", ACT_MOVE_RIGHT, "Right" },
	{ "edit", ACT_LINE_START, "Home ^A" },
	{ "edit", ACT_LINE_END, "End ^E" },
	{ "edit", ACT_DELETE_BACK, "Backspace ^H" },
	{ "edit", ACT_DELETE_CHAR, "Del ^D" },
	{ "edit", ACT_CLEAR_LINE, "^U" },
	{ "form", ACT_SAVE, "F2 ^S" },
	{ "form", ACT_BACK, "Esc" },
	{ "form", ACT_PICK, "Enter" },
	{ "form", ACT_NEXT_FIELD, "Tab Down ^N" },
	{ "form", ACT_PREV_FIELD, "BTab Up ^P" },
	{ "form", ACT_PAGE_UP, "PgUp" },
	{ "form", ACT_PAGE_DOWN, "PgDn" },
	{ "line", ACT_OPEN, "Enter" },
	{ "line", ACT_BACK, "Esc" },
	{ "picker", ACT_PICK, "Enter" },
	{ "picker", ACT_BACK, "Esc" },
	{ "picker", ACT_MOVE_UP, "Up ^P" },
	{ "picker", ACT_MOVE_DOWN, "Down ^N" },
	{ "picker", ACT_PAGE_UP, "PgUp" },
	{ "picker", ACT_PAGE_DOWN, "PgDn" },
	{ "notice", ACT_SAVE, "F2 s" },
	{ "explain", ACT_SAVE, "F2 s" },
};

#define N_DEFAULT (sizeof(default_bindings) / sizeof(default_bindings[0]))

/* Bindings in force: defaults, then overrides from the configuration (owned strings). */
static struct binding *bindings;
static size_t n_bindings;

static void
ensure_loaded(void)
{
	size_t i;

	if (bindings != NULL)
		return;
	bindings = xcalloc(N_DEFAULT, sizeof(*bindings));
	for (i = 0; i < N_DEFAULT; i++)
		bindings[i] = default_bindings[i];
	n_bindings = N_DEFAULT;
}

const char *
ui_action_brief(enum action act)
{
	return (unsigned)act < ACT_COUNT ? _(actions[act].brief) : "";
}

const char *
ui_action_help(enum action act)
{
	return (unsigned)act < ACT_COUNT ? _(actions[act].help) : "";
}

/* Name of a key as bindings spell it; "" if it has none. */
static void
ui_key_name(int kind, wint_t key, char *out, size_t size)
{
	out[0] = '\0';
	if (kind == KEY_CODE_YES) {
		static const struct {
			int code;
			const char *name;
		} named[] = {
			{ KEY_UP, "Up" }, { KEY_DOWN, "Down" }, { KEY_LEFT, "Left" },
			{ KEY_RIGHT, "Right" }, { KEY_PPAGE, "PgUp" }, { KEY_NPAGE, "PgDn" },
			{ KEY_HOME, "Home" }, { KEY_END, "End" }, { KEY_ENTER, "Enter" },
			{ KEY_IC, "Ins" }, { KEY_DC, "Del" }, { KEY_BTAB, "BTab" },
			{ KEY_BACKSPACE, "Backspace" },
		};
		size_t i;

		for (i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
			if ((int)key == named[i].code) {
				snprintf(out, size, "%s", named[i].name);
				return;
			}
		}
		if ((int)key >= KEY_F(1) && (int)key <= KEY_F(12))
			snprintf(out, size, "F%d", (int)key - KEY_F(0));
		return;
	}
	if (key == '\r' || key == '\n')
		snprintf(out, size, "Enter");
	else if (key == 27)
		snprintf(out, size, "Esc");
	else if (key == '\t')
		snprintf(out, size, "Tab");
	else if (key == ' ')
		snprintf(out, size, "Space");
	else if (key == 127)
		snprintf(out, size, "Backspace");
	else if (key < 32)
		snprintf(out, size, "^%c", (char)(key + '@'));
	else if (key < 127)
		snprintf(out, size, "%c", (char)key);
}

/* A small number from n decimal digits; -1 if any is not a digit. */
static int
atoi_safe_digits(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static bool
binding_has_key(const char *list, const char *name)
{
	size_t len = strlen(name);
	const char *p = list;

	while (*p != '\0') {
		size_t n = strcspn(p, " ");

		if (n == len && strncmp(p, name, n) == 0)
			return true;
		p += n;
		while (*p == ' ')
			p++;
	}
	return false;
}

static enum action
lookup(const char *keymap, const char *name)
{
	size_t i;

	/* Later bindings (configuration) win over earlier ones (defaults). */
	for (i = n_bindings; i-- > 0;)
		if (strcmp(bindings[i].keymap, keymap) == 0 && binding_has_key(bindings[i].keys, name))
			return bindings[i].act;
	return ACT_NONE;
}

static bool keys_in(const char *keymap, enum action act, char *out, size_t size);

bool
ui_keymap_types(const char *keymap)
{
	return strcmp(keymap, "form") == 0 || strcmp(keymap, "line") == 0 ||
	    strcmp(keymap, "picker") == 0;
}

/* A key that types a character where text is typed: one printable character, or Space. */
static bool
types_char(const char *name, size_t n)
{
	return (n == 1 && name[0] > 32 && name[0] < 127) || (n == 5 &&
	    strncmp(name, "Space", 5) == 0);
}

enum action
ui_key_action(const char *keymap, int kind, wint_t key)
{
	char name[16];
	enum action a;

	ensure_loaded();
	ui_key_name(kind, key, name, sizeof(name));
	if (name[0] == '\0')
		return ACT_NONE;
	a = lookup(keymap, name);
	if (a == ACT_NONE && ui_keymap_types(keymap)) {
		char own[128];

		a = lookup("edit", name);
		/* Rebound for this screen (form.clear-line = ^K): the editing default is gone. */
		if (a != ACT_NONE && keys_in(keymap, a, own, sizeof(own)))
			return ACT_NONE;
		if (types_char(name, strlen(name)))
			return a;
	}
	if (a == ACT_NONE)
		a = lookup("generic", name);
	return a;
}

/* keys without the ones that type a character. */
static void
without_typing(const char *keys, char *out, size_t size)
{
	const char *p = keys;
	size_t used = 0;

	out[0] = '\0';
	while (*p != '\0') {
		size_t n = strcspn(p, " ");

		if (n > 0 && !types_char(p, n) && used + n + 2 <= size) {
			if (used > 0)
				out[used++] = ' ';
			memcpy(out + used, p, n);
			used += n;
			out[used] = '\0';
		}
		p += n;
		while (*p == ' ')
			p++;
	}
}

/* The keys bound to act in exactly keymap; false if none is. */
static bool
keys_in(const char *keymap, enum action act, char *out, size_t size)
{
	size_t i;

	for (i = n_bindings; i-- > 0;) {
		if (bindings[i].act == act && strcmp(bindings[i].keymap, keymap) == 0) {
			snprintf(out, size, "%s", bindings[i].keys);
			return true;
		}
	}
	return false;
}

void
ui_keys_of(const char *keymap, enum action act, char *out, size_t size)
{
	char generic[128];

	ensure_loaded();
	out[0] = '\0';
	if (keys_in(keymap, act, out, size))
		return;
	if (!ui_keymap_types(keymap)) {
		keys_in("generic", act, out, size);
		return;
	}
	/* Where text is typed, a key takes the first binding that has it (as
	 * ui_key_action does): this screen's, then the editing keys, then generic ones that do
	 * not type a character and are not taken already. */
	if (keys_in("edit", act, out, size))
		return;
	if (keys_in("generic", act, generic, sizeof(generic))) {
		char kept[128];
		const char *p;
		size_t used = 0;

		without_typing(generic, kept, sizeof(kept));
		for (p = kept; *p != '\0';) {
			size_t n = strcspn(p, " ");
			char name[16];

			snprintf(name, sizeof(name), "%.*s", (int)n, p);
			if (n > 0 && lookup(keymap, name) == ACT_NONE && lookup("edit", name) ==
			    ACT_NONE && used + n + 2 <= size) {
				if (used > 0)
					out[used++] = ' ';
				memcpy(out + used, p, n);
				used += n;
				out[used] = '\0';
			}
			p += n;
			while (*p == ' ')
				p++;
		}
	}
}


static const char *const keymaps[] = {
	"generic", "dashboard", "list", "record", "form", "notice", "explain", "help", "menu", "assess",
	"assess-agency", "assess-sources", "import", "agency", "edit", "line", "picker", "confirm",
	NULL,
};

/* A key name bindings accept: one printable character, ^X, F1..F12, or a named key. */
static bool
valid_key_name(const char *k, size_t n)
{
	static const char *const named[] = { "Up", "Down", "Left", "Right", "PgUp", "PgDn",
		"Home", "End", "Enter", "Ins", "Del", "BTab", "Backspace", "Esc", "Tab", "Space",
		NULL };
	size_t i;

	if (n == 1 && k[0] > 32 && k[0] < 127)
		return true;
	if (n == 2 && k[0] == '^' && k[1] >= '@' && k[1] <= '_')
		return true;
	if ((n == 2 || n == 3) && k[0] == 'F') {
		int f = atoi_safe_digits(k + 1, n - 1);

		return f >= 1 && f <= 12;
	}
	for (i = 0; named[i] != NULL; i++)
		if (strlen(named[i]) == n && strncmp(named[i], k, n) == 0)
			return true;
	return false;
}

bool
ui_keys_configure(const char *lines, char *msg, size_t msg_size)
{
	const char *p = lines;

	ensure_loaded();
	while (*p != '\0') {
		const char *tab = strchr(p, '\t');
		const char *nl = strchr(p, '\n');
		char name[96];
		char keys[128];
		const char *dot;
		const char *action;
		const char *keymap = "generic";
		char km[32];
		int a;
		const char *k;

		if (tab == NULL || nl == NULL || tab > nl)
			return false;
		snprintf(name, sizeof(name), "%.*s", (int)(tab - p), p);
		snprintf(keys, sizeof(keys), "%.*s", (int)(nl - tab - 1), tab + 1);
		p = nl + 1;
		dot = strchr(name, '.');
		action = name;
		if (dot != NULL) {
			size_t i;
			bool known = false;

			snprintf(km, sizeof(km), "%.*s", (int)(dot - name), name);
			for (i = 0; keymaps[i] != NULL; i++)
				known = known || strcmp(keymaps[i], km) == 0;
			if (!known) {
				snprintf(msg, msg_size, _("[keys] %s: there is no screen \"%s\""), name, km);
				return false;
			}
			keymap = keymaps[0];
			for (i = 0; keymaps[i] != NULL; i++)
				if (strcmp(keymaps[i], km) == 0)
					keymap = keymaps[i];
			action = dot + 1;
		}
		for (a = ACT_NONE + 1; a < ACT_COUNT; a++)
			if (strcmp(actions[a].name, action) == 0)
				break;
		if (a == ACT_COUNT) {
			snprintf(msg, msg_size, _("[keys] %s: there is no action \"%s\" (see the help "
			    "screen, ?)"), name, action);
			return false;
		}
		for (k = keys; *k != '\0';) {
			size_t n = strcspn(k, " ");

			if (n > 0 && !valid_key_name(k, n)) {
				snprintf(msg, msg_size, _("[keys] %s: \"%.*s\" is not a key name (a "
				    "character, ^X, F1-F12, Up, Down, Left, Right, PgUp, PgDn, Home, End, "
				    "Enter, Ins, Del, Esc, Tab, BTab, Space, Backspace)"), name, (int)n, k);
				return false;
			}
			k += n;
			while (*k == ' ')
				k++;
		}
		bindings = xreallocarray(bindings, n_bindings + 1, sizeof(*bindings));
		bindings[n_bindings].keymap = keymap;
		bindings[n_bindings].act = (enum action)a;
		bindings[n_bindings].keys = xstrdup(keys);	/* lives as long as the desk */
		n_bindings++;
	}
	return true;
}
