"""The staff parts of the site (/admin/, /centre/, /insights/), who each is for, and the page a
signed-in person meets in a part that is not for their role (the 403 handler shows it).

The areas are named by URL name, not imported, so centres still imports neither reporting nor
casework.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class StaffArea:
    url_name: str
    name: str
    used_by: str
    allows: Callable

    @property
    def url(self) -> str:
        return reverse(self.url_name)


STAFF_AREAS = [
    StaffArea(
        "admin:index",
        _("Casework and administration"),
        _(
            "Police single points of contact, officers and inspectors use it to handle the "
            "cases shared with the police; administrators use it to run the service."
        ),
        lambda user: user.is_staff,
    ),
    StaffArea(
        "workspace:home",
        _("Centre workspace"),
        _(
            "Volunteers, ambassadors and coordinators at reporting centres use it to log "
            "reports and follow their centre's reports."
        ),
        lambda user: user.is_centre_worker,
    ),
    StaffArea(
        "casework:insights",
        _("Insights"),
        _("Partnership analysts and administrators use it to see trends, with no personal data."),
        lambda user: user.is_analyst,
    ),
]


def staff_area_for(path: str) -> StaffArea | None:
    return next((area for area in STAFF_AREAS if path.startswith(area.url)), None)


def is_staff_path(path: str) -> bool:
    """A page for staff (the sign-in pages included), shown in the staff shell."""
    return staff_area_for(path) is not None or path.startswith(reverse("staff:home"))


def out_of_role(request):
    """403 for a signed-in person on a staff page their roles do not open: who they are signed
    in as, what the page is for and who uses it, and where their own work is."""
    user = request.user
    area = staff_area_for(request.path_info)
    context = {
        "area": area,
        # In the area but not on this page (a volunteer on a coordinator's page, say).
        "in_area": area is not None and area.allows(user),
        "own_areas": [own for own in STAFF_AREAS if own.allows(user)],
    }
    return render(request, "centres/out_of_role.html", context, status=403)
