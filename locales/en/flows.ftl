## Flows (flows/*.ts): the steps of multi-step dialogues.

login-ask-email = To link this chat to your account: what is your email address?
login-not-an-email = That does not look like an email address. Try again.
login-ask-password = Your password?
login-welcome-back = Welcome back, { $name }. This chat is now linked to your account.
login-out-of-attempts = Too many wrong attempts. Try again later, or ask an admin for a password reset link.
login-wrong-email-hint = If the email was wrong, send /login to start again.
