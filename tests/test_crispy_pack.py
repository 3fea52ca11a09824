"""The project's crispy-forms template pack (templates/govuk/) renders GOV.UK markup.

No database: the form is a throwaway defined here, rendered through both the |crispy filter
and the {% crispy %} tag, bound to data with an error on every field.
"""

import datetime
from html.parser import HTMLParser

import pytest
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.template import Context, Template
from django.utils import translation


class _DateWidget(forms.MultiWidget):
    use_fieldset = True

    def __init__(self):
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()])

    def decompress(self, value):
        return [value.day, value.month, value.year] if value else [None, None, None]


class _DateField(forms.MultiValueField):
    widget = _DateWidget

    def __init__(self, **kwargs):
        super().__init__(fields=[forms.IntegerField()] * 3, **kwargs)

    def compress(self, values):
        day, month, year = values
        try:
            return datetime.date(year, month, day)
        except (TypeError, ValueError) as error:
            raise forms.ValidationError("Enter a real date") from error


class _Hinted(str):
    """A choice label carrying a hint, as ModelChoiceField.label_from_instance may return."""

    hint = "For example, being shouted at"


class IncidentForm(forms.Form):
    name = forms.CharField(label="Your name", help_text="Or a name we can call you")
    email = forms.EmailField(label="Email address")
    story = forms.CharField(label="What happened", widget=forms.Textarea(attrs={"rows": 5}))
    kind = forms.ChoiceField(
        label="What kind of hate was it",
        choices=[("race", "Race"), ("religion", "Religion")],
        widget=forms.RadioSelect,
    )
    places = forms.MultipleChoiceField(
        label="Where did it happen",
        choices=[("street", "In the street"), ("online", _Hinted("Online"))],
        widget=forms.CheckboxSelectMultiple,
    )
    area = forms.ChoiceField(label="Area", choices=[("", "Choose an area"), ("a", "North")])
    when = _DateField(label="When did it happen", help_text="For example, 27 3 2024")
    evidence = forms.FileField(label="Upload a photo")
    agree = forms.BooleanField(label="I agree")
    secret = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("Something went wrong")


def _bound_form():
    form = IncidentForm(data={"name": "", "email": "not an email", "when_0": "31", "when_1": "2"})
    assert not form.is_valid()
    return form


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def _parse(html):
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def _by_id(elements, element_id):
    matches = [attrs for _, attrs in elements if attrs.get("id") == element_id]
    assert len(matches) == 1, f"expected one element with id {element_id!r}, got {len(matches)}"
    return matches[0]


def _render(source, form):
    with translation.override("en"):
        return Template("{% load crispy_forms_tags %}" + source).render(Context({"form": form}))


@pytest.fixture(params=["{{ form|crispy }}", "{% crispy form %}"], ids=["filter", "tag"])
def rendered(request):
    return _render(request.param, _bound_form())


def test_field_in_error_has_error_group_prefixed_message_and_described_input(rendered):
    elements = _parse(rendered)

    name_input = _by_id(elements, "id_name")
    assert name_input["class"] == "govuk-input govuk-input--error"
    assert name_input["aria-describedby"] == "id_name_helptext id_name_error"
    assert name_input["aria-invalid"] == "true"
    assert "required" not in name_input
    hint = '<div id="id_name_helptext" class="govuk-hint">Or a name we can call you</div>'
    assert hint in rendered
    assert (
        '<p id="id_name_error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> This field is required.</p>'
    ) in rendered
    assert rendered.count("govuk-form-group govuk-form-group--error") == 9


def test_every_described_by_id_exists(rendered):
    elements = _parse(rendered)
    ids = {attrs["id"] for _, attrs in elements if "id" in attrs}

    described = [attrs["aria-describedby"] for _, attrs in elements if "aria-describedby" in attrs]

    assert described
    for value in described:
        for target in value.split():
            assert target in ids, f"aria-describedby points at missing id {target!r}"


def test_choice_groups_are_fieldsets_with_govuk_options(rendered):
    elements = _parse(rendered)

    fieldsets = [attrs for tag, attrs in elements if tag == "fieldset"]
    assert {"class": "govuk-fieldset", "aria-describedby": "id_kind_error"} in fieldsets
    first_radio = _by_id(elements, "id_kind_0")
    assert first_radio["class"] == "govuk-radios__input"
    assert first_radio["type"] == "radio"
    label = '<label class="govuk-label govuk-radios__label" for="id_kind_1">Religion</label>'
    assert label in rendered
    online = _by_id(elements, "id_places_1")
    assert online["class"] == "govuk-checkboxes__input"
    assert online["aria-describedby"] == "id_places_1-item-hint"
    assert 'id="id_places_1-item-hint" class="govuk-hint govuk-checkboxes__hint"' in rendered


def test_other_widgets_get_govuk_classes(rendered):
    elements = _parse(rendered)

    assert _by_id(elements, "id_story")["class"] == "govuk-textarea govuk-textarea--error"
    assert _by_id(elements, "id_area")["class"] == "govuk-select govuk-select--error"
    assert _by_id(elements, "id_evidence")["class"] == "govuk-file-upload govuk-file-upload--error"
    assert _by_id(elements, "id_agree")["class"] == "govuk-checkboxes__input"
    day = _by_id(elements, "id_when_0")
    assert day["value"] == "31"
    assert day["inputmode"] == "numeric"
    assert "govuk-date-input__input" in day["class"]
    assert "govuk-input--error" in day["class"]
    assert "govuk-input--width-4" in _by_id(elements, "id_when_2")["class"]
    assert '<label class="govuk-label govuk-date-input__label" for="id_when_1">Month</label>' in (
        rendered
    )


def test_error_summary_links_to_the_first_control_of_each_field():
    form = _bound_form()

    html = _render('{% include "govuk/_error_summary.html" with form=form %}', form)
    page = html + _render("{{ form|crispy }}", form)

    elements = _parse(page)
    hrefs = [attrs["href"] for tag, attrs in elements if tag == "a"]
    assert hrefs == [
        "#id_name",
        "#id_email",
        "#id_story",
        "#id_kind_0",
        "#id_places_0",
        "#id_area",
        "#id_when_0",
        "#id_evidence",
        "#id_agree",
    ]
    for href in hrefs:
        _by_id(elements, href[1:])
    assert '<h2 class="govuk-error-summary__title">There is a problem</h2>' in html
    assert "<li>Something went wrong</li>" in html
    # The hidden field's error is listed, without a link to an input nobody can see.
    assert "<li>This field is required.</li>" in html


def test_error_summary_is_empty_for_an_unbound_form():
    html = _render('{% include "govuk/_error_summary.html" with form=form %}', IncidentForm())

    assert html.strip() == ""


def test_label_and_legend_can_be_the_page_heading():
    class QuestionForm(forms.Form):
        story = forms.CharField(label="What happened")
        kind = forms.ChoiceField(label="Kind", choices=[("a", "A")], widget=forms.RadioSelect)

    form = QuestionForm()
    form.helper = FormHelper()
    form.helper.label_is_heading = True
    form.helper.add_input(Submit("continue", "Continue"))

    html = _render("{% crispy form %}", form)

    assert (
        '<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="id_story">'
        "What happened</label></h1>"
    ) in html
    assert '<h1 class="govuk-fieldset__heading">Kind</h1>' in html
    assert "novalidate" in html
    assert 'class="govuk-button" id="submit-id-continue"' in html
    assert "btn" not in html


def test_error_prefix_is_translated():
    form = _bound_form()

    with translation.override("cy"):
        html = Template("{% load crispy_forms_tags %}{{ form|crispy }}").render(
            Context({"form": form})
        )

    assert '<span class="govuk-visually-hidden">Gwall:</span>' in html
