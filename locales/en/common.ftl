## Shared by every area: how texts are set side by side.

join-comma = { $first }, { $rest }
join-or = { $first } or { $rest }
join-line =
    { $first }
    { $rest }
join-paragraph =
    { $first }

    { $rest }
join-sentence = { $first } { $rest }
join-clause = { $first }; { $rest }

## What a person tells agents about themselves (and admins about the organisation), by field.
## The name in brackets is what they type to change it (`field: value`).

field-role = role
field-work = work
field-team = team
field-language = language
field-style = style
field-focus = focus
field-notes = notes
field-company = company
field-about = about
field-teams = teams
field-terms = terms
