## Engine (src/engine): what the engine itself says, /help, /language, and the refusals of domain rules.

# Texts worded one after another (src/engine/words.ts).
engine-apology = Sorry, something went wrong on my side. Please try again in a moment.
engine-session-store-away = I can't reach my session store right now; try again in a minute.
engine-deactivated-notice = Your account is deactivated. You can still /export your data or /deleteme; for anything else, talk to an admin.
engine-stale-button = This button has expired. Send the command again to get a fresh one.
engine-stale-flow = That step changed since you started it. Please start that step again.
engine-step-ended = That step has ended.
engine-form-expired = That form has expired. Please start that step again.
engine-locked-out = Too many wrong attempts. Please wait a quarter of an hour and try again.
engine-sent-privately = I've sent you the details in a private message.

engine-cancelled = Cancelled. Nothing was changed.
engine-nothing-to-cancel = There is nothing to cancel.
engine-nothing-to-skip = There is nothing to skip.
engine-left-step = (I left the step you were in.)
engine-unknown-command-nearest = I don't know /{ $command }. Did you mean /{ $nearest }?
engine-unknown-command = I don't know /{ $command }. Send /help to see what I can do.

engine-private-only = Please use /{ $command } in a private chat with me.
engine-not-signed-in = You're not signed in here. Open your invite link, or use /login if you have an account.
engine-admins-only = Only admins can use /{ $command }.

# $usage: a command's usage line, without its slash.
engine-usage = Usage: /{ $usage }
engine-usage-after-problem = { $problem }. Usage: /{ $usage }
engine-args-not-understood = I don't understand “{ $token }”
engine-args-none-taken = /{ $command } takes nothing after it
engine-invite-malformed = That invite is malformed
engine-invite-rule-emails = One invite reaches at most { $max } emails
engine-invite-rule-role = The role is admin or member
engine-invite-rule-uses = Uses is a number from 1 to { $max }, like uses:5
engine-invite-rule-expiry = Expiry is a number of days from 1 to { $max }, like expires:14d
engine-invite-rule-label = A label is 1 to { $max } characters, like label:"Spring hires"

engine-secret-step-expired-deleted = That step expired, so I didn't use what you just sent; in case it was a password, I deleted it. Please start that step again.
engine-secret-step-expired-kept = That step expired, so I didn't use what you just sent. If it was a password, delete your message, then start that step again.
engine-password-left-in-chat = I could not delete your message with the password. Please delete it yourself now.
engine-password-not-as-message = Please never send a password as a message. Use this button to enter it privately.
engine-secret-still-expected = I am still waiting for the password I asked for.
engine-passwords-differ = The two passwords differ. Type the same new password in both fields.

## /language

# Each language by its own name, the same in every language.
engine-language-own-name-en = English
engine-language-own-name-de = Deutsch
engine-language-own-name-es = Español
# Said in the language it names: each locale names itself.
engine-language-current = { $reason ->
        [chosen] I answer you in English, as you chose.
        [platform] I answer you in English, your platform's language.
       *[default] I answer you in English, the default here.
    }
engine-language-choose = Choose another, or let your platform decide:
engine-language-follow-platform = Follow my platform
engine-language-saved = Saved.
engine-language-cleared = Done: your platform's language decides again.
engine-language-with-code = { $name } ({ $code })
engine-language-unknown = I don't speak “{ $asked }”. I can answer in { $known }

## Refusals of domain rules (src/engine/replies.ts).

refusal-password-too-short = That password is too short: use at least { $min } characters.
refusal-password-too-long = That password is too long: use at most { $max } characters.
refusal-password-no-letter = That password needs at least one letter.
refusal-password-no-digit = That password needs at least one digit.
refusal-password-common = That password is on a list of common or breached passwords. Choose another.
# $field and $reason come worded from the rule that refused (in English).
refusal-unknown-user = I can't find anyone matching “{ $query }”.
refusal-unknown-group = There is no group called “{ $name }”. See /groups.
refusal-unknown-agent = There is no agent called “{ $name }” that you can use. See /agents.
refusal-unknown-invite = I can't find an invite matching “{ $reference }”. See /invites.
refusal-name-taken = { $kind ->
        [agent] An agent
       *[group] A group
    } called “{ $name }” exists already.
refusal-seat-limit = All { $limit } seats are taken. Deactivate someone or revoke an open invite first.
refusal-account-frozen = { $name } is deactivated, so { $change ->
        [role] their role stays as it is
        [groups] their groups stay as they are
       *[reset] they get no reset link
    } until you /reactivate them.
refusal-invite-still-valid = That invite is still valid until { $until }; /revoke it first if the link leaked.
refusal-ambiguous-candidate = { $name } on { $platform }
# $candidates: who it could be; $ways: how to name each platform's (telegram:@sam or slack:@sam).
refusal-ambiguous-user = “@{ $handle }” is more than one person: { $candidates }. Say which with { $ways }, or use their email.
refusal-self-action = { $action ->
        [role] You can't change your own role. Ask another admin.
        [delete] You can't delete yourself. Use /deleteme for your own account.
       *[deactivate] You can't deactivate yourself.
    }
refusal-not-admin = Only admins can do that.
refusal-email-taken = That email already belongs to an account.
refusal-invite-pending = That email already has an open invite. Use /invites to resend or revoke it.
refusal-last-admin = There must always be at least one active admin, so I left things as they were.
refusal-user-deactivated = That account is deactivated.
refusal-wrong-credentials = That email and password do not match an active account.
refusal-identity-linked = This chat is already linked to another account. Use /logout there first.
refusal-staged-password-gone = That took a while, so I did not keep your new password. Please choose it again.
refusal-model-unavailable = Agents cannot answer yet: no language model is configured here. Ask an admin to set OPENAI_API_KEY.
refusal-last-chat = This is the only chat linked to your account and it has no email, so you could not log in again.
# $said: the rule's own words (in English), as the start of a sentence.
refusal-as-said = { $said }.

## /help (src/engine/commands/help.ts)

help-heading-stranger = To get started, open the invite link an admin sent you. Or:
help-heading-member = What you can do:
help-heading-admin = What you can do (admin):
help-heading-deactivated = Your account is deactivated. What you can still do:
help-footer = /cancel leaves the step you are in. For a command's full syntax and an example: /help { $example }

help-section-getting-in = Getting in
help-section-account = Your account
help-section-agents = Agents
help-section-invites = Invites
help-section-people = People
help-section-leaving = Leaving

help-line-claim = /claim CODE — open the invite an admin sent you
help-example-claim = /claim i_AbC…
help-line-login = /login — link this chat to the account you already have
help-line-profile = /profile — your account at a glance
help-line-name = /name <new name> — change your name
help-example-name = /name Ada Lovelace
help-line-password = /password — change your password
help-line-language = /language — the language I answer you in
help-example-language = /language de
help-line-context = /context — what the agents know about you
help-example-context = /context focus: the PCI audit
help-line-onboarding = /onboarding — redo the interview
help-line-logout = /logout — unlink this chat
help-line-agents = /agents — the agents you may use
help-line-ask = /ask <agent> <text> — talk to an agent
help-example-ask = /ask Smithers my VPN is down
help-line-agent = /agent — create agents, decide who may use them
help-example-agent = /agent access helpdesk Support
help-line-invite = /invite — invite people (step by step, or in one line)
help-example-invite = /invite bob@example.com member group:Sales expires:14d
help-line-invites = /invites — invites and their uses
help-line-revoke = /revoke <invite> — revoke a pending invite
help-example-revoke = /revoke bob@example.com
help-line-resend = /resend <invite> — a fresh link for an expired one
help-example-resend = /resend bob@example.com
help-line-users = /users [query] — everyone, with status and last seen
help-example-users = /users bob
help-line-user = /user <user> — one person's panel
help-example-user = /user @bob
help-line-role = /role <user> admin|member — change a role
help-example-role = /role @bob admin
help-line-deactivate = /deactivate <user> — lock someone out
help-example-deactivate = /deactivate @bob
help-line-reactivate = /reactivate <user> — let them back in
help-example-reactivate = /reactivate @bob
help-line-resetpassword = /resetpassword <user> — a password reset link
help-example-resetpassword = /resetpassword bob@example.com
help-line-groups = /groups — groups and their sizes
help-line-group = /group — create, delete, fill groups
help-example-group = /group add Sales @bob
help-line-audit = /audit — the audit trail
help-example-audit = /audit @bob limit:20
help-line-delete = /delete <user> — erase someone's account
help-example-delete = /delete bob@example.com
help-line-export = /export — your data, as a file
help-line-deleteme = /deleteme — erase your own account for good

help-about-cancel =
    /cancel
    Leave the step you are in; nothing is changed.
help-about-skip =
    /skip
    Skip the question that offers it (the interview, an optional email).

help-button-log-in = Log in
help-button-how-to-join = How to join
help-button-agents = Agents
help-button-profile = My profile
help-button-invite = Invite someone
help-button-people = People
help-button-export = Export my data
help-button-delete-account = Delete my account

# $summary: a command's summary, capitalised.
help-summary = { $summary }.
help-example = Example: { $example }
help-private-only = Works in a private chat with me.
help-needs-account = /{ $command } is for people with an account here. Open your invite link, or use /login if you have an account.
help-admins-only = /{ $command } is for admins.
help-unknown-command-nearest = I don't know /{ $command }. Did you mean /{ $nearest }? Send /help { $nearest } for how to use it.
help-unknown-command = I don't know /{ $command }. Send /help to see what you can do.

help-stranger-greeting =
    Hello! I am Gatehouse, the way into this team.

    If an admin gave you an invite link, open it again (or send me its code). If you already have an account, send /login to link this chat to it.
# $role: admin or member; an admin is pointed to /invite too.
help-nothing-waiting = Nothing is waiting for an answer from you, { $name }. You could ask an agent with /ask <agent> <text> (/agents lists yours){ $role ->
        [admin] , invite someone with /invite
       *[member] {""}
    }, or send /help for everything you can do.

help-usage-language = language [<code> | auto]
help-summary-language = the language I answer you in; a code (de) or a name chooses, auto follows your platform

## Effects (src/engine/effects): what an effect reports back to its flow.

# $role: admin or member, as typed; $until: a day (YYYY-MM-DD). The link follows on the next line.
engine-invite-issued = Invite { $ref } for { $who } ({ $role }, { $uses ->
        [one] { $uses } use
       *[other] { $uses } uses
    }, until { $until }):
engine-invite-anyone = anyone with the link
engine-invite-shown-once = This is the only time the link is shown. Send it to them privately.
