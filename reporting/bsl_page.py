"""/<lang>/bsl/: how to report in British Sign Language, in every language of the site."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from centres.models import Centre

# Video relay and text relay numbers, shown left to right in every language (<bdi dir="ltr">).
RELAY_UK_EMERGENCY = "18000"
RELAY_UK_POLICE = "18001 101"


@require_safe
def bsl(request):
    """Ways to report in BSL: to the police through a video relay service, here with a BSL
    video call back, or at a listed reporting centre that offers BSL (Centre.bsl)."""
    centres = (
        Centre.objects.listed().filter(bsl=True).select_related("area").order_by("town", "name")
    )
    return render(
        request,
        "reporting/bsl.html",
        {
            "centres": centres[:20],
            "relay_emergency": RELAY_UK_EMERGENCY,
            "relay_police": RELAY_UK_POLICE,
        },
    )
