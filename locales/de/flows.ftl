## Flows (flows/*.ts): the steps of multi-step dialogues.

login-ask-email = Um diesen Chat mit deinem Konto zu verbinden: Wie lautet deine E-Mail-Adresse?
login-not-an-email = Das sieht nicht nach einer E-Mail-Adresse aus. Versuch es noch einmal.
login-ask-password = Dein Passwort?
login-welcome-back = Willkommen zurück, { $name }. Dieser Chat ist jetzt mit deinem Konto verbunden.
login-out-of-attempts = Zu viele falsche Versuche. Versuch es später noch einmal oder bitte einen Admin um einen Link zum Zurücksetzen des Passworts.
login-wrong-email-hint = Falls die E-Mail-Adresse falsch war, sende /login, um neu anzufangen.
