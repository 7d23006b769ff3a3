## Befehle (src/engine/commands/*.ts): ihre Kurzbeschreibungen, Antworten und Knöpfe.

## Fakten: jede liest sich in jeder Liste und Ansicht gleich.

# The one empty value: no groups, no chats.
fact-none = keine
# A name not given yet (an invite for anyone).
fact-unnamed = —
fact-anyone = alle
fact-role = { $role ->
    [admin] Admin
   *[member] Mitglied
}
fact-status = { $status ->
    [active] Aktiv
    [pending] Offen
    [expired] Abgelaufen
    [deactivated] Deaktiviert
    [used-up] Aufgebraucht
   *[revoked] Widerrufen
}
fact-platform = { $platform ->
    [telegram] Telegram
    [slack] Slack
   *[console] der Konsole
}
fact-day = { $day }
fact-minute = { DATETIME($when, hour: "numeric", minute: "numeric") } UTC
fact-seen-never = nie
fact-seen-just-now = gerade eben
fact-seen-minutes-ago = vor { $minutes } Min.
fact-seen-hours-ago = vor { $hours } Std.
fact-seen-days-ago = vor { $days } Tagen
## Dein Konto

login-command-summary = diesen Chat mit deinem bestehenden Konto verbinden (E-Mail und Passwort)
login-already-linked = Dieser Chat ist schon mit deinem Konto verbunden, { $name }.
logout-command-summary = diesen Chat von deinem Konto trennen
logout-done = Dieser Chat ist nicht mehr mit deinem Konto verbunden. Mit /login verbindest du ihn wieder.
profile-command-summary = dein Konto
profile-card =
    { $who }
    Rolle: { $role }
    Gruppen: { $groups }
    Chats: { $chats }
    Dabei seit { $since }, zuletzt gesehen { $seen }
profile-change-password = Passwort ändern
profile-personal-context = Persönlicher Kontext
profile-log-out = Diesen Chat abmelden
name-command-usage = name <neuer Name>
name-command-summary = deinen Namen ändern
name-ask = Schick deinen neuen Namen mit dem Befehl, etwa: /name Ada Lovelace
name-done = Erledigt: Du heißt jetzt { $name }.
password-command-summary = dein Passwort ändern
onboarding-command-summary = das Kennenlernen wiederholen
context-command-usage = context [clear | <Feld>: <Text>]
context-command-summary = was die Agenten über dich wissen
context-name-a-field = nenn ein Feld: { $fields }
context-cleared = Dein persönlicher Kontext ist gelöscht.
context-line = { $field }: { $value }
context-known =
    Was Agenten über dich wissen:
    { $fields }
context-unknown = Agenten wissen noch nichts über dich.
context-card =
    { $known }

    Ändere ein Feld mit /context <Feld>: <Text> (Felder: { $fields }); ein leerer Text löscht es.
context-redo-interview = Kennenlernen wiederholen
context-clear = Löschen

## Personen

users-command-usage = users [Suche]
users-command-summary = alle Personen und offenen Einladungen, mit Status und zuletzt gesehen
users-person-line = { $name } · { $email } · { $role } · { $status } · Gruppen: { $groups } · gesehen { $seen }
users-no-email = keine E-Mail
users-invite-line = { $name } · { $email } · { $role } · Einladung { $ref } ({ $status }) · Gruppen: { $groups }
users-pending-invite-line = { $name } · { $email } · { $role } · Einladung { $ref } ({ $status }) bis { $until } · Gruppen: { $groups }
users-nobody-matches = Niemand passt zu „{ $query }“.
users-nobody = Noch niemand.
users-more-match =
    { $lines }
    (Es passen noch mehr: grenz die Suche ein.)
users-next-page = Nächste Seite
users-open-table = Tabelle öffnen
users-via-handle = @{ $username } auf { $platform }
user-command-usage = user <Person>
user-command-summary = die Ansicht einer Person: Rolle, Gruppen, Reset-Link, deaktivieren
role-command-usage = role <Person> admin|member
role-command-summary = die Rolle einer Person ändern (fragt vorher)
deactivate-command-usage = deactivate <Person>
deactivate-command-summary = jemanden aussperren, seine Daten bleiben
reactivate-command-usage = reactivate <Person>
reactivate-command-summary = einer deaktivierten Person den Zugang zurückgeben
reactivate-done = { $name } ist wieder aktiv, mit derselben Rolle und denselben Gruppen.
resetpassword-command-usage = resetpassword <Person>
resetpassword-command-summary = ein Link zum Zurücksetzen des Passworts (7 Tage, einmal)
resetpassword-link =
    Ein Reset-Link für { $name }; schick ihn privat weiter. Er funktioniert einmal, 7 Tage lang, und macht ältere Links ungültig:
    { $code }

## Agenten

agents-command-summary = die Agenten, die du nutzen darfst
agents-admin-line = { $name } · { $access } · { $users ->
    [one] { $users } Person
   *[other] { $users } Personen
}{ $described }
agents-access-everyone = alle
agents-access-groups = Gruppen: { $groups }
agents-list =
    Agenten:
    { $lines }
agents-no-shared = Noch keine gemeinsamen Agenten. Leg einen an mit /agent create <Name>.
agents-personal = Dein persönlicher Agent: { $name }
agents-none-usable = Es gibt noch keine Agenten, die du nutzen kannst.
agents-usable =
    Agenten, die du nutzen kannst:
    { $lines }
agents-usable-own = { $name } (deiner){ $described }
agents-own-described = {" · "}Dein Onboarding-Begleiter: weiß, was du ihm über dich erzählt hast.
agents-talk-to = Mit { $name } sprechen
ask-command-usage = ask <Agent> <Text>
ask-command-summary = mit einem Agenten sprechen; weitere Nachrichten gehen an ihn bis /cancel
ask-agent-gone = Diesen Agenten kannst du nicht (mehr) nutzen. Sieh dir /agents an.
agent-command-usage = agent create <Name> [Beschreibung] · agent access <Name> all|<Gruppe>… · agent delete <Name>
agent-command-summary = Agenten anlegen und festlegen, wer sie nutzen darf
agent-created = Agent { $name } ist angelegt und für alle offen. Schränk ihn mit /agent access ein.
agent-created-described = Agent { $name } (beschrieben als „{ $description }“) ist angelegt und für alle offen. Schränk ihn mit /agent access ein.
agent-open-to-everyone = { $name }: Alle dürfen ihn nutzen.
agent-open-to-groups = { $name }: nur { $groups }.
agent-quote-hint = Agentennamen mit Leerzeichen kommen in Anführungszeichen, etwa /agent delete "Help Desk"
agent-deleted = Agent { $name } ist gelöscht.

## Einladungen

invite-command-usage = invite [E-Mail…] [admin|member] [group:<Name>…] [uses:<n>] [expires:<Tage>d] [label:"…"]
invite-command-summary = Leute einladen; der Link wird einmal gezeigt, privat
invites-command-summary = offene, abgelaufene, genutzte und widerrufene Einladungen mit ihren Nutzungen und wer sie ausgestellt hat
invites-no-older = Keine älteren Einladungen.
invites-none = Noch keine Einladungen. Leg eine an mit /invite.
invites-line = { $ref } · { $status } · { $email } · { $role } · { $uses }/{ $maxUses } genutzt
invites-until = { $line } · bis { $day }
invites-label = { $line } · „{ $label }“
invites-groups = { $line } · Gruppen: { $groups }
invites-joined = { $line } · beigetreten: { $names }
invites-by = { $line } · von { $name }
invites-by-operator = { $line } · vom Betreiber
invites-list =
    Einladungen (neueste zuerst):
    { $lines }

    /revoke <Ref> oder /resend <Ref>
invites-older = Ältere
revoke-command-usage = revoke <Einladung>
revoke-command-summary = eine offene Einladung widerrufen (per Ref, E-Mail oder Bezeichnung)
revoke-done = Einladung { $ref } ist widerrufen; { $uses } von { $maxUses } Nutzungen waren vergeben.
resend-command-usage = resend <Einladung>
resend-command-summary = ein frischer Link für eine abgelaufene Einladung
resend-link =
    Ein frischer Link für Einladung { $ref } ({ $email }), gültig bis { $until }. Der alte Link funktioniert nicht mehr:
    { $code }

## Gruppen

groups-command-summary = Gruppen und wie viele Personen in jeder sind
groups-none = Noch keine Gruppen. Leg eine an mit /group create <Name>.
groups-line = { $name } · { $members ->
    [one] { $members } aktives Mitglied
   *[other] { $members } aktive Mitglieder
}
group-command-usage = group create|delete <Name> · group add|remove <Name> <Person>
group-command-summary = eine Gruppe anlegen oder löschen; eine Person hinzufügen oder entfernen
group-quote-hint = Gruppennamen mit Leerzeichen kommen in Anführungszeichen, etwa { $example }
group-created = Gruppe { $name } ist angelegt.
group-member-groups = Gruppen von { $name }: { $groups }.

## Einstieg

start-command-summary = Hallo sagen; mit einem Einladungs- oder Reset-Link: ihn öffnen
start-code-not-valid = Dieser Code ist nicht gültig. Prüf, ob du ihn vollständig kopiert hast.
start-has-account = Du hast hier schon ein Konto, { $name }. Schick /help, um zu sehen, was du tun kannst.
start-hello-again = Hallo nochmal, { $name }. Schick /help, um zu sehen, was du tun kannst.
claim-command-usage = claim CODE
claim-command-summary = eine Einladung mit ihrem Code öffnen
claim-ask-code = Schick den Code mit dem Befehl, etwa: /claim i_AbC…
help-command-usage = help [Befehl]
help-command-summary = was du hier tun kannst; mit einem Befehl: seine Syntax und ein Beispiel

## Das Audit-Protokoll

audit-command-usage = audit [<Person>] [<Aktion>] [limit:<n>] · audit export
audit-command-summary = das Audit-Protokoll; als CSV exportieren
audit-export-newest = Die neuesten { $rows } von { $total } Audit-Einträgen, älteste zuerst. Das ganze Protokoll: npm run audit-export auf dem Server.
audit-export-all = Das Audit-Protokoll, älteste Einträge zuerst.
audit-export-takes-nothing = Nach /audit export kommt nichts mehr
audit-before-is-a-number = before ist eine Eintragsnummer
audit-limit-range = limit ist eine Zahl von 1 bis { $max }
audit-one-person = Eine Person auf einmal: „{ $token }“ ist eine zweite
audit-none-match = Keine passenden Audit-Einträge.
audit-line = #{ $id } { $when } · { $action } · von { $actor }{ $rest }
audit-older = Ältere

## Gehen

export-command-summary = alles, was Gatehouse über dich speichert, als JSON-Datei
export-caption = Alles, was Gatehouse über dich speichert.
deleteme-command-summary = dein eigenes Konto endgültig löschen
delete-command-usage = delete <Person>
delete-command-summary = das Konto einer Person endgültig löschen und übergeben, was sie angelegt hat
