## Cards (src/engine/cards.ts): a message edited in place when one of its buttons is tapped.

# What a tap did (ticked, or crossed where it was refused), under the card, and who tapped.
card-done = ✓ { $what }
card-refused = ✗ { $what }
card-footer-by = { $done } (von { $by })
card-with-footer =
    { $card }

    { $footer }

## Notices (src/engine/effects/account-notices.ts): a person is told privately what an admin changed about their account.

notice-made-admin = { $actor } hat dich zum Admin gemacht. Du kannst jetzt Leute einladen, Rollen und Gruppen ändern und das Audit-Protokoll lesen; mit /help siehst du, wie.
notice-made-member = { $actor } hat deine Rolle auf Mitglied geändert. Du kannst jetzt keine Leute mehr einladen und keine anderen Konten mehr ändern.
notice-groups = { $actor } hat deine Gruppen geändert: Du bist jetzt in { $groups }. Deine Gruppen bestimmen, welche Agenten du nutzen kannst.
notice-no-groups = { $actor } hat dich aus allen Gruppen entfernt. Deine Gruppen bestimmen, welche Agenten du nutzen kannst.
notice-deactivated = { $actor } hat dein Konto deaktiviert. Mit /export kannst du weiterhin deine Daten holen oder mit /deleteme dein Konto löschen; für alles andere wende dich an einen Admin.
notice-reactivated = { $actor } hat dein Konto wieder aktiviert. Willkommen zurück! Mit /help siehst du, was du tun kannst.

## Reset links sent straight to the person (flows/manage-user.ts).

card-send-reset = Reset-Link an { $name } senden
card-reset-sent = Ich habe { $name } privat einen neuen Link zum Zurücksetzen des Passworts geschickt; er gilt einmal, 7 Tage lang.
card-reset-unreachable = Ich kann { $name } nicht privat schreiben, deshalb habe ich nichts geschickt. Hol dir den Link über den Button zum Zurücksetzen und gib ihn selbst weiter.
notice-reset-link =
    { $actor } hat dir einen Link geschickt, mit dem du ein neues Passwort wählen kannst. Er gilt einmal, 7 Tage lang:
    { $link }

## An invite's greeting (flows/invite-greeting.ts): who invited the person, to which team, into which groups.

card-invite-from = { $inviter } hat dich{ $as } zu { $team } eingeladen.
card-invite-to = Du wurdest{ $as } zu { $team } eingeladen.
card-invite-as-admin = {" "}als Admin
card-invite-groups = {" "}Deine Gruppen dort: { $groups }.
card-invite-greeting =
    { $invited }{ $groups } Lass uns dein Konto einrichten.

    Wie sollen wir dich nennen? (dein Name, bis zu 100 Zeichen)
