"""The Easy Read guides (/<lang>/easy-read/…): "How to report hate", "What happens next" and
"Staying safe", one idea per sentence with a picture beside each, in every language; each also
as a printable PDF that centres hand out.

The guides' words are in their templates (templates/reporting/easy_read/_<slug>.html), shared
by the page and the PDF; the pictures are the project's own SVGs in
static/reporting/easy-read/. The PDF of a guide is the same for everyone, so each process
renders each language's once and keeps it.
"""

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from .languages import text_direction

PICTURES = settings.BASE_DIR / "static" / "reporting" / "easy-read"


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    # The picture that stands for the guide in the list of guides.
    picture: str

    @property
    def template(self) -> str:
        return f"reporting/easy_read/_{self.slug.replace('-', '_')}.html"


GUIDES = [
    Guide("how-to-report", _("How to report hate"), "computer"),
    Guide("what-happens-next", _("What happens next"), "reference"),
    Guide("staying-safe", _("Staying safe"), "exit"),
]
GUIDE_BY_SLUG = {guide.slug: guide for guide in GUIDES}


def guide_or_404(slug: str) -> Guide:
    guide = GUIDE_BY_SLUG.get(slug)
    if guide is None:
        raise Http404
    return guide


@require_safe
def easy_read_index(request):
    return render(request, "reporting/easy_read/index.html", {"guides": GUIDES})


@require_safe
def easy_read_guide(request, slug):
    guide = guide_or_404(slug)
    return render(request, "reporting/easy_read/guide.html", {"guide": guide, "guides": GUIDES})


def render_guide_html(guide: Guide, language: str) -> str:
    with translation.override(language):
        return render_to_string(
            "reporting/easy_read/pdf.html",
            {
                "guide": guide,
                "language": language,
                "dir": text_direction(language),
                "pdf": True,
                "picture_root": PICTURES.as_uri() + "/",
                "site_url": settings.SITE_URL,
                "product_name": settings.PRODUCT_NAME,
            },
        )


@lru_cache(maxsize=64)
def render_guide_pdf(slug: str, language: str) -> bytes:
    """The guide as a tagged PDF (PDF/UA-1), for screen readers as well as printers; the
    same for everyone, so kept once rendered (a public page must not cost a render a click)."""
    from weasyprint import HTML  # imported here: it loads Pango, slow for every other page

    html = render_guide_html(GUIDE_BY_SLUG[slug], language)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/ua-1")


@require_safe
def easy_read_pdf(request, slug):
    guide = guide_or_404(slug)
    response = HttpResponse(render_guide_pdf(guide.slug, get_language()), "application/pdf")
    response["Content-Disposition"] = f'inline; filename="easy-read-{guide.slug}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
