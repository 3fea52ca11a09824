# One image for web, Celery worker and Celery beat; production settings (HATEREPORT_MODE).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1
# ffmpeg strips the metadata (a phone's GPS location above all) from audio and video
# evidence (reporting/evidence.py); without it such files are refused, never kept as sent.
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext libpango-1.0-0 libpangoft2-1.0-0 \
      libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk ffmpeg \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements/base.txt requirements/base.txt
RUN pip install --no-cache-dir --require-hashes -r requirements/base.txt

COPY . .
# Translations and the static manifest are built at the production settings the image runs
# (the manifest exists only then; pages fail without it). Production settings refuse to load
# without a key and a database: a throwaway key and an address nothing answers on, for this
# line only (neither command opens a connection); neither is kept in the image.
RUN export HATEREPORT_MODE=production SECRET_KEY=build-only-never-used-at-runtime \
      DATABASE_URL=postgres://build@127.0.0.1:1/build \
 && python manage.py compilemessages --ignore=.venv --verbosity 0 \
 && python manage.py collectstatic --noinput --verbosity 0 \
 && test -f /app/staticfiles/staticfiles.json \
 && useradd --system --uid 1000 --home /app hatereport \
 && mkdir -p /app/var/evidence && chown -R hatereport /app/var

ENV HATEREPORT_MODE=production
USER hatereport
EXPOSE 8000
# gunicorn.conf.py: preloaded app and fonts, three workers on :8000, an access log with no
# client address and no query string.
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
