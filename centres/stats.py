"""Small numbers are never shown: the one rule every count on every page follows.

Statistics must not show counts small enough to identify a person, so any count from 1 to 4
is shown as "<5". Zero is shown: nobody can be identified by an absence. This lives at the
bottom of the dependency arrow so the centre workspace and the insights pages share it.
"""

SMALL_NUMBER = 5


def suppress(count: int) -> str:
    """A count as it may be shown: "<5" for 1 to 4, the number otherwise."""
    return f"<{SMALL_NUMBER}" if 0 < count < SMALL_NUMBER else str(count)
