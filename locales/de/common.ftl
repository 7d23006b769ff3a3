## Shared by every area: what sets texts apart when they are side by side (src/i18n/message.ts, joined).

join-comma = {", "}
join-or = {" oder "}
join-line = {"\u000A"}
join-paragraph = {"\u000A\u000A"}
join-sentence = {" "}
join-clause = {"; "}

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
