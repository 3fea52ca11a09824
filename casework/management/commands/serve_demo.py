"""Serve the demo with its background work, as production runs it but in one process.

The web server is Django's runserver. The beat schedule (hatereport/settings.py
CELERY_BEAT_SCHEDULE: the outbox and casework sweeps, the daily review digest, the weekly
centre summaries, training reminders, draft and file purges) runs in a thread beside it, and
in the demo every task it sends runs eagerly, in that thread. On start it catches up first:
the sweeps run once, so clocks that fell due while the demo was stopped are escalated before
the first page is served.
"""

from celery import signals
from celery.beat import EmbeddedService
from django.conf import settings
from django.core.management import CommandError
from django.core.management.commands.runserver import Command as RunserverCommand
from django.db import close_old_connections

from hatereport.celery import app

CATCH_UP = ("casework.tasks.sweep_casework", "centres.tasks.sweep_outbox")


def _fresh_connection(**kwargs):
    # A task that met a broken connection (PostgreSQL restarted) leaves the next one a new one.
    close_old_connections()


class Command(RunserverCommand):
    help = "Serve the demo (HATEREPORT_MODE=demo) with its beat schedule running in-process."

    def inner_run(self, *args, **options):
        # runserver calls this in the process that serves (the reloader's child), once per
        # process: the beat thread starts with it and dies with it.
        if not settings.DEMO or not settings.CELERY_TASK_ALWAYS_EAGER:
            raise CommandError("serve_demo runs the demo only (HATEREPORT_MODE=demo).")
        signals.task_postrun.connect(_fresh_connection, weak=False)
        app.loader.import_default_modules()  # every app's tasks, as a worker would find them
        for name in CATCH_UP:
            app.tasks[name].apply_async()
        close_old_connections()
        schedule = settings.BASE_DIR / "var" / "celerybeat-schedule"
        schedule.parent.mkdir(parents=True, exist_ok=True)
        EmbeddedService(app, thread=True, schedule_filename=str(schedule)).start()
        super().inner_run(*args, **options)
