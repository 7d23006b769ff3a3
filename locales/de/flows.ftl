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
claim-ask-email = Deine E-Mail-Adresse? Damit und mit deinem Passwort kannst du dich mit /login aus einem anderen Chat anmelden. Oder tippe auf Überspringen.
claim-skip = Überspringen
claim-ask-password = Wähle jetzt ein Passwort: { $rules }
claim-ready = Dein Konto ist bereit. Willkommen an Bord!

## How several messages read as one (flows/kit.ts, joined): the layout between two of them.

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
delete-user-summary-agents = { $successor } übernimmt { $agents }.
delete-user-summary-audit = Das Protokoll behält seine Einträge zu dem Konto: Es hält fest, was geschehen ist.
delete-user-ask-successor =
    { $name } hat { $count ->
        [one] { $count } Agenten angelegt, der das Konto überdauert
       *[other] { $count } Agenten angelegt, die das Konto überdauern
    }: { $agents }.
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

## /invite step by step (flows/invite.ts)

invite-anyone = Alle mit dem Link
invite-role-member = Mitglied
invite-role-admin = Admin
invite-defaults = Standard
invite-groups-done = Fertig
invite-groups-none = Keine Gruppen
# Groups chosen with toggle buttons (flows/group-toggles.ts), when more exist than have buttons.
group-toggles-more = Nur die ersten { $shown } von { $total } Gruppen haben Schaltflächen; für die anderen schick alle Namen, durch Kommas getrennt.
# $groups is "some" when groups exist, "none" when there are none yet.
invite-ask-groups =
    Welchen Gruppen sollen sie beitreten? { $count ->
        [0] {""}
       *[other] Ausgewählt: { $selected }.{" "}
    }{ $groups ->
        [none] Es gibt noch keine Gruppen
       *[some] Tippe auf Gruppen, um sie auszuwählen oder abzuwählen, oder sende Namen durch Kommas getrennt
    }; tippe dann auf { $count ->
        [0] „Keine Gruppen“
       *[other] Fertig
    }.
invite-summary =
    { $emailCount ->
        [0] Alle mit dem Link
       *[other] { $emails }
    } als { $role ->
        [admin] Admin
       *[member] Mitglied
    } { $groupCount ->
        [0] ohne Gruppe
       *[other] in { $groups }
    } einladen – { $uses ->
        [one] { $uses } Nutzung
       *[other] { $uses } Nutzungen
    }, { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    } gültig?
invite-summary-labelled =
    { $emailCount ->
        [0] Alle mit dem Link
       *[other] { $emails }
    } als { $role ->
        [admin] Admin
       *[member] Mitglied
    } { $groupCount ->
        [0] ohne Gruppe
       *[other] in { $groups }
    } einladen – { $uses ->
        [one] { $uses } Nutzung
       *[other] { $uses } Nutzungen
    }, { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    } gültig, Bezeichnung „{ $label }“?
invite-option-unknown = „{ $text }“ ist keine Option; schreib uses:5, expires:14d oder label:"Neue im Frühling".
invite-option-uses = uses ist eine ganze Zahl von 1 bis { $max }, etwa uses:5.
invite-option-email-uses = Eine Einladung an eine E-Mail-Adresse hat 1 Nutzung; lass uses weg.
invite-option-expires = expires ist eine Anzahl Tage von 1 bis { $max }, etwa expires:14d.
invite-ask-emails = Für wen ist die Einladung? Sende eine oder mehrere E-Mail-Adressen oder tippe auf „Alle mit dem Link“.
invite-not-emails = Das sind nicht alles E-Mail-Adressen: { $words } ist keine. Zum Beispiel robin@example.com.
invite-ask-role = Welche Rolle?
invite-role-refused = Die Rolle ist Mitglied oder Admin: Tippe auf eine davon.
invite-no-such-group = Es gibt keine Gruppe { $unknown }. Die Gruppen sind { $groups }.
invite-no-groups-yet = Es gibt keine Gruppe { $unknown }. Es gibt noch keine Gruppen.
invite-group-name-refused = Gruppennamen bestehen aus Buchstaben, Ziffern, Leerzeichen, _ . und -. Versuch es noch einmal.
invite-ask-options = Sonst noch etwas? Zum Beispiel: uses:5 expires:14d label:"Neue im Frühling". Oder tippe auf „Standard“ (1 Nutzung, 7 Tage).
invite-options-unreadable = Das konnte ich nicht lesen. { $problem }
invite-create = Erstellen
invite-cancelled = Abgebrochen. Es wurde keine Einladung erstellt.

## An admin's panel for one person (flows/manage-user.ts, flows/manage-user-replies.ts)

manage-groups = Gruppen
manage-reset-password-link = Link zum Zurücksetzen des Passworts
manage-done = Fertig
manage-make-member = Zum Mitglied machen
manage-make-admin = Zum Admin machen
manage-deactivate = Deaktivieren
manage-reactivate = Reaktivieren
manage-delete = Löschen
manage-no = Nein
manage-panel =
    { $who }
    Rolle: { $role }
    Status: { $status }
    Gruppen: { $groups }
    Chats: { $chats }
    Zuletzt gesehen: { $lastSeen }
# $issued: "invites", "resets" or "both"; $total counts both.
manage-withdrawal =
    { $name } hat { $issued ->
        [resets] {""}
       *[other] { $invites ->
            [one] { $invites } offene Einladung
           *[other] { $invites } offene Einladungen
        }
    }{ $issued ->
        [both] {" "}und{" "}
       *[other] {""}
    }{ $issued ->
        [invites] {""}
       *[other] { $resets ->
            [one] { $resets } gültigen Link zum Zurücksetzen
           *[other] { $resets } gültige Links zum Zurücksetzen
        }
    }; { $total ->
        [one] { $issued ->
            [resets] er
           *[other] sie
        } wird
       *[other] sie werden
    } zurückgezogen.
manage-confirm-deactivate = { $who } deaktivieren? Der Zugang endet sofort; die Daten bleiben, und du kannst das Konto wieder reaktivieren.
manage-yes-deactivate = Ja, deaktivieren
manage-confirm-admin = { $who } zum Admin machen? Dann kann die Person einladen, Rollen und Gruppen ändern und das Protokoll lesen.
manage-confirm-member = { $who } zum Mitglied machen?
manage-yes-make-admin = Ja, zum Admin machen
manage-yes-make-member = Ja, zum Mitglied machen
manage-finished = Fertig.
manage-tap-above = Tippe oben auf eine der Schaltflächen oder auf Fertig.
# $groups is "some" when groups exist, "none" when there are none yet; $count counts the ticked ones.
manage-ask-groups =
    In welchen Gruppen soll { $name } sein? { $count ->
        [0] Noch keine ausgewählt.
       *[other] Ausgewählt: { $selected }.
    }{" "}{ $groups ->
        [none] Es gibt noch keine Gruppen.
       *[some] Tippe Gruppen an, um sie auszuwählen oder abzuwählen, und dann auf Fertig; oder schick alle Namen, durch Kommas getrennt.
    }
manage-groups-empty = Da steht kein Gruppenname drin.
manage-role-changed =
    { $name } ist jetzt { $role ->
        [admin] Admin
       *[member] Mitglied
    }.
manage-groups-set = Gruppen von { $name }: { $groups }.
manage-reset-link =
    Link zum Zurücksetzen des Passworts für { $name }:
    { $instructions }
manage-reset-send-privately = Schick ihn { $name } privat; er funktioniert einmal, 7 Tage lang.
manage-deactivated = { $name } ist deaktiviert.
manage-reactivated = { $name } ist wieder aktiv.

## The interview after claiming an account, its review and save (flows/onboarding.ts);
## the scripted interviewer's questions are in onboarding.ftl.

onboarding-save = Speichern
onboarding-edit = Bearbeiten
onboarding-skip = Überspringen
onboarding-edit-hint = Sag mir, was ich ändern soll (zum Beispiel: focus: die Beta ausliefern)
onboarding-skipped = Übersprungen. Du kannst das Gespräch jederzeit mit /context wiederholen.
onboarding-skipped-saving = Die restlichen Fragen übersprungen; ich speichere, was du mir bisher erzählt hast.
onboarding-no-such-field-nearest = Es gibt kein Feld "{ $typed }"; meintest du { $field }?
onboarding-no-such-field = Es gibt kein Feld "{ $typed }". Die Felder sind: { $fields }.
# $lines: one "• field: value" line per answer.
onboarding-review =
    Das merke ich mir:
    { $lines }
onboarding-review-line = • { $field }: { $value }
onboarding-review-nothing-yet =
    Das merke ich mir:
    (noch nichts)
onboarding-interviewer-failed = Mir ist keine nächste Frage eingefallen, also nehmen wir, was ich habe.
onboarding-review-hint = Tippe auf Speichern, Bearbeiten oder Überspringen, oder sende eine Änderung als Feld: Wert (zum Beispiel: focus: die Beta ausliefern).
onboarding-saved = Gespeichert. Ich nutze das, um meine Antworten auf dich abzustimmen; ändern kannst du es jederzeit mit /context.

## A conversation with an agent (flows/agent-chat.ts)

agent-chat-talking-to = Du sprichst mit { $agent }. Sende deine Nachricht; /cancel beendet das Gespräch.
