"""axe-core over the whole public journey: every page, blank and with its errors, and the
error pages (400, 403, 404, 500, the expired form), in every language, at 320 px and
1280 px wide (issue 3), in a few minutes on two cores.

What keeps it fast:
- axe-core is registered once per browser context as an init script, so each page load
  evaluates the copy the browser already holds (and V8 soon caches) instead of the 570 KB
  crossing Python, Playwright's driver and the browser for every page;
- each page state is loaded once and checked at both widths by resizing the viewport; the
  widths alternate, so half the pages are also loaded at 320 px and half at 1280 px;
- the walk moves by the journey's own forms; a question that comes round again (to open the
  pages only another answer opens) is reached by its URL once the draft exists;
- languages run side by side, each in a browser context of its own (its own renderer process),
  driven by Playwright's async API in a thread of its own, so both cores work.

Beside axe, on pages in a language not written in the Latin alphabet, the walk looks for what
axe cannot see: English left in the page (an untranslated string, or a date or language name
from elsewhere) with no lang attribute to say so, which a screen reader then reads in the
wrong voice (WCAG 3.1.2).

A walk records what it finds and carries on; the test fails at the end with every finding.
"""

import asyncio
import io
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import axe_playwright_python
from django.conf import settings
from PIL import Image
from playwright.async_api import async_playwright

from tests.browser.steps import WITH_CONTACT

AXE_SOURCE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = (1280, 320)
HEIGHT = 900
# Languages walked at once. More than the cores keeps them busy while pages load.
CONCURRENCY = int(os.environ.get("AXE_CONCURRENCY", "3"))
# Debian's chromium-headless-shell (the "old" headless Chromium, which Playwright itself uses
# for headless runs) when installed: its browser process does a third of the work that full
# Chromium's does per page. Either finds the same.
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
# Every page is a new document, so V8's optimising compilers would optimise axe-core afresh
# on every page, in background threads, for runs of a tenth of a second that never repay it.
NO_OPTIMISING_JIT = "--js-flags=--no-opt --no-maglev"

RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return {
    width: window.innerWidth,
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(" "),
        html: n.html,
        summary: n.failureSummary || "",
      })),
    })),
  };
}"""
# Text all in the Latin alphabet, on a page whose language is not, and not marked with a lang
# of its own: with a word in lower case (not a reference or a postcode), and not an email
# address. (A name like WhatsApp inside a translated sentence is fine.)
ENGLISH_WITHOUT_LANG = """() => {
  const page = document.documentElement.lang;
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const element = node.parentElement;
    if (!/[a-z]{2}/.test(text) || text.includes("@")) continue;
    if (element.closest("script, style, template")) continue;
    if (element.closest("[lang]").lang !== page) continue;
    const latin = (text.match(/\\p{Script=Latin}/gu) || []).length;
    const letters = (text.match(/\\p{L}/gu) || []).length;
    if (latin === letters) {
      found.push({target: element.tagName.toLowerCase(), html: element.outerHTML.slice(0, 200)});
    }
  }
  return found;
}"""
# Languages not written in the Latin alphabet, where the check above can tell English apart.
NOT_LATIN = {"ur", "pa", "bn", "ar", "ps"}

# GOV.UK Frontend starts its components after a dynamic import: check the page as people get
# it, with every [data-module] started (each sets data-<module>-init).
STARTED = """() => [...document.querySelectorAll("[data-module]")].every(
  (element) => element.hasAttribute(`data-${element.dataset.module}-init`))"""

SUBMIT = "form button.govuk-button:not(.govuk-button--secondary)"
DATE = [("fill", "occurred_on_day", "2"), ("fill", "occurred_on_month", "3")]
DATE += [("fill", "occurred_on_year", "2025")]

# The journey through every page, conditional ones included: (page, answers). A page that
# comes round again is reached by its URL; each is checked on its first visit only.
JOURNEY = [
    ("who", [("radio", "reporter_role", "victim")]),
    # Answers typed in Urdu: on other languages' pages they are not mistaken for English.
    ("what", [("first", "incident_types"), ("fill", "description", "بس میں مجھ پر چیخا")]),
    ("when", [("radio", "when_kind", "exact")]),
    ("when-date", DATE),
    ("when", [("radio", "when_kind", "period")]),
    ("when-period", DATE),
    ("when", [("radio", "when_kind", "approximate")]),
    ("when-roughly", [("fill", "when_details", "پچھلے ہفتے")]),
    ("happened-before", [("radio", "happened_before", "not_sure")]),
    ("where", [("radio", "location_kind", "online")]),
    ("where-online", [("fill", "online_platform", "ایک گیم")]),
    ("where", [("radio", "location_kind", "place")]),
    ("where-place", [("fill", "postcode", "B11 1AA")]),
    # From here on as the browser tests answer it, with contact details, except that the
    # reporter knows who did it: the page asking what identifies them (issue 20) comes next.
    *[
        page
        for slug, actions in WITH_CONTACT[[slug for slug, _ in WITH_CONTACT].index("why") :]
        for page in (
            [
                ("offenders", [("radio", "offender_known", "yes")]),
                ("offender-identifiers", [("fill", "offender_account", "@someone_99")]),
            ]
            if slug == "offenders"
            else [(slug, actions)]
        )
    ],
]
# Pages with nothing required, which accept being sent blank (evidence has its own errors).
OPTIONAL = {"where-online", "evidence", "contact-safety", "contact-needs", "equality-questions"}
OPTIONAL |= {"offender-identifiers"}


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "purple").save(out, "PNG")
    return out.getvalue()


@dataclass(frozen=True)
class Finding:
    language: str
    page: str
    width: int
    rule: str
    impact: str
    help: str
    target: str
    html: str
    summary: str


@dataclass
class Walked:
    language: str
    seconds: float = 0.0
    pages: int = 0
    findings: list[Finding] = field(default_factory=list)
    error: str = ""


class Walk:
    """One language's way through every page, checking each at both widths."""

    def __init__(self, page, base: str, language: str, result: Walked):
        self.page = page
        self.base = base
        self.language = language
        self.result = result
        self.width = WIDTHS[0]

    # --- Moving --------------------------------------------------------------------------

    async def goto(self, path: str) -> None:
        await self.page.goto(f"{self.base}/{self.language}/{path}")

    async def click(self, selector: str) -> None:
        async with self.page.expect_navigation():
            await self.page.locator(selector).last.click()

    async def submit_with_errors(self, selector: str = SUBMIT) -> None:
        await self.click(selector)
        await self.page.locator(".govuk-error-summary").wait_for()

    async def answer(self, actions) -> None:
        for kind, name, *value in actions:
            if kind in ("radio", "check"):
                await self.page.check(f"input[name={name}][value={value[0]}]")
            elif kind == "first":
                await self.page.locator(f"input[name={name}]").first.check()
            else:
                await self.page.fill(f"[name={name}]", value[0])

    def at(self, path: str) -> bool:
        return self.page.url.split("?")[0].endswith(f"/{self.language}/{path}")

    # --- Checking ------------------------------------------------------------------------

    async def check(self, where: str) -> None:
        """axe at this width, then at the other; the next page starts at the other."""
        await self.page.wait_for_function(STARTED, timeout=10_000)
        if self.language in NOT_LATIN:
            for node in await self.page.evaluate(ENGLISH_WITHOUT_LANG):
                self.result.findings.append(
                    Finding(
                        self.language,
                        where,
                        self.width,
                        "english-without-lang",
                        "serious",
                        "Text in another language must say so with a lang attribute",
                        node["target"],
                        node["html"],
                        "",
                    )
                )
        for width in (self.width, *(w for w in WIDTHS if w != self.width)):
            if width != self.width:
                await self.page.set_viewport_size({"width": width, "height": HEIGHT})
                self.width = width
            outcome = await self.page.evaluate(RUN_AXE, AXE_TAGS)
            assert outcome["width"] == width, (where, width, outcome["width"])
            for violation in outcome["violations"]:
                for node in violation["nodes"]:
                    self.result.findings.append(
                        Finding(
                            self.language,
                            where,
                            width,
                            violation["id"],
                            violation["impact"] or "",
                            violation["help"],
                            node["target"],
                            node["html"],
                            node["summary"],
                        )
                    )
        self.result.pages += 1

    # --- The walk ------------------------------------------------------------------------

    async def run(self) -> None:
        await self.goto("")
        await self.check("start page")
        await self.easy_read()
        await self.young_people()
        await self.bsl()
        await self.goto("report/")
        await self.check("before you start")
        await self.click("main a.govuk-button")
        await self.check("staying safe")
        await self.click("main a.govuk-button")
        seen = set()
        for slug, actions in JOURNEY:
            if not self.at(f"report/{slug}/"):
                await self.goto(f"report/{slug}/")
            assert self.at(f"report/{slug}/"), (slug, self.page.url)
            if slug not in seen:
                seen.add(slug)
                await self.check(slug)
                if slug == "evidence":
                    await self.evidence()
                elif slug not in OPTIONAL:
                    await self.submit_with_errors()
                    await self.check(f"{slug}, with errors")
            await self.answer(actions)
            await self.click(SUBMIT)
        assert self.at("report/check/"), self.page.url
        await self.check("check your answers")
        choice = self.page.locator("[data-passphrase-choice]")
        if await choice.count():
            # A passphrase of the reporter's own, too short: the page with its errors.
            await choice.locator("summary").click()
            await choice.locator("input[type=password]").first.fill("short")
            await self.submit_with_errors()
            await self.check("check your answers, with errors")
        await self.click(SUBMIT)
        await self.page.locator(".govuk-panel--confirmation").wait_for()
        await self.check("confirmation")
        reference = await self.page.locator("[data-reference]").get_attribute("data-reference")
        passphrase = (await self.page.locator("[data-passphrase]").inner_text()).strip()
        await self.goto("report/done/")
        await self.check("confirmation, again")
        await self.tracking(reference, passphrase)
        await self.errors()

    async def easy_read(self) -> None:
        """The Easy Read guides (reporting/easy_read.py), from the start page's link."""
        await self.click("main a[href$='/easy-read/']")
        await self.check("easy read: the guides")
        for slug in ("how-to-report", "what-happens-next", "staying-safe"):
            await self.goto(f"easy-read/{slug}/")
            await self.check(f"easy read: {slug}")

    async def young_people(self) -> None:
        """The route for 11 to 17 year olds (reporting/young_people.py), from the start page."""
        await self.goto("")
        await self.click("main a[href$='/young-people/']")
        await self.check("young people")

    async def bsl(self) -> None:
        """Reporting in British Sign Language (reporting/bsl_page.py), from the start page."""
        await self.goto("")
        await self.click("main a[href$='/bsl/']")
        await self.check("british sign language")

    async def evidence(self) -> None:
        add = "button[name=action][value=add]"
        files = self.page.locator("input[type=file]")
        await files.set_input_files(
            {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"not a photo"}
        )
        await self.submit_with_errors(add)
        await self.check("evidence, with errors")
        await files.set_input_files({"name": "a.png", "mimeType": "image/png", "buffer": _png()})
        await self.click(add)
        await self.check("evidence, with a file")
        await self.click("button[name=remove]")

    async def tracking(self, reference: str, passphrase: str) -> None:
        await self.goto("track/")
        await self.check("track: sign in")
        await self.submit_with_errors()
        await self.check("track: sign in, with errors")
        await self.page.fill("[name=reference]", reference)
        await self.page.fill("[name=passphrase]", passphrase)
        await self.click(SUBMIT)
        assert self.at("track/status/"), self.page.url
        await self.check("track: your report")
        await self.goto("track/add-information/")
        await self.check("track: add information")
        await self.submit_with_errors()
        await self.check("track: add information, with errors")
        await self.page.fill("[name=text]", "وہ جمعہ کو پھر آیا")
        await self.click(SUBMIT)
        await self.page.locator(".govuk-notification-banner").wait_for()
        await self.check("track: your report, with a message")
        await self.goto("track/contact/")
        await self.check("track: contact")
        await self.page.fill("[name=email]", "")
        await self.submit_with_errors()
        await self.check("track: contact, with errors")
        await self.goto("track/stop-sharing/")
        await self.check("track: stop sharing")
        await self.goto("track/your-data/")
        await self.check("track: everything we hold")
        # A report just made has no closed case: the feedback page says there is nothing to
        # answer (tests/casework/insights/test_feedback.py checks the questions themselves).
        await self.goto("track/feedback/")
        await self.check("track: feedback")
        await self.goto("track/finished/")
        await self.check("track: finished")

    async def errors(self) -> None:
        """Every error page: a mistyped address, an address with more query fields than
        Django parses (400), the test URLconf's failing addresses (403, 500), and a form sent
        after the cookies went, as after a quick exit in another tab (the expired form)."""
        fields = "&".join(["q=1"] * (settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1))
        for path, status, where in [
            ("no-such-page/", 404, "error: page not found"),
            (f"centres/?{fields}", 400, "error: bad request"),
            ("forbidden/", 403, "error: no access"),
            ("explode/", 500, "error: a problem with the service"),
        ]:
            response = await self.page.goto(f"{self.base}/{self.language}/{path}")
            assert response.status == status, (where, response.status)
            await self.check(where)
        await self.goto("track/")
        await self.page.context.clear_cookies()
        async with self.page.expect_navigation() as navigation:
            await self.page.locator(SUBMIT).last.click()
        response = await navigation.value
        assert response.status == 403, ("error: page expired", response.status)
        await self.check("error: page expired")


def browser_path(default=None):
    return HEADLESS_SHELL if os.path.exists(HEADLESS_SHELL) else default


async def _walk_all(base, languages, launch_args, concurrency) -> list[Walked]:
    async with async_playwright() as playwright:
        launch_args = {**launch_args, "args": [*launch_args.get("args", []), NO_OPTIMISING_JIT]}
        launch_args["executable_path"] = browser_path(launch_args.get("executable_path"))
        browser = await playwright.chromium.launch(**launch_args)
        slots = asyncio.Semaphore(concurrency)

        async def walk(language):
            result = Walked(language)
            async with slots:
                started = time.perf_counter()
                context = await browser.new_context(viewport={"width": WIDTHS[0], "height": HEIGHT})
                await context.add_init_script(script=AXE_SOURCE)
                page = await context.new_page()
                try:
                    await Walk(page, base, language, result).run()
                except Exception as error:
                    result.error = f"{language}, at {page.url}: {type(error).__name__}: {error}"
                finally:
                    await context.close()
                    result.seconds = time.perf_counter() - started
            return result

        try:
            return await asyncio.gather(*(walk(language) for language in languages))
        finally:
            await browser.close()


def walk_every_language(base, languages, launch_args, concurrency=CONCURRENCY) -> list[Walked]:
    """Walk each language's journey with axe, `concurrency` at a time.

    In a thread of its own: pytest-playwright's sync API may own this thread's event loop.
    """
    outcome = {}

    def target():
        try:
            outcome["walked"] = asyncio.run(_walk_all(base, languages, launch_args, concurrency))
        except BaseException as error:
            outcome["error"] = error

    thread = threading.Thread(target=target, name="axe-walk")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["walked"]


def report(findings: list[Finding], limit: int = 60) -> str:
    """One entry per rule and element, with every language, page and width it was seen at."""
    grouped: dict[tuple, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault((finding.rule, finding.target, finding.html), []).append(finding)
    lines = [f"{len(findings)} axe violations, {len(grouped)} distinct:"]
    for (rule, target, html), seen in sorted(grouped.items())[:limit]:
        first = seen[0]
        languages = sorted({f.language for f in seen})
        pages = sorted({f.page for f in seen})
        widths = sorted({f.width for f in seen})
        lines += [
            f"- {rule} ({first.impact}): {first.help}",
            f"    element: {target}",
            f"    html: {html[:300]}",
            f"    why: {' / '.join(first.summary.splitlines())[:400]}",
            f"    languages: {' '.join(languages)}; widths: {widths}",
            f"    pages ({len(pages)}): {'; '.join(pages)[:400]}",
        ]
    if len(grouped) > limit:
        lines.append(f"... and {len(grouped) - limit} more")
    return "\n".join(lines)
