"""Words that keep their shape (issue 19, part 5): the reference never wraps on a 320 px phone,
and a phone number example keeps its digit groups in order inside right-to-left text."""

import os

import pytest
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation

from reporting.forms.person import ContactForm
from tests.factories import ReportFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not os.path.exists("/usr/bin/chromium"), reason="needs Debian's chromium"),
]

PASSPHRASE = "orbit velvet tundra mango fable"
PHONE = {"width": 320, "height": 640}
# How many lines an element takes: an inline element has one client rectangle per line; an
# inline block is as many line heights tall as it has lines.
LINES = """el => {
  const rects = el.getClientRects().length;
  const style = getComputedStyle(el);
  const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.25;
  const box = el.getBoundingClientRect();
  return {rects, tall: box.height / line, right: box.right, left: box.left};
}"""


def page_with_css(live_server, body: str, *, language="en", rtl=False) -> str:
    sheets = "".join(
        f'<link rel="stylesheet" href="{live_server.url}{static(name)}">'
        for name in ("govuk/govuk-frontend.min.css", "hatereport/site.css", "reporting/journey.css")
    )
    direction = "rtl" if rtl else "ltr"
    return (
        f'<!doctype html><html lang="{language}" dir="{direction}" class="govuk-template">'
        f'<head><meta name="viewport" content="width=device-width, initial-scale=1">{sheets}'
        f'</head><body class="govuk-template__body"><div class="govuk-width-container">'
        f'<main class="govuk-main-wrapper">{body}</main></div></body></html>'
    )


@pytest.mark.parametrize("language", ["en", "ur", "pl"])
def test_reference_on_the_confirmation_is_one_line_at_320px(live_server, page, language):
    with translation.override(language):
        panel = render_to_string(
            "reporting/journey/_sent.html", {"level": 1, "reference": "HR-7KQ4-M2XD"}
        )
    page.set_viewport_size(PHONE)
    page.set_content(page_with_css(live_server, panel, language=language, rtl=language == "ur"))
    reference = page.locator(".hr-reference")

    shape = reference.evaluate(LINES)

    assert reference.inner_text() == "HR-7KQ4-M2XD"
    assert shape["tall"] < 1.5, shape  # one line, not three
    assert shape["left"] >= 0 and shape["right"] <= PHONE["width"], shape  # and on the screen


@pytest.mark.parametrize("language", ["en", "ur"])
def test_reference_on_the_tracking_page_is_one_line_at_320px(live_server, page, language):
    report = ReportFactory(language=language)
    report.set_passphrase(PASSPHRASE)
    report.save(update_fields=["passphrase_hash"])
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{language}/track/")
    page.fill("[name=reference]", report.reference)
    page.fill("[name=passphrase]", PASSPHRASE)
    with page.expect_navigation():
        page.locator("main form button.govuk-button").first.click()
    reference = page.locator(".govuk-caption-l bdi")

    shape = reference.evaluate(LINES)

    assert reference.inner_text() == report.reference
    assert shape["rects"] == 1, shape


def test_phone_example_keeps_its_order_in_urdu(live_server, page):
    """In right-to-left text "07700 900 982" would show as "982 900 07700": the example in the
    error message is isolated, so 07700 stays on the left of 982."""
    with translation.override("ur"):
        form = ContactForm(data={"channels": ["sms"], "phone": "not a number"})
        message = form.errors["phone"][0]
    page.set_viewport_size({"width": 1280, "height": 400})
    page.set_content(
        page_with_css(
            live_server, f'<p class="govuk-error-message">{message}</p>', language="ur", rtl=True
        )
    )

    left_of = page.evaluate(
        """() => {
          const text = document.querySelector('.govuk-error-message').firstChild;
          const at = (needle) => {
            const start = text.data.indexOf(needle);
            const range = document.createRange();
            range.setStart(text, start);
            range.setEnd(text, start + needle.length);
            return range.getBoundingClientRect().left;
          };
          return {first: at('07700'), last: at('982')};
        }"""
    )

    assert "07700 900 982" in message
    assert left_of["first"] < left_of["last"], left_of
