"""The retention periods in words, for pages whose view is not the privacy notice's (the
tracking page says when a report can no longer be checked): `{% retention_periods as p %}`."""

from django import template

from ..lifecycle import retention_periods as periods

register = template.Library()


@register.simple_tag
def retention_periods() -> dict[str, str]:
    return periods()
