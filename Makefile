# duban — build, test, demo, install.  `make help` lists the targets.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/duban
LOCALEDIR  ?= $(PREFIX)/share/locale
MANDIR     ?= $(PREFIX)/share/man/man1

CC         ?= cc
PKGS       := ncursesw sqlite3 xlsxwriter libzip expat
CSV_LIBS   ?= -lcsv
INI_CFLAGS ?= -I/usr/include/iniparser
INI_LIBS   ?= -liniparser
WARN       := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
              -Wmissing-prototypes -Wformat=2 -Wwrite-strings -Wvla -Wundef
OPT        ?= -O2 -g
SAN        := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# pkg-config is asked only when building: `make deps` must work before it is installed.
PKG_CFLAGS  = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS    = $(shell pkg-config --libs sqlite3 xlsxwriter libzip expat 2>/dev/null)
CURSES_LIBS = $(shell pkg-config --libs ncursesw 2>/dev/null)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

CPPFLAGS   += -Iinclude $(PKG_CFLAGS) $(INI_CFLAGS) -MMD -MP
CFLAGS     ?=
CFLAGS     += $(WARN) $(OPT)
CORE_LIBS   = $(PKG_LIBS) $(CSV_LIBS) $(INI_LIBS) -lm

ifeq ($(V),1)
Q :=
else
Q := @
endif

CORE_SRC := $(sort $(wildcard core/*.c))
TUI_SRC  := $(sort $(wildcard tui/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))

B  := build
BA := build/asan

CORE_OBJ   := $(CORE_SRC:%.c=$(B)/%.o)
TUI_OBJ    := $(TUI_SRC:%.c=$(B)/%.o)
CORE_OBJ_A := $(CORE_SRC:%.c=$(BA)/%.o)
TUI_OBJ_A  := $(TUI_SRC:%.c=$(BA)/%.o)
UNIT_BIN   := $(UNIT_SRC:tests/unit/%.c=$(B)/t/%)
UNIT_BIN_A := $(UNIT_SRC:tests/unit/%.c=$(BA)/t/%)

PO   := $(wildcard data/po/*.po)
MO   := $(PO:data/po/%.po=$(B)/locale/%/LC_MESSAGES/duban.mo)

# Nothing built is an intermediate to delete afterwards: the unit test objects stay, so
# `make unit valgrind` compiles them once.
.SECONDARY:

# Debian packages the build, the tests and the demo need (checked by `make deps`).
DEB_PKGS := build-essential pkg-config libncurses-dev libsqlite3-dev sqlite3 libcsv-dev \
            libiniparser-dev libcmocka-dev gettext tmux clang libclang-rt-dev valgrind \
            python3-icalendar libxlsxwriter-dev libzip-dev libexpat1-dev python3-openpyxl

.PHONY: all deps demo test unit asan-unit cli-test tui-test asan bench lint install clean help pot \
	fuzz fuzz-smoke stress-test stress-long valgrind valgrind-unit valgrind-cli test-lint \
	test-stages

all: $(B)/duban $(MO)

help:
	@echo "make          build build/duban"
	@echo "make deps     install the missing Debian packages (needs root or sudo)"
	@echo "make demo     deps, build, seed build/demo.db and open the desk on it"
	@echo "make test     deps, then every stage at once: lint, unit tests (plain, ASan/UBSan,"
	@echo "              valgrind), CLI, terminal, stress and fuzz smoke tests; ends with"
	@echo "              \"N passed, N failed, N skipped\" (doc/testing.md)"
	@echo "make unit / asan-unit / cli-test / tui-test / stress-test / valgrind / fuzz-smoke"
	@echo "              one stage of make test (cli-test, tui-test: FILTER=word)"
	@echo "make stress-long  kill -9 at 1000+ points and 8 writers x 30 s (not part of make test)"
	@echo "make fuzz     each fuzz target for FUZZ_SECONDS (60) with libFuzzer"
	@echo "make bench    import benchmark against sqlite3 .import"
	@echo "make install  PREFIX=/usr/local: binary, data, translations, man page"
	@echo "make lint     banned functions, curses in core, SQL in tui"

# Installs only what is missing; prints nothing else when everything is there.
deps:
	$(Q)missing=""; for p in $(DEB_PKGS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "duban: installing Debian packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null || exit 1; \
	fi

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	@[ -n "$(Q)" ] && echo "  CC      $<" || true
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BA)/%.o: %.c
	@mkdir -p $(dir $@)
	@[ -n "$(Q)" ] && echo "  CC asan $<" || true
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -O1 $(SAN) -c $< -o $@

$(B)/libduban.a: $(CORE_OBJ)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BA)/libduban.a: $(CORE_OBJ_A)
	$(Q)rm -f $@ && ar rcs $@ $^

$(B)/duban: $(TUI_OBJ) $(B)/libduban.a
	@[ -n "$(Q)" ] && echo "  LD      $@" || true
	$(Q)$(CC) $(CFLAGS) -o $@ $(TUI_OBJ) $(B)/libduban.a $(CURSES_LIBS) $(CORE_LIBS)

$(BA)/duban: $(TUI_OBJ_A) $(BA)/libduban.a
	$(Q)$(CC) $(CFLAGS) $(SAN) -o $@ $(TUI_OBJ_A) $(BA)/libduban.a $(CURSES_LIBS) $(CORE_LIBS)

# Unit tests link core only, without curses: a curses call in core fails here.
$(B)/t/%: $(B)/tests/unit/%.o $(B)/libduban.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS) -o $@ $< $(B)/libduban.a $(CMOCKA_LIBS) $(CORE_LIBS)

$(BA)/t/%: $(BA)/tests/unit/%.o $(BA)/libduban.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS) $(SAN) -o $@ $< $(BA)/libduban.a $(CMOCKA_LIBS) $(CORE_LIBS)

$(B)/locale/%/LC_MESSAGES/duban.mo: data/po/%.po
	@mkdir -p $(dir $@)
	$(Q)msgfmt --check -o $@ $<

# Refresh the message template from the sources (developers; see doc/translating.md).
pot:
	xgettext --from-code=UTF-8 -k_ -kN_ -kP_:1,2 -o data/po/duban.pot $(CORE_SRC) $(TUI_SRC) \
		include/duban/tui/ui.h

# The unit test binaries, several at once; counts every cmocka test (tests/unit/run.sh).
unit: $(UNIT_BIN)
	$(Q)sh tests/unit/run.sh unit $(UNIT_BIN)

asan-unit: $(UNIT_BIN_A)
	$(Q)sh tests/unit/run.sh asan-unit $(UNIT_BIN_A)

asan: $(BA)/duban $(MO)

# CLI and screen tests run against the sanitizer build; FILTER=word runs only the tests
# whose name holds it.
cli-test: $(BA)/duban $(MO)
	$(Q)DUBAN=$(CURDIR)/$(BA)/duban sh tests/cli/run.sh $(FILTER)

tui-test: $(BA)/duban $(MO)
	$(Q)DUBAN=$(CURDIR)/$(BA)/duban sh tests/tui/run.sh $(FILTER)

# Many writers, kill -9, hangups, storage faults, backups (tests/stress/run.sh).
stress-test: $(BA)/duban $(B)/duban $(MO)
	$(Q)DUBAN=$(CURDIR)/$(BA)/duban DUBAN_PLAIN=$(CURDIR)/$(B)/duban sh tests/stress/run.sh

# The long crash and concurrency run (minutes; not part of make test): kill -9 at
# STRESS_KILLS (1000) random points across init, add, edit, import and export, and
# STRESS_WRITERS (8) writers for STRESS_SECONDS (30). tests/stress/long.sh.
stress-long: $(B)/duban $(MO)
	$(Q)DUBAN=$(CURDIR)/$(B)/duban sh tests/stress/long.sh

# The unit tests and a day's worth of commands under valgrind: no leaks, no errors.
VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
valgrind: valgrind-unit valgrind-cli

valgrind-unit: $(UNIT_BIN)
	$(Q)UNIT_WRAP="$(VALGRIND)" sh tests/unit/run.sh valgrind-unit $(UNIT_BIN)

valgrind-cli: $(B)/duban $(MO)
	$(Q)DUBAN="$(VALGRIND) $(CURDIR)/$(B)/duban" sh tests/valgrind.sh

# make test: every stage at once (make -k -j, output grouped per stage), temp files on a
# tmpfs when TMPDIR is not set (the tests are about behaviour, not about fsync), then the
# totals of every stage's counts as the last line. A stage that did not report (a build
# failure) counts as one failure.
TEST_STAGES := valgrind-unit stress-test tui-test cli-test asan-unit valgrind-cli unit \
	fuzz-smoke test-lint
# The names the stages report their counts under (tests/summary.sh), in the same order.
TEST_REPORTS := valgrind-unit stress tui cli asan-unit valgrind-cli unit fuzz-smoke lint
TEST_MAKE_JOBS ?= 6

test-lint: lint
	$(Q)[ -z "$$TEST_COUNTS" ] || echo "lint 1 0 0" >>"$$TEST_COUNTS"
	@echo "lint: 1 passed, 0 failed, 0 skipped"

test-stages: $(TEST_STAGES)

test: deps
	$(Q)base=$${TMPDIR:-}; \
	if [ -z "$$base" ]; then \
		base=/tmp; \
		[ -d /dev/shm ] && [ -w /dev/shm ] && [ "$$(stat -f -c %T /dev/shm)" = tmpfs ] && \
			base=/dev/shm; \
	fi; \
	tmp=$$(mktemp -d "$$base/duban-test.XXXXXX") || exit 1; \
	trap 'rm -rf "$$tmp"' EXIT; trap 'exit 130' INT TERM; \
	mkdir -p $(B); counts=$(CURDIR)/$(B)/test-counts; : >"$$counts"; \
	TMPDIR=$$tmp TEST_COUNTS=$$counts $(MAKE) --no-print-directory -k -j$(TEST_MAKE_JOBS) \
		--output-sync=target all test-stages; \
	sh tests/summary.sh "$$counts" $(TEST_REPORTS)

demo: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)rm -f $(B)/demo.db $(B)/demo.db-wal $(B)/demo.db-shm
	$(Q)$(B)/duban --db $(B)/demo.db init --demo
	$(Q)$(B)/duban --db $(B)/demo.db

bench: all
	$(Q)sh tests/bench/run.sh

# Fuzz targets (libFuzzer, clang): core rebuilt with coverage and sanitizers in build/fuzz.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SRC     := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN     := $(FUZZ_SRC:tests/fuzz/%.c=$(B)/fuzz/%)
FUZZ_FLAGS   := -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
CORE_OBJ_F   := $(CORE_SRC:%.c=$(B)/fuzz/%.o)

$(B)/fuzz/core/%.o: core/%.c
	@mkdir -p $(dir $@)
	$(Q)$(FUZZ_CC) $(CPPFLAGS) -std=c11 $(FUZZ_FLAGS) -c $< -o $@

$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(CORE_OBJ_F)
	@mkdir -p $(dir $@)
	$(Q)$(FUZZ_CC) $(CPPFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -o $@ $< \
		$(CORE_OBJ_F) $(CORE_LIBS)

# make fuzz FUZZ_SECONDS=600: each target for that long (TEST_JOBS at once), the corpus kept
# in build/fuzz/corpus, findings in build/fuzz/artifacts (tests/fuzz/run.sh).
fuzz: $(FUZZ_BIN)
	$(Q)DUBAN_DATA=$(CURDIR)/data FUZZ_CORPUS=$(CURDIR)/$(B)/fuzz/corpus \
		sh tests/fuzz/run.sh fuzz $(FUZZ_SECONDS) $(FUZZ_BIN)

# A few seconds of each target (its seed corpus, then new inputs), all at once, for make test.
fuzz-smoke: $(FUZZ_BIN)
	$(Q)DUBAN_DATA=$(CURDIR)/data sh tests/fuzz/run.sh fuzz-smoke 2 $(FUZZ_BIN)

# Banned calls (STYLE.md §5) and curses in core.
lint:
	$(Q)! grep -nE '\b(strcpy|strcat|strncpy|sprintf|vsprintf|strtok|gets|atoi|localtime)\s*\(' \
		core/*.c tui/*.c include/duban/*.h || { echo "lint: banned function above"; exit 1; }
	$(Q)! grep -nE '(^|[^_[:alnum:].>])time\s*\(\s*(NULL|0|&)' core/*.c || \
		{ echo "lint: time() in core"; exit 1; }
	$(Q)! grep -nE '#include *[<"](n)?curses' core/*.c include/duban/*.h || \
		{ echo "lint: curses in core"; exit 1; }
	$(Q)! grep -nE 'sqlite3_(mprintf|vmprintf|snprintf)' core/*.c tui/*.c || \
		{ echo "lint: SQL built from strings"; exit 1; }
	$(Q)! grep -nE 'sqlite3|SQLITE_|db_sql\.h|db_prepare' tui/*.c include/duban/tui/*.h || \
		{ echo "lint: SQL in tui/ (SQL lives in core; ask a core function)"; exit 1; }

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 755 $(B)/duban $(DESTDIR)$(BINDIR)/duban
	install -m 644 data/duban.ini data/assessment.ini $(DESTDIR)$(DATADIR)/
	install -d $(DESTDIR)$(DATADIR)/calendar
	install -m 644 data/calendar/*.txt data/calendar/LICENSE-holiday-cn \
		$(DESTDIR)$(DATADIR)/calendar/
	install -m 644 doc/duban.1 $(DESTDIR)$(MANDIR)/duban.1
	for mo in $(MO); do \
		l=$$(echo $$mo | sed 's|$(B)/locale/||; s|/.*||'); \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES; \
		install -m 644 $$mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/duban.mo; \
	done

clean:
	rm -rf $(B)

-include $(CORE_OBJ:.o=.d) $(TUI_OBJ:.o=.d) $(CORE_OBJ_A:.o=.d) $(TUI_OBJ_A:.o=.d)
-include $(UNIT_SRC:tests/unit/%.c=$(B)/tests/unit/%.d) $(UNIT_SRC:tests/unit/%.c=$(BA)/tests/unit/%.d)
-include $(CORE_OBJ_F:.o=.d) $(FUZZ_BIN:=.d)
