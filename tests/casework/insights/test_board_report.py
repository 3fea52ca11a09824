"""The quarterly board report (issue 17 part 5): every insights section of a quarter with its
chart, table and the analyst's commentary; the protective marking on every page; a tagged PDF
with a title and a language; analysts and administrators only; every view and download logged."""

import pikepdf
import pypdfium2 as pdfium
import pytest
from django.urls import reverse
from django.utils import timezone

from casework.insights import board
from casework.models import BoardReport
from centres.models import AccessLogEntry
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def this_quarter() -> str:
    return board.quarter_slug(board.quarter_start(timezone.localdate()))


def pages_text(pdf: bytes) -> list[str]:
    document = pdfium.PdfDocument(pdf)
    return [
        " ".join(document[index].get_textpage().get_text_range().split())
        for index in range(len(document))
    ]


def test_quarters_are_named_and_parsed():
    import datetime as dt

    assert board.quarter_start(dt.date(2026, 8, 17)) == dt.date(2026, 7, 1)
    assert board.quarter_slug(dt.date(2026, 7, 1)) == "2026-q3"
    assert board.parse_quarter("2026-q3") == dt.date(2026, 7, 1)
    assert board.parse_quarter("2026-q5") is None
    assert board.parse_quarter("../etc") is None
    assert board.last_complete_quarter(dt.date(2026, 1, 5)) == dt.date(2025, 10, 1)


def test_analyst_writes_commentary_and_the_pdf_carries_it_with_every_section(
    client, analyst, area_a, insights_data
):
    sign_in(client, analyst)
    url = reverse("casework:board_report", args=[this_quarter(), area_a.code])
    page = client.get(url)
    assert page.status_code == 200
    keys = [name.removeprefix("commentary-") for name in page.context["form"].fields][1:]
    assert {"reports-by-month", "channels", "outcomes", "victim-satisfaction", "tension"} <= set(
        keys
    )

    saved = client.post(
        url,
        {
            "marking": "OFFICIAL-SENSITIVE",
            "commentary-reports-by-month": "Reports rose after the community forum in March.",
            "commentary-channels": "Centres logged a third of reports.",
        },
    )
    assert saved.status_code == 302
    report = BoardReport.objects.get(area=area_a)
    assert report.author == analyst
    assert report.commentary == {
        "reports-by-month": "Reports rose after the community forum in March.",
        "channels": "Centres logged a third of reports.",
    }

    response = client.get(reverse("casework:board_report_pdf", args=[this_quarter(), area_a.code]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    pdf = b"".join(response.streaming_content) if response.streaming else response.content
    texts = pages_text(pdf)
    whole = " ".join(texts)
    assert "Reports rose after the community forum in March." in whole
    assert "Centres logged a third of reports." in whole
    for section in page.context["form"].fields.values():
        if section.label != "Protective marking":
            assert str(section.label) in whole
    # The marking in the header and the footer of every page.
    for text in texts:
        assert text.count("OFFICIAL-SENSITIVE") >= 2
    # Charts are drawn (SVG paths), never pictures of text: the axis labels are text.
    assert "Birmingham East" in texts[0]
    assert AccessLogEntry.objects.filter(
        user=analyst, action=AccessLogEntry.Action.EXPORT, detail__startswith="board report PDF"
    ).exists()
    assert AccessLogEntry.objects.filter(
        user=analyst, action=AccessLogEntry.Action.CHANGE, detail__startswith="board report"
    ).exists()


def test_the_pdf_is_tagged_with_a_title_and_a_language(analyst, area_a, insights_data):
    report = BoardReport.objects.create(
        quarter_start=board.quarter_start(timezone.localdate()), area=area_a, marking="OFFICIAL"
    )

    pdf, pages = board.render_board_pdf(report)

    assert pages >= 10
    with pikepdf.open(__import__("io").BytesIO(pdf)) as document:
        root = document.Root
        assert "/StructTreeRoot" in root
        assert bool(root.MarkInfo.Marked)
        assert str(root.Lang).startswith("en")
        assert bool(root.ViewerPreferences.DisplayDocTitle)
        with document.open_metadata() as meta:
            assert "Hate crime board report" in meta["dc:title"]
            assert "Birmingham East" in meta["dc:title"]


def test_twenty_pages_and_more_render_in_one_request(client, analyst, insights_data):
    quarter = board.quarter_start(timezone.localdate())
    keys = [table.key for table in board.sections.all_tables(board.board_filters(quarter))]
    long_text = " ".join(["The board asked for the trend behind this figure."] * 60)
    BoardReport.objects.create(
        quarter_start=quarter, commentary=dict.fromkeys(keys, long_text), marking="OFFICIAL"
    )
    sign_in(client, analyst)

    response = client.get(reverse("casework:board_report_pdf", args=[this_quarter(), "force"]))

    assert response.status_code == 200
    texts = pages_text(response.content)
    assert len(texts) >= 20
    assert "the whole force" in texts[0]
    assert all("OFFICIAL" in text for text in texts)


def test_only_analysts_and_administrators_reach_the_board_report(
    client, spoc_a, volunteer_a, administrator, area_a
):
    urls = [
        reverse("casework:board_index"),
        reverse("casework:board_report", args=[this_quarter(), area_a.code]),
        reverse("casework:board_report_pdf", args=[this_quarter(), area_a.code]),
    ]
    for person in (spoc_a, volunteer_a):
        sign_in(client, person)
        for url in urls:
            assert client.get(url).status_code == 403, (person, url)
    sign_in(client, administrator)
    assert client.get(urls[0]).status_code == 200


def test_an_unknown_quarter_or_area_is_not_found(client, analyst):
    sign_in(client, analyst)

    assert client.get("/insights/board/2026-q9/force/").status_code == 404
    assert client.get("/insights/board/2026-q1/nowhere/").status_code == 404


def test_the_index_sends_the_analyst_to_the_quarter_chosen(client, analyst, area_a):
    sign_in(client, analyst)

    response = client.get(
        reverse("casework:board_index"), {"quarter": this_quarter(), "area": area_a.code}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "casework:board_report", args=[this_quarter(), area_a.code]
    )
