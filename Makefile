# One entry point for newcomers and CI. `make demo` starts the demo; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
TEST_ENV := DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/hatereport} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} \
	SECRET_KEY=$${SECRET_KEY:-test-secret-key-not-for-production} \
	CELERY_TASK_ALWAYS_EAGER=0 DEBUG=0
DEMO_ENV := DEBUG=1 DATABASE_URL=

.PHONY: demo install test lint messages lock clean

$(PY): requirements/dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv
	$(VENV)/bin/uv pip install --quiet --python $(PY) --require-hashes -r requirements/dev.txt
	touch $(PY)

install: $(PY)
	@command -v msgfmt >/dev/null || { echo "Install gettext (msgfmt) first: apt-get install gettext / brew install gettext"; exit 1; }
	$(DEMO_ENV) $(PY) manage.py compilemessages --ignore=.venv --verbosity 0

## demo: install, build the embedded SQLite demo with demo data, serve http://127.0.0.1:8000
demo: install
	$(DEMO_ENV) $(PY) manage.py migrate --verbosity 0
	$(DEMO_ENV) $(PY) manage.py seed_demo --if-empty
	$(DEMO_ENV) $(PY) manage.py runserver 127.0.0.1:8000

## test: the whole suite, on PostgreSQL and Redis at 127.0.0.1 (see README)
test: install
	$(TEST_ENV) $(PY) -m pytest $(PYTEST_ARGS)

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
	rm -rf $(VENV) staticfiles demo.sqlite3 var
