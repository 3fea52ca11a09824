"""The forms on the case page. Each validates one action and hands it to its service.

Every form takes the case and the person acting; `save()` calls the service, which checks the
rules again under the row lock, so a form is never the only guard.
"""

from django import forms
from django.core.exceptions import ValidationError


def _yes_no(value):
    return {"yes": True, "no": False}.get(value)


class CaseActionForm(forms.Form):
    """A form bound to one case and the person acting on it."""

    title = ""

    @classmethod
    def applies_to(cls, case, user) -> bool:
        """Whether the case page offers this form for this case, to a person who may change
        it. Most forms always apply; a form that only makes sense at some point of the case
        says when."""
        return True

    def __init__(self, *args, case, user, **kwargs):
        self.case = case
        self.user = user
        super().__init__(*args, **kwargs)

    def save(self):
        raise NotImplementedError

    def run(self) -> bool:
        """Validate, then call the service; its refusals become form errors."""
        if not self.is_valid():
            return False
        try:
            self.save()
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.error_dict.items():
                    self.add_error(field if field in self.fields else None, errors)
            else:
                self.add_error(None, exc)
            return False
        return True
