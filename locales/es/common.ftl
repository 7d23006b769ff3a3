## Shared by every area: how texts are set side by side.

join-comma = { $first }, { $rest }
join-or = { $first } o { $rest }
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

field-role = puesto (role)
field-work = trabajo (work)
field-team = equipo (team)
field-language = idioma (language)
field-style = estilo (style)
field-focus = enfoque (focus)
field-notes = notas (notes)
field-company = empresa (company)
field-about = a qué se dedica (about)
field-teams = equipos (teams)
field-terms = términos (terms)
