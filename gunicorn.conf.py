"""gunicorn's settings: the image's web process (Dockerfile CMD) and the proxy tests.

    gunicorn --config gunicorn.conf.py

The app is loaded once in the master and the workers fork from it (preload_app), after the
master has rendered a receipt in every language (reporting.receipt.warm_up): WeasyPrint,
Pango, the fonts of every script, the template and the translations are then already loaded
in each worker, and a worker's first receipt no longer waits for them.
"""

import os

wsgi_app = "hatereport.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
preload_app = True

# Time, method, path without the query string, status, bytes and duration. No client
# address, query string, referrer or user agent: nothing that says who asked or for what.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(L)s'


def when_ready(server):
    # Runs in the master after the app is preloaded and before any worker forks.
    from django.db import connections

    from reporting.receipt import warm_up

    try:
        warm_up()
    except Exception:
        # A missing library is for the first receipt to report, not a reason not to serve.
        server.log.exception("Receipt warm-up failed")
    finally:
        # Workers must never share the master's database socket; the warm-up opens none,
        # and this makes sure of it.
        connections.close_all()
