# parkplan — the two entry points are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/release/parkplan
DEMO_OUT ?= demo-out

.PHONY: demo test deps build bench bench-outside fuzz fuzz-pipeline clean format lint

deps:
	@bash scripts/ensure-dev-package.sh glpk.h libglpk-dev "GLPK 5"
	@bash scripts/ensure-dev-package.sh xlsxwriter.h libxlsxwriter-dev "libxlsxwriter (plan.xlsx)"

build: deps
	$(SWIFT) build -c release --product parkplan

demo: build
	$(BIN) check scenarios/linfen-2022.yaml
	$(BIN) plan scenarios/linfen-2022.yaml --out $(DEMO_OUT)
	@echo
	@echo "Reports written to $(DEMO_OUT)/"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build
	bash scripts/bench.sh

# The outside scenarios of ../shared/bench at 10 s and 60 s, against their reference values.
bench-outside: build
	bash scripts/bench.sh --outside

# End-to-end fuzzing of every command on random valid-but-extreme scenarios (issue 11); 10 minutes.
fuzz-pipeline: build
	python3 scripts/fuzz-pipeline.py --binary $(BIN) --minutes $${MINUTES:-10} --time-limit 3 --keep fuzz-failures

# swift-format (part of the Swift toolchain) with the project's .swift-format configuration.
format:
	$(SWIFT) format format --in-place --configuration .swift-format --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --configuration .swift-format --recursive Sources Tests Package.swift

clean:
	rm -rf .build $(DEMO_OUT)
