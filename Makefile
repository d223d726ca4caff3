# The two commands of the README:
#   make build   set up, check and build every publication artifact into build/
#   make test    set up and run the whole test suite
.PHONY: setup build test bench clean

SOURCE ?= constitution
OUT ?= build
export SOURCE_DATE_EPOCH ?= 1770854400

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
