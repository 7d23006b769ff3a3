## Cards (src/engine/cards.ts): a message edited in place when one of its buttons is tapped.

# What a tap did (ticked, or crossed where it was refused), under the card, and who tapped.
card-done = ✓ { $what }
card-refused = ✗ { $what }
card-footer-by = { $done } (by { $by })
card-with-footer =
    { $card }

    { $footer }

## Notices (src/engine/effects/account-notices.ts): a person is told privately what an admin changed about their account.

notice-made-admin = { $actor } made you an admin. You can now invite people, change roles and groups, and read the audit trail; send /help to see how.
notice-made-member = { $actor } changed your role to member. You can no longer invite people or change other accounts.
notice-groups = { $actor } changed your groups: you are now in { $groups }. Your groups decide which agents you can use.
notice-no-groups = { $actor } removed you from all groups. Your groups decide which agents you can use.
notice-deactivated = { $actor } deactivated your account. You can still /export your data or /deleteme; for anything else, talk to an admin.
notice-reactivated = { $actor } reactivated your account. Welcome back: send /help to see what you can do.

## Reset links sent straight to the person (flows/manage-user.ts).

card-send-reset = Send reset link to { $name }
card-reset-sent = I sent { $name } a new password reset link in a private message; it works once, for 7 days.
card-reset-unreachable = I cannot message { $name } privately, so I sent nothing. Tap Reset password link and pass it on yourself.
notice-reset-link =
    { $actor } sent you a link to choose a new password. It works once, for 7 days:
    { $link }

## An invite's greeting (flows/invite-greeting.ts): who invited the person, to which team, into which groups.

card-invite-from = { $inviter } invited you to { $team }{ $as }.
card-invite-to = You've been invited to { $team }{ $as }.
card-invite-as-admin = {" "}as an admin
card-invite-groups = {" "}Your groups there: { $groups }.
card-invite-greeting =
    { $invited }{ $groups } Let's set up your account.

    What should we call you? (your name, up to 100 characters)
