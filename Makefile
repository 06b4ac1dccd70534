# newsdup: `make` builds, `make demo` runs the shipped corpus, `make test` runs every test.
# Both demo and test install missing Debian packages first (scripts/deps.sh).

CC      ?= cc
BUILD   ?= build
CFLAGS  ?= -O2 -g
SANFLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
ND_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Wshadow \
            -Wstrict-prototypes -Wno-unused-parameter -Iinclude -MMD -MP
LIBS    = -lutf8proc -lpcre2-8 -ljansson -lxxhash -lstemmer -lz -llmdb -lm -lpthread

LIB_SRC  := $(shell find src -name '*.c' ! -path 'src/cli/*' ! -path 'src/distribute/*' | sort)
CLI_SRC  := $(shell find src/cli -name '*.c' | sort)
MPI_SRC  := $(shell find src/distribute -name '*.c' | sort)
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
# newsdup-mpi: the distributed driver, the command line's shared parts, the library
MPI_OBJ  := $(MPI_SRC:%.c=$(BUILD)/obj/%.o) $(filter-out %/main.o,$(CLI_OBJ))
MPICC   ?= mpicc
TESTS    := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps demo test unit e2e sanitize bench clean mpi
all: $(BUILD)/newsdup

deps:
	@scripts/deps.sh

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ND_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/libnewsdup.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/newsdup: $(CLI_OBJ) $(BUILD)/libnewsdup.a
	$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libnewsdup.a $(LIBS)

mpi:
	@scripts/deps.sh libopenmpi-dev openmpi-bin
	@$(MAKE) --no-print-directory $(BUILD)/newsdup-mpi

$(BUILD)/obj/src/distribute/%.o: src/distribute/%.c
	@mkdir -p $(dir $@)
	$(MPICC) $(ND_CFLAGS) -Isrc $(CFLAGS) -c -o $@ $<

$(BUILD)/newsdup-mpi: $(MPI_OBJ) $(BUILD)/libnewsdup.a
	$(MPICC) $(CFLAGS) -o $@ $(MPI_OBJ) $(BUILD)/libnewsdup.a $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/check.h $(BUILD)/libnewsdup.a
	@mkdir -p $(dir $@)
	$(CC) $(ND_CFLAGS) -Isrc $(CFLAGS) -o $@ $< $(BUILD)/libnewsdup.a $(LIBS)

$(BUILD)/gencorpus: bench/gen/gencorpus.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O2 -Wall -Wextra -o $@ $< -lm

$(BUILD)/%: bench/%.c $(BUILD)/libnewsdup.a
	$(CC) $(ND_CFLAGS) $(CFLAGS) -o $@ $< $(BUILD)/libnewsdup.a $(LIBS)

bench: deps
	@$(MAKE) --no-print-directory all $(BUILD)/gencorpus $(BUILD)/accuracy $(BUILD)/drift_accuracy $(BUILD)/speed $(BUILD)/classic $(BUILD)/pairs $(BUILD)/ingest
	bench/run.sh

demo: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/newsdup scan corpus/
	$(BUILD)/newsdup audit corpus/

# Every fuzz harness for 20 s (replaying its regression inputs first), then
# unit tests and CLI end-to-end tests, normally and under ASan+UBSan; the
# last line is the tally "N passed, N failed".
test: deps
	@scripts/deps.sh libopenmpi-dev openmpi-bin
	@$(MAKE) --no-print-directory fuzz-ci
	@$(MAKE) --no-print-directory all $(TESTS) $(BUILD)/newsdup-mpi $(BUILD)/gencorpus
	@$(MAKE) --no-print-directory BUILD=build/sanitize CFLAGS="$(SANFLAGS)" all $(TESTS:$(BUILD)/%=build/sanitize/%) \
		build/sanitize/newsdup-mpi build/sanitize/gencorpus
	@tests/run.sh $(BUILD) build/sanitize

unit: all $(TESTS)
	@tests/run.sh $(BUILD)

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(MPI_SRC:%.c=$(BUILD)/obj/%.d)

# ---- fuzzing (tests/fuzz/README.md) ---------------------------------------
# One libFuzzer harness a parser or stage, built with clang into build/fuzz.
# `make fuzz` runs each for FUZZ_SECONDS; `make fuzz-ci` for 20 s, as `make test` does.
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 2
FUZZ_BINS    := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZFLAGS     = -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
                -fno-sanitize-recover=all

.PHONY: fuzz fuzz-ci fuzz-build
fuzz-build:
	@scripts/deps.sh clang libfuzzer
	@$(MAKE) --no-print-directory BUILD=build/fuzz CC=clang CFLAGS="$(FUZZFLAGS)" $(FUZZ_BINS)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(BUILD)/libnewsdup.a
	$(CC) $(ND_CFLAGS) -Isrc $(subst fuzzer-no-link,fuzzer,$(CFLAGS)) -o $@ $< $(BUILD)/libnewsdup.a $(LIBS)

fuzz: fuzz-build
	tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_JOBS)

fuzz-ci: fuzz-build
	FUZZ_FRESH=1 tests/fuzz/run.sh 20 $(FUZZ_JOBS)

-include $(FUZZ_BINS:=.d)
