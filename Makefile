# One entry point for newcomers and CI. `make demo` starts the demo; `make test` runs the tests.
# Both install what a fresh Debian or Ubuntu machine lacks first (bin/setup).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The mode is always said out loud (hatereport/settings.py). The tests use the PostgreSQL
# given in DATABASE_URL, else the one on 127.0.0.1:5432, else their own embedded server; a
# SECRET_KEY of their own each run, never a published one.
TEST_ENV := HATEREPORT_MODE=test \
	DATABASE_URL=$$($(PY) bin/test-database-url) \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
	SECRET_KEY=$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(48))')}
DEMO_ENV := HATEREPORT_MODE=demo

.PHONY: demo install test quick lint messages lock clean

$(PY): requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv
	$(VENV)/bin/uv pip install --quiet --python $(PY) --require-hashes -r requirements/dev.txt
	touch $(PY)

install: $(PY)
	@bin/setup demo
	$(DEMO_ENV) $(PY) manage.py compilemessages --ignore=.venv --verbosity 0

## demo: install, start the embedded PostgreSQL, build the demo data, serve http://127.0.0.1:8000
demo: install
	$(DEMO_ENV) $(PY) manage.py migrate --verbosity 0
	$(DEMO_ENV) $(PY) manage.py seed_demo --if-empty
	$(DEMO_ENV) $(PY) manage.py serve_demo 127.0.0.1:8000

## test: the whole suite, on real PostgreSQL, Redis and Chromium (see README)
test: install
	@bin/setup test
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

## quick: the suite without the ten-language accessibility walk (about six minutes less)
quick: install
	@bin/setup test
	$(TEST_ENV) $(PY) -m pytest -m "not axe" $(PYTEST_ARGS)

lint: $(PY)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(TEST_ENV) $(PY) manage.py makemigrations --check --dry-run

messages: $(PY)
	$(DEMO_ENV) $(PY) manage.py makemessages --no-location --ignore=.venv --ignore=staticfiles \
		$(foreach l,cy ur pa bn ar ro pl so ps,-l $(l))

lock:
	uv pip compile pyproject.toml --extra dev --generate-hashes --no-emit-index-url -o requirements/dev.txt
	uv pip compile pyproject.toml --generate-hashes --no-emit-index-url -o requirements/base.txt

clean:
	rm -rf $(VENV) staticfiles var
