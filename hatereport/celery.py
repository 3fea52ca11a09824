"""The Celery app, wired as Celery's Django recipe describes."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hatereport.settings")

app = Celery("hatereport")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
