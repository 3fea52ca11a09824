"""The centre workspace (/centre/): volunteers and coordinators, at their centres.

- reports.py: the centre's reports, their progress and the updates written for the victim,
  so a volunteer can pass news on to someone who trusts only the centre.
- assisted.py: assisted reporting, the journey's own steps, views and templates
  (reporting/journey/) in a flow of its own: the questions in the victim's language while the
  workspace around them stays in the volunteer's, sent as channel "assisted" with the centre
  and the volunteer stamped on it.
- centre.py: for coordinators, the centre's public listing, its volunteers and their
  training, and the counts of what was logged (small numbers suppressed); training and
  awareness activities for everyone at the centre.

These views live in reporting because they are about reports; the people and centres they
are scoped by come from centres, and every scope from reporting/access.py. Anything outside
a person's scope answers exactly as something that does not exist.
"""
