"""The passphrase on the check-your-answers page: one of the reporter's own, or one made for
them (reporting/passphrase.py rates and makes them)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .. import passphrase
from .kit import messages

PASSPHRASE_HELP = _(
    "Use at least 6 words picked at random (not a saying, a song or a sentence about you), "
    "or at least 24 letters, numbers and symbols mixed at random. A password manager can "
    "make one. Do not use your name or anything else people know about you. Capital "
    "letters make no difference."
)
PASSPHRASE_WEAK = {
    passphrase.TOO_SHORT: _(
        "Your passphrase is too short. Use at least 6 words picked at random, or at least "
        "24 letters, numbers and symbols mixed at random"
    ),
    passphrase.PERSONAL: _(
        "Your passphrase has your name or your contact details in it. Choose one that "
        "nobody could link to you"
    ),
    passphrase.GUESSABLE: _(
        "Your passphrase is too easy to guess. Use at least 6 words picked at random, or at "
        "least 24 letters, numbers and symbols mixed at random"
    ),
}


def passphrase_field(label, *, help_text=""):
    return forms.CharField(
        label=label,
        required=False,
        strip=True,
        max_length=passphrase.MAX_LENGTH,
        help_text=help_text,
        # Never sent back to the page; paste and password managers welcome.
        widget=forms.PasswordInput(
            render_value=False,
            attrs={
                "autocomplete": "new-password",
                "autocapitalize": "none",
                "spellcheck": "false",
                # Shown (with the show button) in the direction of what was typed.
                "dir": "auto",
                # Safari's password generator follows these rules.
                "passwordrules": "minlength: 24; required: lower; required: digit;",
            },
        ),
        error_messages=messages(max_length=_("Your passphrase must be 200 characters or fewer")),
    )


class PassphraseChoiceForm(forms.Form):
    """An optional passphrase of the reporter's own, typed twice; left empty, we make one.

    It is accepted only if reporting/passphrase.py rates it at 64 bits or more, and it is
    never saved to the draft: it lives in this request only, then as a hash on the report.
    `known`: what the reporter told us about themself (passphrase.details_known_to_others).
    `shared_computer`: the assisted journey, where the browser should not save it.
    """

    own_passphrase = passphrase_field(_("Your passphrase"), help_text=PASSPHRASE_HELP)
    own_passphrase_again = passphrase_field(_("Type your passphrase again"))

    def __init__(self, *args, known=(), shared_computer=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.known = list(known)
        if shared_computer:
            for name in ("own_passphrase", "own_passphrase_again"):
                self.fields[name].widget.attrs["autocomplete"] = "off"

    @property
    def passphrase_fields(self):
        return [self["own_passphrase"], self["own_passphrase_again"]]

    def clean(self):
        data = super().clean()
        first = data.get("own_passphrase")
        again = data.get("own_passphrase_again")
        if first is None or again is None or not (first or again):
            return data
        if not first:
            self.add_error(
                "own_passphrase",
                _("Enter your passphrase, or leave both boxes empty for us to make one for you"),
            )
        elif not again:
            self.add_error("own_passphrase_again", _("Type your passphrase again"))
        elif passphrase.normalise_passphrase(first) != passphrase.normalise_passphrase(again):
            self.add_error(
                "own_passphrase_again",
                _("The two passphrases you typed are not the same. Type them both again"),
            )
        elif reason := passphrase.weakness(first, known=self.known):
            self.add_error("own_passphrase", PASSPHRASE_WEAK[reason])
        return data

    @property
    def chosen_passphrase(self) -> str | None:
        """The reporter's own passphrase, once the form is valid; None: make one for them."""
        return self.cleaned_data.get("own_passphrase") or None


class CheckForm(PassphraseChoiceForm):
    """The last page's form: the passphrase choice, and the honeypot, which people never see
    or fill in."""

    website = forms.CharField(required=False, max_length=200, error_messages=messages())
