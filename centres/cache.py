"""The shared cache (Redis), with a fallback that keeps every page working while it is down.

The cache holds only counters and short-lived conveniences: the rate limits on the journey's
answers and submissions. None of it is worth a victim's error page. (The tracking sign-in's
failed attempts are not here but in PostgreSQL, so an outage never widens the guessing
allowed against a passphrase: casework/tracking/throttle.py.) When Redis cannot be reached,
each process counts in its own memory instead, logs the outage once, and tries Redis again
after a pause:

- local memory, not the database: it cannot fail, costs nothing, and adds no writes to
  PostgreSQL while it is the one service still keeping reports safe;
- the limits still hold per process during the outage (a client spread over N processes may
  try N times as often, for the minutes it lasts), which is the right way to err for a
  reporting site: an outage never locks a victim out and never opens guessing wide.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# Seconds before a process tries Redis again after finding it down.
RETRY_SECONDS = 5


def _fails_over(name):
    def method(self, *args, **kwargs):
        if self._down_until > time.monotonic():
            return getattr(self._fallback, name)(*args, **kwargs)
        try:
            result = getattr(super(FailoverRedisCache, self), name)(*args, **kwargs)
        except UNREACHABLE as error:
            self._went_down(error)
            return getattr(self._fallback, name)(*args, **kwargs)
        if self._was_down:
            self._came_back()
        return result

    method.__name__ = name
    return method


class FailoverRedisCache(RedisCache):
    """Django's RedisCache; while Redis is unreachable, a per-process memory cache."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        # Fail in well under a second, so a victim never waits on a dead Redis.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._fallback = LocMemCache(f"failover-{id(self)}", {"OPTIONS": {"MAX_ENTRIES": 10000}})
        self._down_until = 0.0
        self._was_down = False
        self._lock = threading.Lock()

    def _went_down(self, error: Exception) -> None:
        with self._lock:
            self._down_until = time.monotonic() + RETRY_SECONDS
            if not self._was_down:
                self._was_down = True
                # The error's class only: its text can carry the server's address.
                logger.warning(
                    "cache: Redis unreachable (%s); counting in this process's memory",
                    type(error).__name__,
                )

    def _came_back(self) -> None:
        with self._lock:
            if self._was_down:
                self._was_down = False
                logger.warning("cache: Redis reachable again")

    add = _fails_over("add")
    get = _fails_over("get")
    set = _fails_over("set")
    touch = _fails_over("touch")
    delete = _fails_over("delete")
    get_many = _fails_over("get_many")
    has_key = _fails_over("has_key")
    incr = _fails_over("incr")
    set_many = _fails_over("set_many")
    delete_many = _fails_over("delete_many")
    clear = _fails_over("clear")
