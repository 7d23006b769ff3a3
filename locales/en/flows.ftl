## Flows (flows/*.ts): the steps of multi-step dialogues.

login-ask-email = To link this chat to your account: what is your email address?
login-not-an-email = That does not look like an email address. Try again.
login-ask-password = Your password?
login-welcome-back = Welcome back, { $name }. This chat is now linked to your account.
login-out-of-attempts = Too many wrong attempts. Try again later, or ask an admin for a password reset link.
login-wrong-email-hint = If the email was wrong, send /login to start again.

## Shared by several flows (flows/kit.ts, flows/new-password.ts, flows/refusals.ts).

kit-cancel = Cancel
kit-password-rules = at least { $min } characters, with a letter and a digit, and not a common one.
new-password-ask = Your new password: { $rules }
new-password-again = Type the new password once more.
new-password-differ = The two passwords differ. Let us try the new one again.
refusal-invite-unknown = This invite link is not valid. Ask the admin who invited you for a new one.
refusal-invite-expired = This invite has expired. Ask the admin who invited you to resend it.
refusal-invite-revoked = This invite was revoked. Ask an admin for a new one if you still need access.
refusal-invite-used-up = This invite has already been used. Ask an admin for a new one.
refusal-reset-unknown = This reset link is not valid. Ask an admin for a new one.
refusal-reset-expired = This reset link has expired. Ask an admin for a new one.
refusal-reset-used = This reset link has already been used. Ask an admin for a new one.
refusal-reset-voided = This reset link no longer works: a newer one replaced it, or it was withdrawn. Use the newest link you were given, or ask an admin for a new one.

## /password (flows/password.ts)

password-ask-current = Your current password?
password-wrong-current-ended = That is not your current password. Nothing was changed.
password-wrong-current = That is not your current password. Try again.
password-ask-log-out-others = Log out your other chats too? Do this if you think someone else used your account.
password-log-out-yes = Yes, log them out
password-log-out-no = No
password-changed = Your password is changed.
password-changed-others-out = Your password is changed. { $count } other chat(s) were logged out.

## A reset link opened in a chat (flows/reset-password.ts)

reset-password-voided = A newer reset link replaced this one. Use the newest link you were given.
reset-password-hello = Hello { $name }. Let's set a new password for your account.
reset-password-done = Your new password is set and this chat is linked to your account.
reset-password-done-others-out = Your new password is set and this chat is linked to your account. { $count } other chat(s) were logged out.

## An invite link opened in a chat (flows/claim.ts)

claim-name-again = Please send a name of 1 to 100 characters, on one line.
claim-email-refused = That email cannot be used here. Try another, or tap Skip.
claim-welcome =
    { $role ->
        [admin] You've been invited to Gatehouse as an admin. Let's set up your account.
       *[other] You've been invited to Gatehouse. Let's set up your account.
    }

    What should we call you? (your name, up to 100 characters)
claim-ask-email = Your email address? You will use it with your password to /login from another chat. Or tap Skip.
claim-skip = Skip
claim-ask-password = Now choose a password: { $rules }
claim-ready = Your account is ready. Welcome aboard!

## How several messages read as one (flows/kit.ts, joined): the layout between two of them.

kit-lines =
    { $first }
    { $rest }
kit-paragraphs =
    { $first }

    { $rest }
kit-sentences = { $first } { $rest }
kit-clauses = { $first }; { $rest }

## An admin erases someone (flows/delete-user.ts); the summary is shared with /deleteme.

delete-user-nothing-erased = Nothing was erased.
delete-user-successor-admin = { $name } (admin)
delete-user-mismatch = That does not match. Type { $confirmation } exactly, or tap Cancel.
delete-user-summary-gone =
    This erases the account for good: { $whose ->
        [your] your
       *[their] their
    } chat links, group memberships, personal context{ $personalAgents ->
        [0] {""}
        [one] , { $personalAgents } personal agent
       *[other] , { $personalAgents } personal agents
    } and reset links. It cannot be undone.
delete-user-summary-invites =
    { $count ->
        [one] { $count } open invite
       *[other] { $count } open invites
    } { $whose ->
        [your] you
       *[their] they
    } issued will be revoked.
delete-user-summary-agents = { $agents } will belong to { $successor }.
delete-user-summary-audit = The audit trail keeps its rows about the account: it is the record of what happened.
delete-user-ask-successor =
    { $name } created { $count ->
        [one] { $count } agent
       *[other] { $count } agents
    } that will outlive the account: { $agents }.
    Who takes { $count ->
        [one] it
       *[other] them
    } over? Tap a person, or send their email or @username.
delete-user-erase-who = Erase { $who }?
delete-user-type-to-confirm = To confirm, type { $confirmation }
delete-user-erased = { $name } is erased.
delete-user-agents-moved =
    { $agents } now { $count ->
        [one] belongs
       *[other] belong
    } to { $successor }.
delete-user-invites-revoked =
    { $count ->
        [one] { $count } open invite was
       *[other] { $count } open invites were
    } revoked.

## A person erases their own account (flows/delete-me.ts)

delete-me-nothing-erased = Nothing was erased. Your account stays as it is.
delete-me-ask = Delete your account for good?
delete-me-export-first = If you want a copy of your data, tap Cancel and send /export first.
delete-me-erased = Your account is erased. Thank you for being here. Goodbye!

## An admin deletes a group (flows/delete-group.ts)

delete-group-listed = { $init } and { $last }
delete-group-members-lose =
    { $count ->
        [one] { $count } member loses
       *[other] { $count } members lose
    } it
delete-group-agents-admins-only =
    { $agents } { $count ->
        [one] becomes
       *[other] become
    } usable by admins only
delete-group-invites-lose =
    { $count ->
        [one] { $count } pending invite no longer gives
       *[other] { $count } pending invites no longer give
    } it
delete-group-ask = Delete group { $name }? { $losses }.
delete-group-ask-nothing-lost = Delete group { $name }? Nobody is in it, and no agent or pending invite needs it.
delete-group-delete = Delete
delete-group-kept = Group { $name } is kept.
delete-group-tap-above = Tap Delete or Cancel above.
delete-group-deleted = Group { $name } is deleted.
