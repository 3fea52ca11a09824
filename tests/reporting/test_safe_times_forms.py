"""The safe times questions: in the journey (SafeContactForm) and on the tracking page
(ContactPreferencesForm), with translated errors that keep what was typed."""

import pytest

from casework.tracking.forms import ContactPreferencesForm
from casework.tracking.services import change_contact_preferences
from reporting.forms.person import SafeContactForm
from tests.factories import ReporterContactFactory


def journey_form(**data):
    return SafeContactForm(data={"when_safe": "times", **data})


def test_any_time_gives_no_windows():
    form = SafeContactForm(data={"when_safe": "any", "not_on_bank_holidays": "on"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["safe_windows"] == []
    assert form.cleaned_data["not_on_bank_holidays"] is False


def test_no_answer_about_times_is_any_time():
    form = SafeContactForm(data={"safety": ["no_voicemail"]})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["safe_windows"] == []


def test_days_and_times_typed_without_the_choice_are_the_plan():
    form = SafeContactForm(data={"days": ["0"], "time_from": "10", "time_until": "12"})

    assert form.is_valid(), form.errors
    assert form.cleaned_data["safe_windows"] == [{"days": [0], "from": "10:00", "until": "12:00"}]


def test_any_time_with_days_and_times_typed_asks_which_is_meant():
    form = SafeContactForm(data={"when_safe": "any", "days": ["0"], "time_from": "10"})

    assert not form.is_valid()
    assert form.errors["when_safe"] == [
        "Select 'Only on the days and at the times I choose', or remove the days and times"
    ]
    assert form["time_from"].value() == "10"


def test_weekdays_ten_to_two_becomes_one_window_not_on_bank_holidays():
    form = journey_form(
        days=["0", "1", "2", "3", "4"],
        time_from="10",
        time_until="2pm",
        not_on_bank_holidays="on",
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["safe_windows"] == [
        {"days": [0, 1, 2, 3, 4], "from": "10:00", "until": "14:00"}
    ]
    assert form.cleaned_data["not_on_bank_holidays"] is True


def test_a_second_window_is_kept_when_given():
    form = journey_form(
        days=["0"],
        time_from="09:00",
        time_until="12:00",
        days_2=["5"],
        time_from_2="18:30",
        time_until_2="24:00",
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["safe_windows"][1] == {"days": [5], "from": "18:30", "until": "24:00"}


def test_chosen_times_need_days_and_times():
    form = journey_form()

    assert not form.is_valid()
    assert form.errors["days"] == ["Select the days when it is safe to contact you"]
    assert form.errors["time_from"] == ["Enter the time from when it is safe, like 10:00"]
    assert form.errors["time_until"] == ["Enter the time until when it is safe, like 14:00"]


def test_a_time_that_is_not_a_time_is_refused_and_shown_again_as_typed():
    form = journey_form(days=["2"], time_from="ten-ish", time_until="14:00")

    assert not form.is_valid()
    assert form.errors["time_from"] == ["Enter a time using the 24-hour clock, like 09:30 or 18:00"]
    assert 'value="ten-ish"' in str(form["time_from"])
    assert form["days"].value() == ["2"]


def test_until_must_be_after_from():
    form = journey_form(days=["2"], time_from="14:00", time_until="10:00")

    assert not form.is_valid()
    assert form.errors["time_until"] == [
        "The time it is safe until must be after the time it is safe from"
    ]


def test_half_a_second_window_asks_for_the_rest():
    form = journey_form(days=["0"], time_from="9", time_until="12", time_from_2="18:00")

    assert not form.is_valid()
    assert set(form.errors) == {"days_2", "time_until_2"}


def test_bank_holidays_are_ticked_at_first():
    form = SafeContactForm()

    assert form["not_on_bank_holidays"].value() is True
    assert "checked" in str(form["not_on_bank_holidays"])


# --- The tracking page --------------------------------------------------------------------------


@pytest.mark.django_db
def test_tracking_form_shows_the_stored_plan_and_saves_a_new_one():
    contact = ReporterContactFactory(
        safe_windows=[{"days": [0, 1, 2, 3, 4], "from": "10:00", "until": "14:00"}],
        not_on_bank_holidays=True,
        safe_times="not when my brother is home",
    )
    shown = ContactPreferencesForm(instance=contact)
    assert shown["when_safe"].value() == "times"
    assert shown["days"].value() == ["0", "1", "2", "3", "4"]
    assert shown["time_from"].value() == "10:00"

    form = ContactPreferencesForm(
        data={
            "channels": ["sms"],
            "phone": "07700 900123",
            "when_safe": "times",
            "days": ["5", "6"],
            "time_from": "9",
            "time_until": "11:30",
            "safe_times": "not when my brother is home",
        },
        instance=contact,
    )
    assert form.is_valid(), form.errors
    change_contact_preferences(report=contact.report, preferences=form.cleaned_data)

    contact.refresh_from_db()
    assert contact.safe_windows == [{"days": [5, 6], "from": "09:00", "until": "11:30"}]
    assert contact.not_on_bank_holidays is False
    assert contact.safe_times == "not when my brother is home"
    assert contact.safe_times_in_words() == "weekends 09:00–11:30"


@pytest.mark.django_db
def test_tracking_form_without_an_answer_about_times_keeps_any_time():
    contact = ReporterContactFactory()
    form = ContactPreferencesForm(
        data={"channels": ["email"], "email": "a@example.org"}, instance=contact
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["safe_windows"] == []


@pytest.mark.django_db
def test_tracking_form_error_keeps_what_was_typed():
    contact = ReporterContactFactory()
    form = ContactPreferencesForm(
        data={"when_safe": "times", "days": ["1"], "time_from": "25:00", "time_until": "26"},
        instance=contact,
    )

    assert not form.is_valid()
    assert 'value="25:00"' in str(form["time_from"])
    assert "time_until" in form.errors
