"""gunicorn.conf.py: workers fork from a warmed-up master, and the access log says no more
than it must."""

import re
import runpy
from pathlib import Path

from reporting.receipt import warm_up

CONF = runpy.run_path(str(Path(__file__).resolve().parent.parent / "gunicorn.conf.py"))


def test_gunicorn_preloads_the_app_and_warms_up_before_forking():
    assert CONF["preload_app"] is True
    assert CONF["wsgi_app"] == "hatereport.wsgi:application"
    assert callable(CONF["when_ready"])


def test_gunicorn_access_log_names_no_client_and_no_query_string():
    fields = set(re.findall(r"%\((\{?[^)]*)\)s", CONF["access_log_format"]))

    # h: address, r: request line with the query, q: query, f: referrer, a: user agent,
    # u: user, {header}i: any request header.
    assert fields == {"t", "m", "U", "s", "b", "L"}


def test_receipt_warm_up_reads_nothing_from_the_database():
    # No database fixture: pytest-django fails any query. A master that opened a
    # connection would hand one socket to every forked worker.
    warm_up()
