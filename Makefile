# The two commands of the README:
#   make build   set up, check and build every publication artifact of every act (drafting.yaml) into build/
#   make test    set up and run the whole test suite
.PHONY: setup build test bench clean

SOURCE ?=
OUT ?= build
# Reproducible dates: the time of the last commit, unless the caller sets one.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
export SOURCE_DATE_EPOCH

setup:
	@scripts/setup.sh

build: setup
	.venv/bin/drafting check $(SOURCE)
	.venv/bin/drafting build $(SOURCE) --out $(OUT)

test: setup
	.venv/bin/python -m pytest -q

bench: setup
	.venv/bin/python benchmarks/run.py

clean:
	rm -rf $(OUT) .drafting-cache
