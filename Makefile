# parkplan — the two entry points are `make demo` and `make test`.
SWIFT ?= swift
BIN := .build/release/parkplan
DEMO_OUT ?= demo-out

.PHONY: demo test deps build bench fuzz clean

deps:
	@bash scripts/ensure-glpk.sh
	@bash scripts/ensure-xlsxwriter.sh

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

clean:
	rm -rf .build $(DEMO_OUT)
