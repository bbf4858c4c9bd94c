# The things a person does with TalentPortal, one target each. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Root installs directly; everybody else through sudo.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
INSTALLED := $(VENV)/.installed
TEST_INSTALLED := $(VENV)/.installed-test
BENCH_INSTALLED := $(VENV)/.installed-bench
# Production-like settings for `check --deploy` (values are throwaway, nothing connects).
DEPLOY_ENV := DEBUG=false SECRET_KEY=check-deploy-$$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n') \
	ALLOWED_HOSTS=talentportal.example DATABASE_URL=postgres://check@localhost/check

.PHONY: help run test lint messages makemessages migrate demo static system-packages clean-db bench \
	loadtest drills securityscan

help:
	@echo "make run    set up and serve the portal with demo data on http://127.0.0.1:8000"
	@echo "make test   set up and run every check and test (what CI runs)"
	@echo "make lint   ruff and mypy only"
	@echo "make makemessages   refresh locale/*/django.po after changing strings"
	@echo "make bench  matching and search benchmarks on 20,000 postings and 100,000 talents (own database talentportal_bench)"
	@echo "make loadtest   locust against gunicorn (production settings), summary table (~6 min)"
	@echo "make drills     failure drills: database restart under load, mail server down, backup/restore"
	@echo "make securityscan   sqlmap and wapiti against a local server with demo data"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(INSTALLED): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet -c requirements.lock -e .
	touch $@

$(TEST_INSTALLED): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test]"
	touch $@ $(INSTALLED)

$(BENCH_INSTALLED): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test,bench]"
	touch $@ $(INSTALLED) $(TEST_INSTALLED)

# gettext (msgfmt) compiles translations; Debian's chromium runs the browser tests.
system-packages:
	@command -v msgfmt >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gettext; }

messages: system-packages $(INSTALLED)
	$(MANAGE) compilemessages --ignore=.venv --ignore=.venv-scan -v 0

makemessages: system-packages $(INSTALLED)
	$(MANAGE) makemessages -l de --ignore=.venv --ignore=.venv-scan --ignore=staticfiles --no-obsolete
	@echo "Now translate locale/de/LC_MESSAGES/django.po (no fuzzy entries) and run make test."

migrate: $(INSTALLED)
	$(MANAGE) migrate --no-input
	$(MANAGE) createcachetable

demo: migrate
	$(MANAGE) seed_demo

static: $(INSTALLED)
	$(MANAGE) collectstatic --no-input -v 0

run: messages static demo
	@echo "TalentPortal runs on http://127.0.0.1:8000 (Ctrl+C stops it)."
	$(MANAGE) runserver 127.0.0.1:8000

lint: $(TEST_INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -c pyproject.toml -r . -q
	$(BIN)/mypy .

test: system-packages $(TEST_INSTALLED)
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }
	$(MANAGE) compilemessages --ignore=.venv --ignore=.venv-scan -v 0
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -c pyproject.toml -r . -q
	$(BIN)/mypy .
	$(MANAGE) makemigrations --check --dry-run
	$(DEPLOY_ENV) $(MANAGE) check --deploy --fail-level WARNING
	# The production-settings tests serve pages with whitenoise's manifest, as a deployment does.
	$(DEPLOY_ENV) $(MANAGE) collectstatic --no-input -v 0
	$(BIN)/pytest -n auto $(PYTEST_ARGS)

# Benchmarks run in their own database on the same server, never in the portal's data.
bench: messages
	$(MANAGE) create_database talentportal_bench
	DATABASE_NAME=talentportal_bench $(MANAGE) migrate --no-input -v 0
	DATABASE_NAME=talentportal_bench $(MANAGE) createcachetable
	DATABASE_NAME=talentportal_bench $(MANAGE) seed_demo > /dev/null
	DATABASE_NAME=talentportal_bench $(MANAGE) bench_matching $(MATCHING_ARGS)
	DATABASE_NAME=talentportal_bench $(MANAGE) bench_search $(BENCH_ARGS)

# Operations: each works in its own database on the same server (or the embedded one) and on
# the loopback only; see "Operations" in README.md.
loadtest: system-packages $(BENCH_INSTALLED)
	$(BIN)/python ops/loadtest/run.py $(LOADTEST_ARGS)

drills: system-packages $(BENCH_INSTALLED)
	$(BIN)/python ops/drills.py $(DRILLS_ARGS)

securityscan: system-packages $(BENCH_INSTALLED)
	$(BIN)/python ops/securityscan.py $(SCAN_ARGS)

clean-db:
	rm -rf .pgdata
