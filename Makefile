# sc - the social customer care toolkit.
#
#   make                  build the five programs into build/bin
#   make check            build with -Werror, run every test, also under
#                         ASan+UBSan; ends with "N passed, N failed"
#   make check-cluster    only the runs on real engines: GNU parallel over a
#                         local sshd, a one-node Slurm cluster (make check
#                         runs them too)
#   make check-html       sc-report's HTML report in headless Chromium, and
#                         the harness's own checks (make check runs it once
#                         sc-report writes HTML)
#   make demo             run the whole pipeline on a generated week
#   make bench            throughput against jq (see tests/bench)
#   make install          PREFIX=/usr/local DESTDIR= by default
#
# Missing build or test dependencies: make check and make demo run
# scripts/install-deps, which uses apt-get (and names the dnf, apk and
# Homebrew equivalents).

VERSION = 0.1.0

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/sc
DESTDIR ?=

BUILD ?= build
PKG_CONFIG ?= pkg-config
DEPS = libcurl jansson zlib libutf8proc libpcre2-8
DEPS_CFLAGS ?= $(shell $(PKG_CONFIG) --cflags $(DEPS) 2>/dev/null)
DEPS_LIBS ?= $(shell $(PKG_CONFIG) --libs $(DEPS) 2>/dev/null)

WARNINGS = -Wall -Wextra -Wstrict-prototypes -Wmissing-prototypes \
	-Wwrite-strings -Wshadow -Wpointer-arith -Wformat=2 \
	-Wno-format-nonliteral -Wvla -Wundef
# -O3 with link-time optimization: sc-classify runs 7% faster than at
# -O2, with the same output to the byte (make bench).  A link gets -flto
# whenever CFLAGS has it, so LDFLAGS of one's own need not repeat it.
CFLAGS ?= -O3 -g -flto=auto
ifeq ($(SAN),1)
CFLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif
ifeq ($(WERROR),1)
WARNINGS += -Werror
endif
SC_CFLAGS = -std=c11 -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64 -Icommon \
	$(WARNINGS) $(DEPS_CFLAGS) $(CFLAGS)
SC_LIBS = $(DEPS_LIBS) -lm
LINK_LTO = $(filter -flto%,$(CFLAGS))

TOOLS = sc-fetch sc-classify sc-route sc-reply sc-report
COMMON_SRC = $(sort $(wildcard common/*.c))
COMMON_OBJ = $(COMMON_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_SRC = $(sort $(wildcard tests/unit/test-*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz-*.c))
BINS = $(TOOLS:%=$(BUILD)/bin/%)
SCRIPTS = scripts/sc-pg-load scripts/sc-cron
MAN1 = $(TOOLS:%=man/%.1) man/sc-cron.1
MANS = $(MAN1) man/sc-post.5 man/sc-route.5 man/sc.7
DATA = $(shell find data scripts/examples -type f 2>/dev/null | sort)
LEARNED = $(BUILD)/share/sc/classify/intent-en.model
LEARNED_SRC = tools/sc-classify/intent-en.corpus

all: $(BINS) data-stamp $(LEARNED)

# Each tool is tools/NAME.c or the .c files of tools/NAME/.
define tool_rule
$(1)_SRC = $$(sort $$(wildcard tools/$(1).c tools/$(1)/*.c))
$(1)_OBJ = $$($(1)_SRC:%.c=$(BUILD)/obj/%.o)
$(BUILD)/bin/$(1): $$($(1)_OBJ) $(BUILD)/libsc.a
	@mkdir -p $$(@D)
	$$(CC) $$(LINK_LTO) $$(LDFLAGS) -o $$@ $$($(1)_OBJ) $(BUILD)/libsc.a \
	    $$(SC_LIBS)
endef
$(foreach t,$(TOOLS),$(eval $(call tool_rule,$(t))))

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(SC_CFLAGS) $(CPPFLAGS) -MMD -MP -c -o $@ $<

# The compiled-in data directory follows DATADIR; rebuild paths.o when
# it changes.
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
$(BUILD)/obj/common/paths.o: $(BUILD)/datadir.stamp
$(BUILD)/obj/common/paths.o: CPPFLAGS += -DDATADIR='"$(DATADIR)"'

$(BUILD)/libsc.a: $(COMMON_OBJ)
	@rm -f $@
	$(AR) rcs $@ $(COMMON_OBJ)

$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(BUILD)/libsc.a
	@mkdir -p $(@D)
	$(CC) $(LINK_LTO) $(LDFLAGS) -o $@ $< $(BUILD)/libsc.a $(SC_LIBS)

# Data files beside the programs, as they will be installed, so the
# build tree finds them the same way (../share/sc from the binary).
data-stamp: $(DATA)
	@mkdir -p $(BUILD)/share/sc
	@for f in $(DATA); do \
		case $$f in data/*) d=$${f#data/} ;; \
		scripts/examples/*) d=examples/$${f#scripts/examples/} ;; esac; \
		mkdir -p $(BUILD)/share/sc/$$(dirname $$d); \
		cp $$f $(BUILD)/share/sc/$$d; \
	done

# The built-in's corpus model (tools/sc-classify/classify.h), trained by
# the sc-classify just built on the corpus beside its source: the same
# corpus and program give the same bytes.
$(LEARNED): $(LEARNED_SRC) $(BUILD)/bin/sc-classify
	@mkdir -p $(@D)
	@echo "  TRAIN   $@"
	@$(BUILD)/bin/sc-classify --strict --train $@ --plain \
		--features tokens --target intent --seed 1 --epochs 10 \
		$(LEARNED_SRC)
	@chmod 644 $@

tests: all $(UNIT_BIN)

deps:
	@scripts/install-deps --if-missing

check: deps
	@$(MAKE) --no-print-directory WERROR=1 tests
	@$(MAKE) --no-print-directory WERROR=1 SAN=1 BUILD=build-san tests
	@sh tests/check.sh build build-san

check-cluster: deps
	@$(MAKE) --no-print-directory WERROR=1 all
	@SC_CHECK_ONLY='cluster:*' sh tests/check.sh build

check-html: deps
	@$(MAKE) --no-print-directory WERROR=1 all
	@SC_CHECK_HTML=1 SC_CHECK_ONLY='html:*' sh tests/check.sh build

demo:
	@scripts/install-deps --build --if-missing
	@$(MAKE) --no-print-directory all >/dev/null
	@sh scripts/demo build/bin

bench:
	@scripts/install-deps --build --if-missing
	@$(MAKE) --no-print-directory all
	@sh tests/bench/run.sh build/bin

fuzz:
	@sh tests/fuzz/run.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(DATADIR)
	install -m 755 $(BINS) $(SCRIPTS) $(DESTDIR)$(BINDIR)
	install -m 644 $(MAN1) $(DESTDIR)$(MANDIR)/man1
	install -m 644 man/sc-post.5 man/sc-route.5 $(DESTDIR)$(MANDIR)/man5
	install -m 644 man/sc.7 $(DESTDIR)$(MANDIR)/man7
	cd $(BUILD)/share/sc && find . -type f | while read -r f; do \
		install -d "$(DESTDIR)$(DATADIR)/$$(dirname "$$f")" && \
		install -m 644 "$$f" "$(DESTDIR)$(DATADIR)/$$f" || exit 1; \
	done

uninstall:
	cd $(DESTDIR)$(BINDIR) && rm -f $(TOOLS) $(SCRIPTS:scripts/%=%)
	cd $(DESTDIR)$(MANDIR) && rm -f $(MAN1:man/%=man1/%) man5/sc-post.5 \
		man5/sc-route.5 man7/sc.7
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build build-san build-fuzz

# Keep the objects of unit tests, which make would treat as intermediate.
.SECONDARY:

.PHONY: all tests deps check check-cluster check-html demo bench fuzz install uninstall clean \
	data-stamp FORCE

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
