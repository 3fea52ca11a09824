"""British Sign Language videos an administrator attaches to the public pages (issue 19).

A video is uploaded in the admin, its metadata stripped and its streams copied into a new
file like evidence (reporting/bsl_videos.py does it: centres may not import reporting), and
shown on its page with its captions (WebVTT, required). Files live in their own storage and
are streamed by a view under the site's Content-Security-Policy (media from 'self' only).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class BslPage(models.TextChoices):
    """The public pages a BSL video may be shown on (their URL names under reporting:)."""

    START = "start", _("Start page")
    BSL = "bsl", _("Reporting in British Sign Language")
    REPORT_START = "report_start", _("Before you start reporting")
    EASY_READ = "easy_read", _("Easy Read guides")
    YOUNG_PEOPLE = "young_people", _("Young people")
    ACCESSIBILITY = "accessibility", _("Accessibility statement")
    PRIVACY = "privacy", _("Privacy notice")


class BslVideoQuerySet(models.QuerySet):
    def for_page(self, page: str):
        return self.filter(page=page, is_published=True)


def bsl_video_storage():
    from django.core.files.storage import storages

    return storages["bsl_videos"]


class BslVideo(models.Model):
    """A BSL version of a public page: one published video per page."""

    page = models.CharField(_("page"), max_length=20, choices=BslPage.choices)
    title = models.CharField(
        _("what the video says"),
        max_length=200,
        help_text=_("A short description, read by screen readers, e.g. 'How to report, in BSL'."),
    )
    # Stripped copies only (reporting/bsl_videos.py): never the uploaded bytes.
    video = models.FileField(_("video"), storage=bsl_video_storage, upload_to="videos/")
    content_type = models.CharField(_("type"), max_length=40)
    captions = models.FileField(
        _("captions (WebVTT)"), storage=bsl_video_storage, upload_to="captions/"
    )
    is_published = models.BooleanField(_("shown on the page"), default=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    objects = BslVideoQuerySet.as_manager()

    class Meta:
        verbose_name = _("BSL video")
        verbose_name_plural = _("BSL videos")
        constraints = [
            models.UniqueConstraint(
                fields=["page"], condition=Q(is_published=True), name="bslvideo_one_per_page"
            ),
            models.CheckConstraint(
                name="bslvideo_page_valid", condition=Q(page__in=[p.value for p in BslPage])
            ),
        ]

    def __str__(self):
        return f"{self.get_page_display()}: {self.title}"
