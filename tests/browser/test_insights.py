"""The insights page in a browser: axe finds nothing at 320 and 1280 px, in English and in
Arabic (right to left), with an area filter; the charts draw with the page's own CSS (no
inline style, no script) under the Content-Security-Policy."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from casework.insights import rollup
from centres.models import Role
from reporting.models import Channel
from tests.browser.axe_walk import AXE_SOURCE, AXE_TAGS, RUN_AXE
from tests.browser.test_policies import sign_in_browser
from tests.conftest import member
from tests.factories import AreaFactory, ReportFactory

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def insights_site(live_server):
    call_command("load_reference_data", verbosity=0)
    area = AreaFactory(name="Sparkbrook", code="sparkbrook")
    for index in range(12):
        ReportFactory(
            area=area,
            submitted_at=timezone.now(),
            channel=Channel.PHONE if index % 3 else Channel.ONLINE_SELF,
            happened_before="yes" if index % 2 else "no",
        )
    rollup.refresh()
    return live_server, area


@pytest.mark.parametrize("language", ["en", "ar"])
def test_insights_page_has_no_axe_findings(insights_site, browser, language):
    site, area = insights_site
    context = browser.new_context(locale=language, extra_http_headers={"Accept-Language": language})
    context.add_init_script(script=AXE_SOURCE)
    page = context.new_page()
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security" in message.text else None
        ),
    )
    sign_in_browser(page, site.url, member(Role.ANALYST, name="Ana Analyst"))

    page.goto(f"{site.url}/insights/?area={area.code}")

    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    assert page.locator("svg[role=img]").count() >= 8
    # The chart colours come from static/casework/insights.css, not from inline styles.
    fill = page.locator("svg.insights-chart .color-0 rect, svg.insights-chart .color-0 path").first
    assert fill.evaluate("e => getComputedStyle(e).fill") != "rgb(0, 0, 0)"
    findings = []
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        outcome = page.evaluate(RUN_AXE, AXE_TAGS)
        findings += [(width, v["id"], v["help"], len(v["nodes"])) for v in outcome["violations"]]
    context.close()
    assert findings == []
    assert blocked == []
