## Shared by every area: what sets texts apart when they are side by side (src/i18n/message.ts, joined).

join-comma = {", "}
join-or = {" o "}
join-line = {"\u000A"}
join-paragraph = {"\u000A\u000A"}
join-sentence = {" "}
join-clause = {"; "}

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
