"""Test-only: the clock of a worker or beat process, set by the test.

On this directory's PYTHONPATH with FAKE_NOW_FILE set, the process lives at the instant
written in that file (ISO 8601), ticking on from it, and jumps whenever the test writes a new
one (time_machine: time.time, datetime.now and the rest; monotonic clocks and sleeps stay
real, so Celery's timers and the broker behave as usual). A prefork pool's children follow
the file too. Without FAKE_NOW_FILE this does nothing. Used by
tests/integration/test_safe_times.py; never on a deployed path.
"""

import os

_PATH = os.environ.get("FAKE_NOW_FILE")

if _PATH:
    import datetime as dt
    import threading
    import time

    import time_machine

    def _read() -> dt.datetime:
        with open(_PATH) as file:
            return dt.datetime.fromisoformat(file.read().strip())

    _state = {"now": _read()}
    _coordinates = time_machine.travel(_state["now"], tick=True).start()

    def _follow():
        while True:
            time.sleep(0.05)
            try:
                written = _read()
            except (OSError, ValueError):
                continue  # being written: read it again next time
            if written != _state["now"]:
                _state["now"] = written
                _coordinates.move_to(written)

    def _start_following():
        threading.Thread(target=_follow, name="fake-clock", daemon=True).start()

    _start_following()
    os.register_at_fork(after_in_child=_start_following)
