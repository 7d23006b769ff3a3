## Shared by every area: what sets texts apart when they are side by side (src/i18n/message.ts, joined).

join-comma = {", "}
join-or = {" or "}
join-line = {"\u000A"}
join-paragraph = {"\u000A\u000A"}
join-sentence = {" "}
join-clause = {"; "}

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
