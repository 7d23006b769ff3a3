## Flows (flows/*.ts): the steps of multi-step dialogues.

login-ask-email = Um diesen Chat mit deinem Konto zu verbinden: Wie lautet deine E-Mail-Adresse?
login-not-an-email = Das sieht nicht nach einer E-Mail-Adresse aus. Versuch es noch einmal.
login-ask-password = Dein Passwort?
login-welcome-back = Willkommen zurück, { $name }. Dieser Chat ist jetzt mit deinem Konto verbunden.
login-out-of-attempts = Zu viele falsche Versuche. Versuch es später noch einmal oder bitte einen Admin um einen Link zum Zurücksetzen des Passworts.
login-wrong-email-hint = Falls die E-Mail-Adresse falsch war, sende /login, um neu anzufangen.

## Shared by several flows (flows/kit.ts, flows/new-password.ts, flows/refusals.ts).

kit-cancel = Abbrechen
kit-password-rules = mindestens { $min } Zeichen, mit einem Buchstaben und einer Ziffer, und kein gängiges.
new-password-ask = Dein neues Passwort: { $rules }
new-password-again = Gib das neue Passwort noch einmal ein.
new-password-differ = Die beiden Passwörter stimmen nicht überein. Versuchen wir das neue noch einmal.
refusal-invite-unknown = Dieser Einladungslink ist ungültig. Bitte den Admin, der dich eingeladen hat, um einen neuen.
refusal-invite-expired = Diese Einladung ist abgelaufen. Bitte den Admin, der dich eingeladen hat, sie erneut zu senden.
refusal-invite-revoked = Diese Einladung wurde zurückgezogen. Bitte einen Admin um eine neue, falls du noch Zugang brauchst.
refusal-invite-used-up = Diese Einladung wurde bereits verwendet. Bitte einen Admin um eine neue.
refusal-reset-unknown = Dieser Link zum Zurücksetzen ist ungültig. Bitte einen Admin um einen neuen.
refusal-reset-expired = Dieser Link zum Zurücksetzen ist abgelaufen. Bitte einen Admin um einen neuen.
refusal-reset-used = Dieser Link zum Zurücksetzen wurde bereits verwendet. Bitte einen Admin um einen neuen.
refusal-reset-voided = Dieser Link zum Zurücksetzen funktioniert nicht mehr: Ein neuerer hat ihn ersetzt, oder er wurde zurückgezogen. Nimm den neuesten Link, den du bekommen hast, oder bitte einen Admin um einen neuen.

## /password (flows/password.ts)

password-ask-current = Dein aktuelles Passwort?
password-wrong-current-ended = Das ist nicht dein aktuelles Passwort. Es wurde nichts geändert.
password-wrong-current = Das ist nicht dein aktuelles Passwort. Versuch es noch einmal.
password-ask-log-out-others = Auch deine anderen Chats abmelden? Tu das, wenn du glaubst, dass jemand anderes dein Konto benutzt hat.
password-log-out-yes = Ja, abmelden
password-log-out-no = Nein
password-changed = Dein Passwort ist geändert.
password-changed-others-out =
    Dein Passwort ist geändert. { $count ->
        [one] { $count } anderer Chat wurde abgemeldet.
       *[other] { $count } andere Chats wurden abgemeldet.
    }

## A reset link opened in a chat (flows/reset-password.ts)

reset-password-voided = Ein neuerer Link zum Zurücksetzen hat diesen ersetzt. Nimm den neuesten Link, den du bekommen hast.
reset-password-hello = Hallo { $name }. Legen wir ein neues Passwort für dein Konto fest.
reset-password-done = Dein neues Passwort ist gesetzt und dieser Chat ist mit deinem Konto verbunden.
reset-password-done-others-out =
    Dein neues Passwort ist gesetzt und dieser Chat ist mit deinem Konto verbunden. { $count ->
        [one] { $count } anderer Chat wurde abgemeldet.
       *[other] { $count } andere Chats wurden abgemeldet.
    }

## An invite link opened in a chat (flows/claim.ts)

claim-name-again = Bitte sende einen Namen mit 1 bis 100 Zeichen, in einer Zeile.
claim-email-refused = Diese E-Mail-Adresse kann hier nicht verwendet werden. Versuch eine andere oder tippe auf Überspringen.
claim-welcome =
    { $role ->
        [admin] Du wurdest als Admin zu Gatehouse eingeladen. Lass uns dein Konto einrichten.
       *[other] Du wurdest zu Gatehouse eingeladen. Lass uns dein Konto einrichten.
    }

    Wie sollen wir dich nennen? (dein Name, bis zu 100 Zeichen)
claim-ask-email = Deine E-Mail-Adresse? Damit und mit deinem Passwort kannst du dich mit /login aus einem anderen Chat anmelden. Oder tippe auf Überspringen.
claim-skip = Überspringen
claim-ask-password = Wähle jetzt ein Passwort: { $rules }
claim-ready = Dein Konto ist bereit. Willkommen an Bord!

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

delete-user-nothing-erased = Es wurde nichts gelöscht.
delete-user-successor-admin = { $name } (Admin)
delete-user-mismatch = Das stimmt nicht überein. Gib genau { $confirmation } ein oder tippe auf Abbrechen.
delete-user-summary-gone =
    Das löscht das Konto endgültig: { $whose ->
        [your] deine
       *[their] alle
    } Chat-Verknüpfungen, Gruppenmitgliedschaften, den persönlichen Kontext{ $personalAgents ->
        [0] {""}
        [one] , { $personalAgents } persönlichen Agenten
       *[other] , { $personalAgents } persönliche Agenten
    } und Links zum Zurücksetzen. Das lässt sich nicht rückgängig machen.
delete-user-summary-invites =
    { $count ->
        [one] { $count } offene Einladung
       *[other] { $count } offene Einladungen
    }, die { $whose ->
        [your] du
       *[their] die Person
    } verschickt { $whose ->
        [your] hast
       *[their] hat
    }, { $count ->
        [one] wird
       *[other] werden
    } zurückgezogen.
delete-user-summary-agents = { $agents } gehört dann { $successor }.
delete-user-summary-audit = Das Protokoll behält seine Einträge zu dem Konto: Es hält fest, was geschehen ist.
delete-user-ask-successor =
    { $name } hat { $count ->
        [one] { $count } Agenten
       *[other] { $count } Agenten
    } angelegt, die das Konto überdauern: { $agents }.
    Wer übernimmt { $count ->
        [one] ihn
       *[other] sie
    }? Tippe auf eine Person oder sende ihre E-Mail-Adresse oder ihren @Benutzernamen.
delete-user-erase-who = { $who } löschen?
delete-user-type-to-confirm = Zur Bestätigung gib { $confirmation } ein
delete-user-erased = { $name } ist gelöscht.
delete-user-agents-moved = { $agents } { $count ->
        [one] gehört
       *[other] gehören
    } jetzt { $successor }.
delete-user-invites-revoked =
    { $count ->
        [one] { $count } offene Einladung wurde
       *[other] { $count } offene Einladungen wurden
    } zurückgezogen.

## A person erases their own account (flows/delete-me.ts)

delete-me-nothing-erased = Es wurde nichts gelöscht. Dein Konto bleibt, wie es ist.
delete-me-ask = Dein Konto endgültig löschen?
delete-me-export-first = Wenn du eine Kopie deiner Daten möchtest, tippe auf Abbrechen und sende zuerst /export.
delete-me-erased = Dein Konto ist gelöscht. Danke, dass du dabei warst. Tschüss!

## An admin deletes a group (flows/delete-group.ts)

delete-group-listed = { $init } und { $last }
delete-group-members-lose =
    { $count ->
        [one] { $count } Mitglied verliert
       *[other] { $count } Mitglieder verlieren
    } sie
delete-group-agents-admins-only =
    { $agents } { $count ->
        [one] ist
       *[other] sind
    } dann nur noch für Admins nutzbar
delete-group-invites-lose =
    { $count ->
        [one] { $count } offene Einladung gibt
       *[other] { $count } offene Einladungen geben
    } keinen Zugang mehr zu ihr
delete-group-ask = Gruppe { $name } löschen? { $losses }.
delete-group-ask-nothing-lost = Gruppe { $name } löschen? Niemand ist darin, und kein Agent und keine offene Einladung braucht sie.
delete-group-delete = Löschen
delete-group-kept = Gruppe { $name } bleibt bestehen.
delete-group-tap-above = Tippe oben auf Löschen oder Abbrechen.
delete-group-deleted = Gruppe { $name } ist gelöscht.
