"""The reporting journey's forms, by concern: the field kit every question page is built from
(kit.py), the pages about the incident (incident.py), the pages about the person and how to
reach them (person.py), and the passphrase (passphrase.py).

Every field carries its own translated error messages. Django's defaults are untranslated in
several of our languages (Urdu, Panjabi, Bengali, Somali, Pashto), so none may reach a
victim. Wording follows the GOV.UK design system ("Select who is reporting").

Forms that talk to the reporter say "you" to a victim and "the person it happened to" to a
witness or someone reporting on their behalf (`role`).
"""
