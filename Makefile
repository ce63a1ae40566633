# planetscale-oauth: generate the SDK from openapi.yaml, lint it, test it.
# Every target installs what it needs first (.venv from requirements-dev.txt,
# node_modules from package-lock.json), so a fresh clone needs only:
#   make generate && make test

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(CURDIR)/$(VENV)/bin
NODE_BIN := $(CURDIR)/node_modules/.bin
export PATH := $(BIN):$(NODE_BIN):$(PATH)

.DEFAULT_GOAL := help
.PHONY: help venv node install servers generate check-generated api-diff template-diff lint test test-fast fuzz stress bench record demo clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

venv: $(VENV)/.installed ## Create .venv with the pinned Python tools

node: node_modules/.installed ## Install Prism, Spectral and swagger2openapi from package-lock.json

install: venv ## Install the generated package into .venv (editable)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .

# The store tests start real PostgreSQL and Redis servers (tests/servers.py) from Debian's packages: each is
# installed when missing, and the package lists are updated only when an install fails without it.
APT := $(if $(filter 0,$(shell id -u)),,sudo) env DEBIAN_FRONTEND=noninteractive apt-get -y -q
servers: ## Install redis-server and PostgreSQL with apt-get when they are missing (the store tests start them)
	@command -v redis-server >/dev/null 2>&1 || $(APT) install --no-install-recommends redis-server || \
		{ $(APT) update && $(APT) install --no-install-recommends redis-server; }
	@command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
		$(APT) install --no-install-recommends postgresql || \
		{ $(APT) update && $(APT) install --no-install-recommends postgresql; }

generate: venv ## Regenerate generated/planetscale_oauth from openapi.yaml + templates/
	$(PY) scripts/generate.py

check-generated: venv ## Fail, naming the files, if generated/ is not what generation writes
	$(PY) scripts/generate.py --check

api-diff: venv ## Public API changes since the last version tag (else the previous version); fails on an unbumped breaking change
	$(PY) scripts/api_diff.py

template-diff: venv ## How the generator's built-in templates changed since the version templates/ came from
	$(PY) scripts/template_diff.py $(if $(FROM),--from $(FROM)) $(if $(TO),--to $(TO))

lint: venv node ## Validate the spec (openapi-spec-validator, Spectral), ruff, mypy --strict
	$(PY) -m openapi_spec_validator openapi.yaml
	spectral lint --quiet --fail-severity=hint openapi.yaml
	ruff check .
	ruff format --check .
	$(PY) -m mypy

test: install servers node lint check-generated api-diff ## What CI runs: install, lint, check-generated, api-diff, every test
	$(PY) -m pytest

test-fast: install servers ## Runtime unit tests, then contract and hostile tests (seconds; no Node, no generation)
	$(PY) -m pytest -q tests/runtime tests/contract

fuzz: install ## Fuzz parsing with hypothesis: 10,000 examples a property, and print the counts
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -q -s --timeout=0 tests/contract/test_fuzz.py

stress: install servers ## Shared token sessions under load, every store: one line each (refreshes, invalid_grant, lost)
	PYTHONPATH=scripts:tests $(PY) tests/stress.py $(STRESS)

bench: install node ## Benchmarks as ratios against raw httpx, pydantic and the stock generator (see CONTRIBUTING.md)
	$(PY) benchmarks/bench.py

record: install ## Record one real exchange as tests/fixtures/$(NAME).json (settings from the environment)
	$(PY) scripts/record.py $(or $(NAME),recorded) $(if $(DESCRIPTION),"$(DESCRIPTION)")

demo: install node ## The standard OAuth flow (authorize, callback, exchange, session, revoke) against Prism
	$(PY) scripts/demo.py

clean: ## Remove the virtualenv, node_modules and scratch files
	rm -rf $(VENV) node_modules .build .pytest_cache .mypy_cache .ruff_cache
