## Commands (src/engine/commands/*.ts): their summaries, answers and buttons.

## Facts: each reads the same in every list and panel.

# The one empty value: no groups, no chats.
fact-none = none
# A name not given yet (an invite for anyone).
fact-unnamed = —
fact-anyone = anyone
fact-role = { $role ->
    [admin] admin
   *[member] member
}
fact-status = { $status ->
    [active] Active
    [pending] Pending
    [expired] Expired
    [deactivated] Deactivated
    [used-up] Used up
   *[revoked] Revoked
}
fact-platform = { $platform ->
    [telegram] Telegram
    [slack] Slack
   *[console] the console
}
fact-day = { $day }
fact-minute = { DATETIME($when, hour: "numeric", minute: "numeric") } UTC
fact-seen-never = never
fact-seen-just-now = just now
fact-seen-minutes-ago = { $minutes } min ago
fact-seen-hours-ago = { $hours } h ago
fact-seen-days-ago = { $days } days ago
## Your account

login-command-summary = link this chat to your existing account (email and password)
login-already-linked = This chat is already linked to your account, { $name }.
logout-command-summary = unlink this chat from your account
logout-done = This chat is no longer linked to your account. Use /login to link it again.
profile-command-summary = your account
profile-card =
    { $who }
    Role: { $role }
    Groups: { $groups }
    Chats: { $chats }
    Member since { $since }, last seen { $seen }
profile-change-password = Change password
profile-personal-context = Personal context
profile-log-out = Log out this chat
name-command-usage = name <new name>
name-command-summary = change your name
name-ask = Send your new name with the command, like: /name Ada Lovelace
name-done = Done: you are now { $name }.
password-command-summary = change your password
onboarding-command-summary = redo the interview
context-command-usage = context [clear | <field>: <text>]
context-command-summary = what the agents know about you
context-name-a-field = name a field: { $fields }
context-cleared = Your personal context is cleared.
context-line = { $field }: { $value }
context-known =
    What agents know about you:
    { $fields }
context-unknown = Agents know nothing about you yet.
context-card =
    { $known }

    Change a field with /context <field>: <text> (fields: { $fields }); an empty text clears it.
context-redo-interview = Redo the interview
context-clear = Clear it

## People

users-command-usage = users [query]
users-command-summary = everyone and the open invites, with status and last seen
users-person-line = { $name } · { $email } · { $role } · { $status } · groups: { $groups } · seen { $seen }
users-no-email = no email
users-invite-line = { $name } · { $email } · { $role } · { $status } invite { $ref } · groups: { $groups }
users-pending-invite-line = { $name } · { $email } · { $role } · { $status } invite { $ref } until { $until } · groups: { $groups }
users-nobody-matches = Nobody matches “{ $query }”.
users-nobody = Nobody yet.
users-more-match =
    { $lines }
    (More match: narrow the search.)
users-next-page = Next page
users-open-table = Open the table
users-via-handle = @{ $username } on { $platform }
user-command-usage = user <user>
user-command-summary = one person's panel: role, groups, reset link, deactivate
role-command-usage = role <user> admin|member
role-command-summary = change someone's role (asks first)
deactivate-command-usage = deactivate <user>
deactivate-command-summary = lock someone out, keeping their data
reactivate-command-usage = reactivate <user>
reactivate-command-summary = give a deactivated person their access back
reactivate-done = { $name } is active again, with the same role and groups.
resetpassword-command-usage = resetpassword <user>
resetpassword-command-summary = a password reset link (7 days, once)
resetpassword-link =
    A reset link for { $name }; send it to them privately. It works once, for 7 days, and voids older links:
    { $code }

## Agents

agents-command-summary = the agents you may use
agents-admin-line = { $name } · { $access } · { $users ->
    [one] { $users } person
   *[other] { $users } people
}{ $described }
agents-access-everyone = everyone
agents-access-groups = groups: { $groups }
agents-list =
    Agents:
    { $lines }
agents-no-shared = No shared agents yet. Create one with /agent create <name>.
agents-personal = Your personal agent: { $name }
agents-none-usable = There are no agents you can use yet.
agents-usable =
    Agents you can use:
    { $lines }
agents-usable-own = { $name } (yours){ $described }
agents-own-described = {" · "}Your onboarding guide: knows what you told it about yourself.
agents-talk-to = Talk to { $name }
ask-command-usage = ask <agent> <text>
ask-command-summary = talk to an agent; later messages go to it until /cancel
ask-agent-gone = There is no agent called “that agent” that you can use. See /agents.
agent-command-usage = agent create <name> [description] · agent access <name> all|<group>… · agent delete <name>
agent-command-summary = create agents and decide who may use them
agent-created = Agent { $name } is created, open to everyone. Restrict it with /agent access.
agent-created-described = Agent { $name } (described as “{ $description }”) is created, open to everyone. Restrict it with /agent access.
agent-open-to-everyone = { $name }: everyone may use it.
agent-open-to-groups = { $name }: only { $groups }.
agent-quote-hint = Agent names with spaces go in quotes, like /agent delete "Help Desk"
agent-deleted = Agent { $name } is deleted.

## Invites

invite-command-usage = invite [email…] [admin|member] [group:<name>…] [uses:<n>] [expires:<days>d] [label:"…"]
invite-command-summary = invite people; the link is shown once, privately
invites-command-summary = pending, expired, used and revoked invites with their uses and who issued them
invites-no-older = No older invites.
invites-none = No invites yet. Create one with /invite.
invites-line = { $ref } · { $status } · { $email } · { $role } · { $uses }/{ $maxUses } used
invites-until = { $line } · until { $day }
invites-label = { $line } · “{ $label }”
invites-groups = { $line } · groups: { $groups }
invites-joined = { $line } · joined: { $names }
invites-by = { $line } · by { $name }
invites-by-operator = { $line } · by the operator
invites-list =
    Invites (newest first):
    { $lines }

    /revoke <ref> or /resend <ref>
invites-older = Older
revoke-command-usage = revoke <invite>
revoke-command-summary = revoke a pending invite (by its ref, email or label)
revoke-done = Invite { $ref } is revoked; { $uses } of { $maxUses } uses were taken.
resend-command-usage = resend <invite>
resend-command-summary = a fresh link for an expired invite
resend-link =
    A fresh link for invite { $ref } ({ $email }), valid until { $until }. The old link no longer works:
    { $code }

## Groups

groups-command-summary = groups and how many people are in each
groups-none = No groups yet. Create one with /group create <name>.
groups-line = { $name } · { $members ->
    [one] { $members } active member
   *[other] { $members } active members
}
group-command-usage = group create|delete <name> · group add|remove <name> <user>
group-command-summary = create or delete a group; add or remove a person
group-quote-hint = Group names with spaces go in quotes, like { $example }
group-created = Group { $name } is created.
group-member-groups = { $name }'s groups: { $groups }.

## Starting

start-command-summary = say hello; with an invite or reset link, open it
start-code-not-valid = That code is not valid. Check that you copied all of it.
start-has-account = You already have an account here, { $name }. Send /help to see what you can do.
start-hello-again = Hello again, { $name }. Send /help to see what you can do.
claim-command-usage = claim CODE
claim-command-summary = open an invite with its code
claim-ask-code = Send the code with the command, like: /claim i_AbC…
help-command-usage = help [command]
help-command-summary = what you can do here; with a command, its syntax and an example

## The audit trail

audit-command-usage = audit [<user>] [<action>] [limit:<n>] · audit export
audit-command-summary = the audit trail; export it as CSV
audit-export-newest = The newest { $rows } of { $total } audit entries, oldest first. The whole trail: npm run audit-export on the server.
audit-export-all = The audit trail, oldest first.
audit-export-takes-nothing = /audit export takes nothing after it
audit-before-is-a-number = before must be an entry number
audit-limit-range = limit must be 1 to { $max }
audit-one-person = One person at a time: “{ $token }” is a second one
audit-none-match = No audit entries match.
audit-line = #{ $id } { $when } · { $action } · by { $actor }{ $rest }
audit-older = Older

## Leaving

export-command-summary = everything Gatehouse holds about you, as a JSON file
export-caption = Everything Gatehouse holds about you.
deleteme-command-summary = erase your own account for good
delete-command-usage = delete <user>
delete-command-summary = erase someone's account for good, handing over what they created
