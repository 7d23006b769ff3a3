## Shared by every area: how texts are set side by side.

join-comma = { $first }, { $rest }
join-or = { $first } oder { $rest }
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

field-role = Rolle (role)
field-work = Arbeit (work)
field-team = Team
field-language = Sprache (language)
field-style = Stil (style)
field-focus = Fokus (focus)
field-notes = Notizen (notes)
field-company = Firma (company)
field-about = Worum es geht (about)
field-teams = Teams
field-terms = Begriffe (terms)
