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
claim-ask-email = Your email address? You will use it with your password to /login from another chat. Or tap Skip.
claim-skip = Skip
claim-ask-password = Now choose a password: { $rules }
claim-ready = Your account is ready. Welcome aboard!

## How several messages read as one (flows/kit.ts, joined): the layout between two of them.

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

## /invite step by step (flows/invite.ts)

invite-anyone = Anyone with the link
invite-role-member = Member
invite-role-admin = Admin
invite-defaults = Defaults
invite-groups-done = Done
invite-groups-none = No groups
# Groups chosen with toggle buttons (flows/group-toggles.ts), when more exist than have buttons.
group-toggles-more = Only the first { $shown } of { $total } groups have buttons; for the others, send all the names, separated by commas.
# $groups is "some" when groups exist, "none" when there are none yet.
invite-ask-groups =
    Which groups should they join? { $count ->
        [0] {""}
       *[other] Selected: { $selected }.{" "}
    }{ $groups ->
        [none] There are no groups yet
       *[some] Tap groups to select or unselect them, or send names separated by commas
    }; then tap { $count ->
        [0] “No groups”
       *[other] Done
    }.
invite-summary =
    Invite { $emailCount ->
        [0] anyone with the link
       *[other] { $emails }
    } as { $role ->
        [admin] admin
       *[member] member
    } { $groupCount ->
        [0] in no group
       *[other] in { $groups }
    } — { $uses ->
        [one] { $uses } use
       *[other] { $uses } uses
    }, valid { $days } days?
invite-summary-labelled =
    Invite { $emailCount ->
        [0] anyone with the link
       *[other] { $emails }
    } as { $role ->
        [admin] admin
       *[member] member
    } { $groupCount ->
        [0] in no group
       *[other] in { $groups }
    } — { $uses ->
        [one] { $uses } use
       *[other] { $uses } uses
    }, valid { $days } days, label “{ $label }”?
invite-option-unknown = “{ $text }” is not an option; write uses:5, expires:14d or label:"Spring hires".
invite-option-uses = Uses is a whole number from 1 to { $max }, like uses:5.
invite-option-email-uses = An invite to an email address has 1 use; leave uses out.
invite-option-expires = Expiry is a number of days from 1 to { $max }, like expires:14d.
invite-ask-emails = Who is the invite for? Send one or more email addresses, or tap “Anyone with the link”.
invite-not-emails = Those do not all look like email addresses: { $words } is not one. For example robin@example.com.
invite-ask-role = Which role?
invite-role-refused = The role is Member or Admin: tap one of them.
invite-no-such-group = There is no group { $unknown }. The groups are { $groups }.
invite-no-groups-yet = There is no group { $unknown }. There are no groups yet.
invite-group-name-refused = Group names use letters, digits, spaces, _ . and -. Try again.
invite-ask-options = Anything else? For example: uses:5 expires:14d label:"Spring hires". Or tap “Defaults” (1 use, 7 days).
invite-options-unreadable = I could not read that. { $problem }
invite-create = Create
invite-cancelled = Cancelled. No invite was created.

## An admin's panel for one person (flows/manage-user.ts, flows/manage-user-replies.ts)

manage-groups = Groups
manage-reset-password-link = Reset password link
manage-done = Done
manage-make-member = Make member
manage-make-admin = Make admin
manage-deactivate = Deactivate
manage-reactivate = Reactivate
manage-delete = Delete
manage-no = No
manage-panel =
    { $who }
    Role: { $role }
    Status: { $status }
    Groups: { $groups }
    Chats: { $chats }
    Last seen: { $lastSeen }
# $issued: "invites", "resets" or "both"; $total counts both.
manage-withdrawal =
    { $name } has { $issued ->
        [resets] {""}
       *[other] { $invites ->
            [one] { $invites } open invite
           *[other] { $invites } open invites
        }
    }{ $issued ->
        [both] {" "}and{" "}
       *[other] {""}
    }{ $issued ->
        [invites] {""}
       *[other] { $resets ->
            [one] { $resets } live reset link
           *[other] { $resets } live reset links
        }
    }; { $total ->
        [one] it
       *[other] they
    } will be revoked.
manage-confirm-deactivate = Deactivate { $who }? They lose access at once; their data stays and you can reactivate them.
manage-yes-deactivate = Yes, deactivate
manage-confirm-admin = Make { $who } an admin? They will be able to invite, change roles and groups, and read the audit trail.
manage-confirm-member = Make { $who } a member?
manage-yes-make-admin = Yes, make admin
manage-yes-make-member = Yes, make member
manage-finished = Done.
manage-tap-above = Tap one of the buttons above, or Done.
# $groups is "some" when groups exist, "none" when there are none yet; $count counts the ticked ones.
manage-ask-groups =
    Which groups should { $name } be in? { $count ->
        [0] None selected yet.
       *[other] Selected: { $selected }.
    }{" "}{ $groups ->
        [none] There are no groups yet.
       *[some] Tap groups to select or unselect them, then Done; or send all the names, separated by commas.
    }
manage-groups-empty = There is no group name in that.
manage-role-changed =
    { $name } is now { $role ->
        [admin] an admin
       *[member] a member
    }.
manage-groups-set = Groups of { $name }: { $groups }.
manage-reset-link =
    Password reset link for { $name }:
    { $instructions }
manage-reset-send-privately = Send it to { $name } privately; it works once, for 7 days.
manage-deactivated = { $name } is deactivated.
manage-reactivated = { $name } is active again.

## The interview after claiming an account, its review and save (flows/onboarding.ts);
## the scripted interviewer's questions are in onboarding.ftl.

onboarding-save = Save
onboarding-edit = Edit
onboarding-skip = Skip
onboarding-edit-hint = Tell me what to change (for example: focus: shipping the beta)
onboarding-skipped = Skipped. You can run the interview again any time with /context.
onboarding-skipped-saving = Skipped the rest of the questions; saving what you told me so far.
onboarding-no-such-field-nearest = There is no field "{ $typed }"; did you mean { $field }?
onboarding-no-such-field = There is no field "{ $typed }". The fields are: { $fields }.
# $lines: one "• field: value" line per answer.
onboarding-review =
    Here's what I'll remember:
    { $lines }
onboarding-review-line = • { $field }: { $value }
onboarding-review-nothing-yet =
    Here's what I'll remember:
    (nothing yet)
onboarding-interviewer-failed = I couldn't think of the next question, so let's go with what I have.
onboarding-review-hint = Tap Save, Edit or Skip, or send a change as field: value (for example: focus: shipping the beta).
onboarding-saved = Saved. I'll use this to tailor my answers; change it any time with /context.

## A conversation with an agent (flows/agent-chat.ts)

agent-chat-talking-to = You are talking to { $agent }. Send your message; /cancel ends the conversation.
