"""Community tension: is this week's count of an area's reports of one strand more than the past
weeks lead one to expect?

The method is the quasi-Poisson threshold of the Farrington algorithm used by public-health
surveillance to spot outbreaks (Farrington, Andrews, Beale and Catchpole, "A statistical
algorithm for the early detection of outbreaks of infectious disease", JRSS A 159, 1996), with
the improvements of Noufaily, Enki, Farrington, Garthwaite, Andrews and Charlett, "An improved
algorithm for outbreak detection in multiple surveillance systems", Statistics in Medicine 32,
2013 (the "flexible" Farrington of R's `surveillance` package):

- Reference weeks: the weeks around the same week (`WINDOW` either side) in each of up to
  `YEARS` past years, so the season is compared with itself and the weeks just gone (perhaps
  the start of the rise) are not in the baseline.
- A log-linear quasi-Poisson model fitted to them by iteratively reweighted least squares, with
  a linear trend only with three years or more, when the trend is significant (|z| > 1.96) and
  does not predict beyond the largest count seen.
- Overdispersion: phi = max(1, weighted Pearson chi-square / (n - p)).
- Past outbreaks down-weighted: weeks whose Anscombe residual exceeds 2.58 (Noufaily; 1 in the
  1996 paper) get weight s^-2, the weights rescaled to sum to n, and the model refitted.
- The upper bound from the 2/3-power transformation, which makes the counts nearly normal:
  U = (mu0^(2/3) + z * sqrt(4/9 * mu0^(1/3) * (phi + mu0 * Var(eta0))))^(3/2), with z = 1.96
  (the 95% prediction interval, `surveillance`'s default alpha = 0.05).

Not implemented from Noufaily et al.: the ten-level seasonal factor over all past weeks and the
negative-binomial quantile. With less than two years of history there is no season to compare
with: the threshold is then the same quasi-Poisson bound over an intercept-only model of the
recent weeks (`RECENT_WEEKS`, at least `MIN_RECENT_WEEKS`), the baseline the CDC's EARS methods
use for short series; with less than that, nothing is tested. An alert also needs at least
`centres.stats.SMALL_NUMBER` reports in the week, as the 1996 paper asks for more than a handful
before any alarm (and so no alert ever names a count under 5).

Pure Python, no I/O: `casework/services/tension.py` reads the counts and writes the alerts;
`tension_tables` shows them on insights.
"""

import datetime as dt
import math
from dataclasses import dataclass
from statistics import NormalDist

from django.utils.translation import gettext as _

from centres.stats import SMALL_NUMBER

YEARS = 5
WINDOW = 3
WEEKS_PER_YEAR = 52
RECENT_WEEKS = 26
MIN_RECENT_WEEKS = 8
Z = NormalDist().inv_cdf(0.975)
RESIDUAL_LIMIT = 2.58  # Noufaily et al. 2013
FARRINGTON = "farrington-flexible"
RECENT = "quasi-poisson-recent"


@dataclass(frozen=True)
class Threshold:
    expected: float
    upper: float
    method: str
    weeks: int  # reference weeks used


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week `day` falls in."""
    return day - dt.timedelta(days=day.weekday())


def last_complete_week(today: dt.date) -> dt.date:
    return week_start(today) - dt.timedelta(weeks=1)


def reference_weeks(week: dt.date, history_start: dt.date) -> tuple[list[dt.date], int]:
    """The weeks around `week` in each past year with data, and how many years those are."""
    weeks, years = [], 0
    for year in range(1, YEARS + 1):
        centre = week - dt.timedelta(weeks=WEEKS_PER_YEAR * year)
        chosen = [
            centre + dt.timedelta(weeks=offset)
            for offset in range(-WINDOW, WINDOW + 1)
            if centre + dt.timedelta(weeks=offset) >= history_start
        ]
        if len(chosen) < 2 * WINDOW + 1:
            break  # a partial year: the season is not covered
        weeks.extend(chosen)
        years += 1
    return weeks, years


def threshold(counts: dict[dt.date, int], week: dt.date, history_start: dt.date):
    """The expected count and upper bound for `week` from the counts of the weeks before it
    (`counts`: week start -> reports; a week missing from it had none). None when the history
    is too short to judge."""
    weeks, years = reference_weeks(week, history_start)
    if years >= 2:
        times = [(w - week).days / 7 for w in weeks]
        ys = [counts.get(w, 0) for w in weeks]
        expected, upper = _farrington(times, ys, trend=years >= 3)
        return Threshold(expected, upper, FARRINGTON, len(weeks))
    recent = [
        week - dt.timedelta(weeks=back)
        for back in range(1, RECENT_WEEKS + 1)
        if week - dt.timedelta(weeks=back) >= history_start
    ]
    if len(recent) < MIN_RECENT_WEEKS:
        return None
    ys = [counts.get(w, 0) for w in recent]
    expected, upper = _farrington([0.0] * len(ys), ys, trend=False)
    return Threshold(expected, upper, RECENT, len(recent))


def is_exceedance(observed: int, limit: Threshold | None) -> bool:
    return limit is not None and observed >= SMALL_NUMBER and observed > limit.upper


# --- The model -----------------------------------------------------------------------------


def _farrington(times: list[float], ys: list[int], *, trend: bool) -> tuple[float, float]:
    """Expected count at time 0 and its upper bound, from counts `ys` at `times` (weeks
    relative to the week judged)."""
    n = len(ys)
    if sum(ys) == 0:
        return 0.0, 0.0
    weights = [1.0] * n
    fit = _fit(times, ys, weights, trend)
    if trend and not _keep_trend(fit, ys):
        trend = False
        fit = _fit(times, ys, weights, trend)
    # Down-weight past outbreaks in the baseline, then refit (once, as the algorithm does).
    residuals = _anscombe(fit, ys)
    raw = [s**-2 if s > RESIDUAL_LIMIT else 1.0 for s in residuals]
    scale = n / sum(raw)
    weights = [w * scale for w in raw]
    fit = _fit(times, ys, weights, trend)
    if trend and not _keep_trend(fit, ys):
        fit = _fit(times, ys, weights, False)
    mu0 = math.exp(fit.beta[0])
    var_eta0 = fit.phi * fit.cov[0][0]  # x0 = (1, 0): time 0 is the week judged
    tau = fit.phi + mu0 * var_eta0
    upper = (mu0 ** (2 / 3) + Z * math.sqrt(4 / 9 * mu0 ** (1 / 3) * tau)) ** 1.5
    return mu0, upper


@dataclass
class _Fit:
    beta: list[float]
    cov: list[list[float]]  # (X'WX)^-1, before multiplying by phi
    mu: list[float]
    hat: list[float]
    phi: float
    rows: list[list[float]]


def _fit(times, ys, weights, trend: bool) -> _Fit:
    """Poisson log-linear regression by iteratively reweighted least squares, then the
    quasi-Poisson dispersion."""
    rows = [[1.0, t] if trend else [1.0] for t in times]
    p = len(rows[0])
    mean = sum(w * y for w, y in zip(weights, ys, strict=True)) / sum(weights)
    beta = [math.log(max(mean, 0.5))] + [0.0] * (p - 1)
    for _step in range(50):
        etas = [sum(b * x for b, x in zip(beta, row, strict=True)) for row in rows]
        mus = [math.exp(min(eta, 30.0)) for eta in etas]
        working = [eta + (y - mu) / mu for eta, y, mu in zip(etas, ys, mus, strict=True)]
        info = [[0.0] * p for _ in range(p)]
        score = [0.0] * p
        for row, w, mu, z in zip(rows, weights, mus, working, strict=True):
            for i in range(p):
                score[i] += w * mu * row[i] * z
                for j in range(p):
                    info[i][j] += w * mu * row[i] * row[j]
        cov = _inverse(info)
        new = [sum(cov[i][j] * score[j] for j in range(p)) for i in range(p)]
        done = max(abs(a - b) for a, b in zip(new, beta, strict=True)) < 1e-9
        beta = new
        if done:
            break
    etas = [sum(b * x for b, x in zip(beta, row, strict=True)) for row in rows]
    mus = [max(math.exp(min(eta, 30.0)), 1e-9) for eta in etas]
    info = [[0.0] * p for _ in range(p)]
    for row, w, mu in zip(rows, weights, mus, strict=True):
        for i in range(p):
            for j in range(p):
                info[i][j] += w * mu * row[i] * row[j]
    cov = _inverse(info)
    hat = [
        w * mu * sum(row[i] * cov[i][j] * row[j] for i in range(p) for j in range(p))
        for row, w, mu in zip(rows, weights, mus, strict=True)
    ]
    n = len(ys)
    pearson = sum(w * (y - mu) ** 2 / mu for w, y, mu in zip(weights, ys, mus, strict=True))
    phi = max(1.0, pearson / (n - p)) if n > p else 1.0
    return _Fit(beta=beta, cov=cov, mu=mus, hat=hat, phi=phi, rows=rows)


def _keep_trend(fit: _Fit, ys) -> bool:
    """Farrington's rule: a trend only when significant and not predicting beyond the data."""
    se = math.sqrt(fit.phi * fit.cov[1][1])
    significant = se > 0 and abs(fit.beta[1] / se) > Z
    return significant and math.exp(fit.beta[0]) <= max(ys)


def _anscombe(fit: _Fit, ys) -> list[float]:
    return [
        1.5
        * (y ** (2 / 3) * mu ** (-1 / 6) - mu ** (1 / 2))
        / math.sqrt(fit.phi * max(1.0 - h, 1e-9))
        for y, mu, h in zip(ys, fit.mu, fit.hat, strict=True)
    ]


def _inverse(matrix):
    if len(matrix) == 1:
        return [[1.0 / matrix[0][0]]]
    (a, b), (c, d) = matrix
    det = a * d - b * c
    return [[d / det, -b / det], [-c / det, a / det]]


# --- On insights ---------------------------------------------------------------------------


def tension_tables(filters) -> list:
    """The alerts of weeks beginning in the filters' period, in their area and strand:
    reports that week, expected, and the top of the expected range. Counts only (each 5 or
    more by construction, then rounded like every count on the page)."""
    from ..models import TensionAlert
    from .filters import add_months
    from .tables import Table

    alerts = TensionAlert.objects.select_related("area", "strand").filter(
        week_start__gte=filters.start, week_start__lt=add_months(filters.end, 1)
    )
    if filters.area:
        alerts = alerts.filter(area=filters.area)
    if filters.strand:
        alerts = alerts.filter(strand=filters.strand)
    rows = [
        [
            _("%(area)s, %(strand)s, week beginning %(date)s")
            % {
                "area": alert.area.name,
                "strand": alert.strand.name,
                "date": alert.week_start.strftime("%d/%m/%Y"),
            },
            alert.observed,
            round(alert.expected, 1),
            round(alert.upper_bound, 1),
        ]
        for alert in alerts.order_by("-week_start", "area__name", "strand__order")
    ]
    return [
        Table(
            key="tension",
            title=_("Community tension alerts"),
            description=_(
                "Weeks in which an area had more reports of one strand than the past weeks "
                "led us to expect, with the expected number and the top of the expected range."
            ),
            columns=[
                _("Area, strand and week"),
                _("Reports"),
                _("Expected"),
                _("Top of the expected range"),
            ],
            rows=rows,
            chart="none",
            note=_(
                "Expected range: the Farrington quasi-Poisson threshold (Noufaily et al. 2013) "
                "over the same weeks of past years, or the recent weeks where there is less "
                "than two years of history."
            ),
        )
    ]
