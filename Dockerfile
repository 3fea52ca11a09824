# One image for web, Celery worker and Celery beat.
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
RUN DEBUG=1 python manage.py compilemessages --ignore=.venv --verbosity 0 \
 && DEBUG=1 python manage.py collectstatic --noinput --verbosity 0 \
 && useradd --system --uid 1000 --home /app hatereport \
 && mkdir -p /app/var/evidence && chown -R hatereport /app/var

USER hatereport
EXPOSE 8000
CMD ["gunicorn", "hatereport.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--access-logfile", "-", "--access-logformat", "%(h)s %(t)s \"%(m)s %(U)s\" %(s)s %(b)s %(L)s"]
