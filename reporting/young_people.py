"""The route for young people (11 to 17): what happens, that they can tell a trusted adult,
and that they can report without giving their name; it leads into the journey."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

# Childline: free, confidential, any time (NSPCC). A number, shown left to right in every
# language (templates keep it in a <bdi dir="ltr">).
CHILDLINE_PHONE = "0800 1111"


@require_safe
def young_people(request):
    return render(request, "reporting/young_people.html", {"childline": CHILDLINE_PHONE})
