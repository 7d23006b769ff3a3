# Words the adapters add to the engine's replies, and the Mini App's pages.

## How a code (an invite, a reset link) is opened

adapters-code-telegram = Telegram: https://t.me/{ $bot }?start={ $code }
adapters-code-anywhere = Überall sonst: Schick diesen Code in einem privaten Chat an den Bot: { $code }

## The setup banner the operator reads

adapters-setup-first-admin = Es gibt noch kein Konto. Wer diese Einladung öffnet, wird der erste Admin (sie gilt einmal, 7 Tage lang):
adapters-setup-new-any-time = `npm run admin-invite` gibt jederzeit eine neue aus.
adapters-setup-new-invite = Eine neue Admin-Einladung (7 Tage gültig, funktioniert einmal):
adapters-setup-printed-elsewhere =
    Es gibt noch kein Konto. Ein anderer Gatehouse-Prozess mit derselben Datenbank hat die Einladung
    für den ersten Admin ausgegeben; nimm die, oder gib mit `npm run admin-invite` eine neue aus.
adapters-setup-on-telegram = Telegram: { $how }
adapters-setup-on-slack = Slack: { $how }
adapters-setup-in-console = Im Terminal-Chat: { $how }

## Telegram

telegram-secret-note = Schick es als Nachricht: Ich lösche die Nachricht, sobald ich sie gelesen habe, damit das Passwort nicht in diesem Chat bleibt.
telegram-secret-deleted = Ich habe deine Nachricht mit dem Passwort gelöscht.
telegram-secret-form-note = Tipp auf den Button: Das Formular schickt es direkt an Gatehouse, es wird also nie eine Nachricht in diesem Chat.
telegram-secret-form-button = Privat eingeben
telegram-dm-blocked = Ich kann dir noch nicht privat schreiben. Öffne einen privaten Chat mit mir, tippe auf „Starten“ und schick den Befehl dann noch einmal.
telegram-open-private-chat = Privaten Chat öffnen
telegram-open-code-link = öffne https://t.me/{ $bot }?start={ $code }
telegram-open-code-start = schick /start { $code } in einem privaten Chat an den Bot

## Slack

slack-open-code = schick { $code } per Direktnachricht an den Bot, oder tippe dort /claim { $code }
slack-secret-button = Privat eingeben
slack-stale-form = Dieses Formular ist nicht mehr aktuell (es wurde schon benutzt, oder ein neuerer Schritt hat es ersetzt). Nimm den neuesten Button in unserem Chat.
slack-form-expired = Dieses Formular ist abgelaufen. Fang den Schritt noch einmal an.
slack-modal-title = Gatehouse
slack-modal-submit = Senden
slack-modal-cancel = Abbrechen
slack-secret-hint = Es geht direkt an Gatehouse und wird nie als Nachricht gepostet.
slack-label-claim = Wähle ein Passwort
slack-label-reset = Dein neues Passwort
slack-label-new-password = Dein neues Passwort
slack-label-confirm-password = Das neue Passwort noch einmal
slack-label-login = Dein Passwort
slack-label-current-password = Dein aktuelles Passwort
slack-label-again = Dasselbe Passwort noch einmal

## The chat in the terminal

console-open-code = tippe /start { $code }
console-welcome = Gatehouse-Konsole. Tippe /help; /as <name> wechselt, wer du bist; /quit beendet.
console-you-are = Du bist jetzt { $name }.
console-secret-prompt = { $name } (Passwort, verborgen)
console-bot-says = Bot: { $text }
console-secret-hint = (tippe es unten ein; es wird nicht angezeigt)
console-file-saved = (Datei gespeichert unter { $file })

## The Mini App: answers of its API

miniapp-stale = Dieses Formular ist nicht mehr aktuell (es wurde schon benutzt, oder ein neuerer Schritt hat es ersetzt). Geh zurück in den Chat.
miniapp-locked = Zu viele Versuche. Bitte warte eine Viertelstunde und versuch es dann noch einmal.
miniapp-bad-form = Das Formular wurde nicht wie erwartet ausgefüllt.
miniapp-body-too-large = Das Formular hat zu viel geschickt.
miniapp-body-not-json = Das Formular hat etwas geschickt, das kein Formular ist.
miniapp-no-such-row = Diese Zeile gibt es nicht.
miniapp-not-found = nicht gefunden
miniapp-open-from-chat = Öffne diese Seite über ihren Button in deinem Telegram-Chat mit dem Bot.
miniapp-admins-only = Das können nur Admins sehen.
miniapp-current-missing = Bitte gib dein aktuelles Passwort ein.

## The Mini App: the password page

miniapp-password-title = Gatehouse · Passwort
miniapp-password-heading = Passwort
miniapp-password-policy = Mindestens { $min } Zeichen, mit mindestens einem Buchstaben und einer Ziffer, und nicht auf einer Liste gängiger oder geleakter Passwörter.
miniapp-current-password = Aktuelles Passwort
miniapp-new-password = Neues Passwort
miniapp-password-again = Das neue Passwort noch einmal
miniapp-save = Speichern
miniapp-loading = Wird geladen…
miniapp-title-claim = Wähle dein Passwort
miniapp-title-new = Neues Passwort festlegen
miniapp-title-change = Passwort ändern
miniapp-title-confirm = Neues Passwort bestätigen
miniapp-title-login = Dein Passwort
miniapp-label-password = Passwort
miniapp-button-change = Ändern
miniapp-button-confirm = Bestätigen
miniapp-button-login = Anmelden
miniapp-unknown-step = Diesen Schritt kennt dieses Formular nicht. Geh zurück in den Chat.
miniapp-not-confirmed = Diese Seite konnte nicht bestätigen, wer du bist. Öffne sie über ihren Button im Chat.
miniapp-stale-short = Dieses Formular ist nicht mehr aktuell. Geh zurück in den Chat.
miniapp-locked-short = Zu viele Versuche. Bitte versuch es später noch einmal.
miniapp-failed = Etwas ist schiefgegangen. Bitte versuch es gleich noch einmal.
miniapp-form-outside-telegram = Öffne dieses Formular über seinen Button in deinem Telegram-Chat mit dem Bot.
miniapp-enter-password = Bitte gib das Passwort ein.
miniapp-passwords-differ = Die beiden Passwörter sind verschieden. Gib in beiden Feldern dasselbe neue Passwort ein.
miniapp-password-refused = Dieses Passwort geht nicht. Wähle ein anderes.
miniapp-sent = Gesendet. Mach im Chat weiter.
miniapp-connection-failed = Die Verbindung ist fehlgeschlagen. Bitte versuch es noch einmal.

## The Mini App: the admin's user table

miniapp-users-title = Gatehouse · Nutzer
miniapp-users-heading = Nutzer
miniapp-users-intro = Nur zum Lesen. Tipp auf einen Namen, um das Panel der Person im Chat zu öffnen; dort werden Änderungen gemacht.
miniapp-users-search = Name, E-Mail, Gruppe, Status suchen…
miniapp-users-search-label = Suchen
miniapp-column-name = Name
miniapp-column-email = E-Mail
miniapp-column-role = Rolle
miniapp-column-groups = Gruppen
miniapp-column-status = Status
miniapp-column-linked = Verknüpft
miniapp-column-last-seen = Zuletzt gesehen
miniapp-platform-telegram = Telegram
miniapp-platform-slack = Slack
miniapp-platform-console = Konsole
miniapp-invite-row = { $name } (Einladung { $id })
miniapp-open-panel = Das Panel im Chat öffnen
miniapp-count = { $shown } von { $total }
miniapp-opening-panel = Das Panel von { $name } wird im Chat geöffnet…
miniapp-open-failed = Das hat nicht geklappt. Nimm stattdessen /user im Chat.
miniapp-panel-opened = Das Panel von { $name } ist im Chat.
miniapp-table-outside-telegram = Öffne diese Tabelle über ihren Button in deinem Telegram-Chat mit dem Bot.
miniapp-table-admins-only = Diese Tabelle können nur Admins sehen.
miniapp-nobody = Noch niemand.
