"""`{% bsl_video "start" %}`: the page's British Sign Language video with its captions, when
an administrator has attached one (centres.models.BslVideo); nothing otherwise."""

from django import template

from centres.models import BslVideo

register = template.Library()


@register.inclusion_tag("reporting/_bsl_video.html")
def bsl_video(page: str) -> dict:
    return {"video": BslVideo.objects.for_page(page).first()}
