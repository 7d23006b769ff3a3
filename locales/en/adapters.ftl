# Words the adapters add to the engine's replies, and the Mini App's pages.

## How a code (an invite, a reset link) is opened

adapters-code-telegram = Telegram: https://t.me/{ $bot }?start={ $code }
adapters-code-anywhere = Anywhere else: send this code to the bot in a private chat: { $code }

## The setup banner the operator reads

adapters-setup-first-admin = No account exists yet. Whoever opens this invite becomes the first admin (it works once, for 7 days):
adapters-setup-new-any-time = `npm run admin-invite` prints a new one at any time.
adapters-setup-new-invite = A new admin invite (valid 7 days, works once):
adapters-setup-printed-elsewhere =
    No account exists yet. Another Gatehouse process sharing this database printed the first
    admin's invite; use that one, or run `npm run admin-invite` to print a new one.
adapters-setup-on-telegram = Telegram: { $how }
adapters-setup-on-slack = Slack: { $how }
adapters-setup-in-console = In the terminal chat: { $how }

## Telegram

telegram-secret-note = Send it as a message: I delete that message as soon as I have read it, so the password does not stay in this chat.
telegram-secret-deleted = I deleted your message with the password.
telegram-secret-form-note = Tap the button: the form sends it straight to Gatehouse, so it never becomes a message in this chat.
telegram-secret-form-button = Enter it privately
telegram-dm-blocked = I cannot message you privately yet. Open a private chat with me, press Start, then send the command again.
telegram-open-private-chat = Open a private chat
telegram-open-code-link = open https://t.me/{ $bot }?start={ $code }
telegram-open-code-start = send /start { $code } to the bot in a private chat

## Slack

slack-open-code = send { $code } to the bot in a DM, or type /claim { $code } there
slack-secret-button = Enter it privately
slack-stale-form = That form is no longer current (it was used already, or a newer step replaced it). Use the newest button in our chat.
slack-form-expired = This form has expired. Start that step again.
slack-modal-title = Gatehouse
slack-modal-submit = Send
slack-modal-cancel = Cancel
slack-secret-hint = It goes straight to Gatehouse and is never posted as a message.
slack-label-claim = Choose a password
slack-label-reset = Your new password
slack-label-new-password = Your new password
slack-label-confirm-password = The new password again
slack-label-login = Your password
slack-label-current-password = Your current password
slack-label-again = The same password again

## The chat in the terminal

console-open-code = type /start { $code }
console-welcome = Gatehouse console. Type /help; /as <name> switches who you are; /quit leaves.
console-you-are = You are now { $name }.
console-secret-prompt = { $name } (password, hidden)
console-bot-says = bot: { $text }
console-secret-hint = (type it below; it is not shown)
console-file-saved = (file saved to { $file })

## The Mini App: answers of its API

miniapp-stale = This form is no longer current (it was used already, or a newer step replaced it). Go back to the chat.
miniapp-locked = Too many attempts. Please wait a quarter of an hour and try again.
miniapp-bad-form = The form was not filled in as expected.
miniapp-body-too-large = The form sent too much.
miniapp-body-not-json = The form sent something that is not a form.
miniapp-no-such-row = No such row.
miniapp-not-found = not found
miniapp-open-from-chat = Open this page from its button in your Telegram chat with the bot.
miniapp-admins-only = Only admins can see this.
miniapp-current-missing = Please enter your current password.

## The Mini App: the password page

miniapp-password-title = Gatehouse · password
miniapp-password-heading = Password
miniapp-password-policy = At least { $min } characters, with at least one letter and one digit, and not on a list of common or breached passwords.
miniapp-current-password = Current password
miniapp-new-password = New password
miniapp-password-again = The new password again
miniapp-save = Save
miniapp-loading = Loading…
miniapp-title-claim = Choose your password
miniapp-title-new = Set a new password
miniapp-title-change = Change your password
miniapp-title-confirm = Confirm your new password
miniapp-title-login = Your password
miniapp-label-password = Password
miniapp-button-change = Change
miniapp-button-confirm = Confirm
miniapp-button-login = Log in
miniapp-unknown-step = This step is not one this form knows. Go back to the chat.
miniapp-not-confirmed = This page could not confirm who you are. Open it from its button in the chat.
miniapp-stale-short = This form is no longer current. Go back to the chat.
miniapp-locked-short = Too many attempts. Please try again later.
miniapp-failed = Something went wrong. Please try again in a moment.
miniapp-form-outside-telegram = Open this form from its button in your Telegram chat with the bot.
miniapp-enter-password = Please enter the password.
miniapp-passwords-differ = The two passwords differ. Type the same new password in both fields.
miniapp-password-refused = That password cannot be used. Choose another.
miniapp-sent = Sent. Continue in the chat.
miniapp-connection-failed = The connection failed. Please try again.

## The Mini App: the admin's user table

miniapp-users-title = Gatehouse · users
miniapp-users-heading = Users
miniapp-users-intro = Read-only. Tap a name to open that person's panel in the chat, where changes are made.
miniapp-users-search = Search name, email, group, status…
miniapp-users-search-label = Search
miniapp-column-name = Name
miniapp-column-email = Email
miniapp-column-role = Role
miniapp-column-groups = Groups
miniapp-column-status = Status
miniapp-column-linked = Linked
miniapp-column-last-seen = Last seen
miniapp-platform-telegram = Telegram
miniapp-platform-slack = Slack
miniapp-platform-console = Console
miniapp-invite-row = { $name } (invite { $id })
miniapp-open-panel = Open the panel in the chat
miniapp-count = { $shown } of { $total }
miniapp-opening-panel = Opening { $name }'s panel in the chat…
miniapp-open-failed = That did not work. Use /user in the chat instead.
miniapp-panel-opened = { $name }'s panel is in the chat.
miniapp-table-outside-telegram = Open this table from its button in your Telegram chat with the bot.
miniapp-table-admins-only = Only admins can see this table.
miniapp-nobody = Nobody yet.
