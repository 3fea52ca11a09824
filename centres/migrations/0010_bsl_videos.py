# BSL videos an administrator attaches to the public pages (issue 19): a stripped video and
# its WebVTT captions per page, at most one published per page.
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import centres.models.bsl

PAGES = [
    ("start", "Start page"),
    ("bsl", "Reporting in British Sign Language"),
    ("report_start", "Before you start reporting"),
    ("easy_read", "Easy Read guides"),
    ("young_people", "Young people"),
    ("accessibility", "Accessibility statement"),
    ("privacy", "Privacy notice"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("centres", "0009_data_protection"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="BslVideo",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("page", models.CharField(choices=PAGES, max_length=20, verbose_name="page")),
                (
                    "title",
                    models.CharField(
                        help_text=(
                            "A short description, read by screen readers, e.g. 'How to "
                            "report, in BSL'."
                        ),
                        max_length=200,
                        verbose_name="what the video says",
                    ),
                ),
                (
                    "video",
                    models.FileField(
                        storage=centres.models.bsl.bsl_video_storage,
                        upload_to="videos/",
                        verbose_name="video",
                    ),
                ),
                ("content_type", models.CharField(max_length=40, verbose_name="type")),
                (
                    "captions",
                    models.FileField(
                        storage=centres.models.bsl.bsl_video_storage,
                        upload_to="captions/",
                        verbose_name="captions (WebVTT)",
                    ),
                ),
                (
                    "is_published",
                    models.BooleanField(default=True, verbose_name="shown on the page"),
                ),
                (
                    "uploaded_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="uploaded at"
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="uploaded by",
                    ),
                ),
            ],
            options={
                "verbose_name": "BSL video",
                "verbose_name_plural": "BSL videos",
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("is_published", True)),
                        fields=("page",),
                        name="bslvideo_one_per_page",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("page__in", [value for value, _label in PAGES])),
                        name="bslvideo_page_valid",
                    ),
                ],
            },
        ),
    ]
