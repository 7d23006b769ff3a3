## Validation (src/engine/validation-refusals.ts): why typed input was refused.
## A field's name is worded to open the refusal's sentence: "That { $field } …" in English, with its
## article and capital in German and Spanish ("Der Gruppenname …", "El nombre del grupo …").

validation-field-name = name
validation-field-email = email
validation-field-group-name = group name
validation-field-agent-name = agent name
validation-field-label = label
validation-field-description = description
validation-field-instructions = instructions
validation-field-page = page
validation-field-limit = limit
validation-field-role = role
validation-field-access = access
validation-field-uses = uses
validation-field-days = number of days
validation-field-emails = list of emails
validation-field-groups = list of groups
validation-field-invite = invite
validation-field-new-password = new password
validation-field-new-owner = new owner
validation-field-context-field = field
validation-field-personal-context = personal context
validation-field-organisation-context = organisation context
# $name: a context field's name (field-role, field-company…).
validation-field-context = { $name }

validation-empty = That { $field } must not be empty.
validation-too-long = That { $field } must be at most { $max } characters.
validation-too-many = That { $field } can have at most { $max } entries.
validation-not-email = That { $field } is not an email address.
validation-not-id = That { $field } is not a valid id.
validation-bad-characters = That { $field } may use letters, digits, spaces, _ . and - only.
validation-control-characters = That { $field } must not contain control characters.
validation-not-whole-number = That { $field } must be a whole number.
validation-at-least = That { $field } must be at least { $min }.
validation-at-most = That { $field } must be at most { $max }.
# $options: the keywords to type, joined with "or" when there are two, else with commas.
validation-not-one-of = That { $field } must be { $count ->
        [2] { $options }
       *[other] one of { $options }
    }.
validation-too-many-bytes = That { $field } must stay within { $max } bytes in all.
validation-stale-page = That { $field } is out of date; start again from the first page.
validation-same-as-current = That { $field } must differ from the current one.
validation-not-another-active-person = That { $field } must be another active person.
validation-needed-for-created-agents = That { $field } is needed for the agents they created.
validation-one-use-for-email = That { $field } must be 1 for an invite to an email.
validation-all-or-some-groups = That { $field } must be all or at least one group.
validation-invalid = That { $field } is invalid.

## What was already the case when a change was asked for (src/engine/no-change-refusals.ts).
# $role: admin or member.
validation-no-change-already-role = { $name } is already { $role ->
        [admin] an admin
       *[member] a member
    }.
validation-no-change-already-deactivated = { $name } is already deactivated.
validation-no-change-already-active = { $name } is already active.
validation-no-change-same-name = Your name is already { $name }.
validation-no-change-already-in-group = { $name } is already in { $group }.
validation-no-change-not-in-group = { $name } is not in { $group }.
validation-no-change-same-groups = { $name }'s groups are already those.
validation-no-change-chat-already-linked = This chat is already linked to your account.
validation-no-change-chat-not-linked = This chat is not linked to your account.
validation-no-change-invite-already-closed = That invite is already revoked or used up.
validation-no-change-invite-closed = That invite is revoked or used up; create a new one.
validation-no-change-account-exists = An account exists already.
