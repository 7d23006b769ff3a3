## Engine (src/engine): what the engine itself says, /help, /language, and the refusals of domain rules.

# Texts worded one after another (src/engine/words.ts).
engine-apology = Entschuldige, bei mir ist etwas schiefgelaufen. Versuch es gleich noch einmal.
engine-session-store-away = Ich erreiche gerade meinen Sitzungsspeicher nicht; versuch es in einer Minute noch einmal.
engine-deactivated-notice = Dein Konto ist deaktiviert. Du kannst noch mit /export deine Daten exportieren oder es mit /deleteme löschen; für alles andere wende dich an einen Admin.
engine-stale-button = Dieser Button ist abgelaufen. Sende den Befehl noch einmal, um einen neuen zu bekommen.
engine-stale-flow = Dieser Schritt hat sich geändert, seit du ihn begonnen hast. Bitte fang ihn neu an.
engine-step-ended = Dieser Schritt ist beendet.
engine-form-expired = Dieses Formular ist abgelaufen. Bitte fang den Schritt neu an.
engine-locked-out = Zu viele falsche Versuche. Bitte warte eine Viertelstunde und versuch es dann noch einmal.
engine-sent-privately = Ich habe dir die Details in einer privaten Nachricht geschickt.

engine-cancelled = Abgebrochen. Nichts wurde geändert.
engine-nothing-to-cancel = Es gibt nichts abzubrechen.
engine-nothing-to-skip = Es gibt nichts zu überspringen.
engine-left-step = (Ich habe den Schritt verlassen, in dem du warst.)
engine-unknown-command-nearest = /{ $command } kenne ich nicht. Meintest du /{ $nearest }?
engine-unknown-command = /{ $command } kenne ich nicht. Sende /help, um zu sehen, was ich kann.

engine-private-only = Bitte benutze /{ $command } in einem privaten Chat mit mir.
engine-not-signed-in = Du bist hier nicht angemeldet. Öffne deinen Einladungslink oder benutze /login, wenn du schon ein Konto hast.
engine-admins-only = Nur Admins können /{ $command } benutzen.

# $usage: a command's usage line, without its slash.
engine-usage = Verwendung: /{ $usage }
engine-usage-after-problem = { $problem }. Verwendung: /{ $usage }
engine-args-not-understood = „{ $token }“ verstehe ich nicht
engine-args-none-taken = Nach /{ $command } kommt nichts mehr
engine-invite-malformed = Diese Einladung ist fehlerhaft
engine-invite-rule-emails = Eine Einladung erreicht höchstens { $max } E-Mail-Adressen
engine-invite-rule-role = Die Rolle ist admin oder member
engine-invite-rule-uses = Die Nutzungen sind eine Zahl von 1 bis { $max }, etwa uses:5
engine-invite-rule-expiry = Die Gültigkeit ist eine Zahl von Tagen von 1 bis { $max }, etwa expires:14d
engine-invite-rule-label = Ein Label hat 1 bis { $max } Zeichen, etwa label:"Neue im Frühling"

engine-secret-step-expired-deleted = Dieser Schritt ist abgelaufen, darum habe ich deine Nachricht nicht verwendet; falls sie ein Passwort war, habe ich sie gelöscht. Bitte fang den Schritt noch einmal an.
engine-secret-step-expired-kept = Dieser Schritt ist abgelaufen, darum habe ich deine Nachricht nicht verwendet. Falls sie ein Passwort war, lösch sie bitte und fang den Schritt noch einmal an.
engine-password-left-in-chat = Ich konnte deine Nachricht mit dem Passwort nicht löschen. Bitte lösche sie jetzt selbst.
engine-password-not-as-message = Bitte schick ein Passwort nie als Nachricht. Gib es privat über diesen Button ein.
engine-secret-still-expected = Ich warte noch auf das Passwort, nach dem ich gefragt habe.
engine-passwords-differ = Die beiden Passwörter sind verschieden. Gib in beide Felder dasselbe neue Passwort ein.

## /language

# Each language by its own name, the same in every language.
engine-language-own-name-en = English
engine-language-own-name-de = Deutsch
engine-language-own-name-es = Español
# Said in the language it names: each locale names itself.
engine-language-current = { $reason ->
        [chosen] Ich antworte dir auf Deutsch, wie du es gewählt hast.
        [platform] Ich antworte dir auf Deutsch, der Sprache deiner Plattform.
       *[default] Ich antworte dir auf Deutsch, der Standardsprache hier.
    }
engine-language-choose = Wähle eine andere oder lass deine Plattform entscheiden:
engine-language-follow-platform = Meiner Plattform folgen
engine-language-saved = Gespeichert.
engine-language-cleared = Erledigt: Jetzt entscheidet wieder die Sprache deiner Plattform.
engine-language-with-code = { $name } ({ $code })
engine-language-unknown = „{ $asked }“ spreche ich nicht. Ich kann antworten auf { $known }

## Refusals of domain rules (src/engine/replies.ts).

refusal-password-too-short = Dieses Passwort ist zu kurz: Nimm mindestens { $min } Zeichen.
refusal-password-too-long = Dieses Passwort ist zu lang: Nimm höchstens { $max } Zeichen.
refusal-password-no-letter = Dieses Passwort braucht mindestens einen Buchstaben.
refusal-password-no-digit = Dieses Passwort braucht mindestens eine Ziffer.
refusal-password-common = Dieses Passwort steht auf einer Liste häufiger oder geleakter Passwörter. Wähle ein anderes.
# $field and $reason come worded from the rule that refused (in English).
refusal-unknown-user = Ich finde niemanden, der zu „{ $query }“ passt.
refusal-unknown-group = Es gibt keine Gruppe namens „{ $name }“. Siehe /groups.
refusal-unknown-agent = Es gibt keinen Agenten namens „{ $name }“, den du benutzen kannst. Siehe /agents.
refusal-unknown-invite = Ich finde keine Einladung, die zu „{ $reference }“ passt. Siehe /invites.
refusal-name-taken = { $kind ->
        [agent] Einen Agenten
       *[group] Eine Gruppe
    } namens „{ $name }“ gibt es schon.
refusal-seat-limit = Alle { $limit } Plätze sind belegt. Deaktiviere zuerst jemanden oder widerrufe eine offene Einladung.
refusal-account-frozen = { $name } ist deaktiviert, also { $change ->
        [role] bleibt die Rolle, wie sie ist,
        [groups] bleiben die Gruppen, wie sie sind,
       *[reset] gibt es keinen Link zum Zurücksetzen,
    } bis du das Konto mit /reactivate wieder aktivierst.
refusal-invite-still-valid = Diese Einladung gilt noch bis { $until }; widerrufe sie zuerst mit /revoke, falls der Link in falsche Hände geraten ist.
refusal-ambiguous-candidate = { $name } auf { $platform }
# $candidates: who it could be; $ways: how to name each platform's (telegram:@sam or slack:@sam).
refusal-ambiguous-user = „@{ $handle }“ ist mehr als eine Person: { $candidates }. Sag mit { $ways }, wen du meinst, oder nimm die E-Mail-Adresse.
refusal-self-action = { $action ->
        [role] Deine eigene Rolle kannst du nicht ändern. Frag einen anderen Admin.
        [delete] Du kannst dich nicht selbst löschen. Für dein eigenes Konto gibt es /deleteme.
       *[deactivate] Du kannst dich nicht selbst deaktivieren.
    }
refusal-not-admin = Das können nur Admins.
refusal-email-taken = Diese E-Mail-Adresse gehört schon zu einem Konto.
refusal-invite-pending = Für diese E-Mail-Adresse gibt es schon eine offene Einladung. Mit /invites kannst du sie erneut senden oder widerrufen.
refusal-last-admin = Es muss immer mindestens einen aktiven Admin geben, also habe ich alles gelassen, wie es war.
refusal-user-deactivated = Dieses Konto ist deaktiviert.
refusal-wrong-credentials = E-Mail-Adresse und Passwort passen zu keinem aktiven Konto.
refusal-identity-linked = Dieser Chat ist schon mit einem anderen Konto verbunden. Benutze dort zuerst /logout.
refusal-staged-password-gone = Das hat eine Weile gedauert, deshalb habe ich dein neues Passwort nicht behalten. Bitte wähle es noch einmal.
refusal-model-unavailable = Agenten können noch nicht antworten: Hier ist kein Sprachmodell eingerichtet. Bitte einen Admin, OPENAI_API_KEY zu setzen.
refusal-last-chat = Das ist der einzige Chat, der mit deinem Konto verbunden ist, und es hat keine E-Mail-Adresse – du könntest dich nicht mehr anmelden.
# $said: the rule's own words (in English), as the start of a sentence.
refusal-as-said = { $said }.

## /help (src/engine/commands/help.ts)

help-heading-stranger = Öffne zum Einstieg den Einladungslink, den dir ein Admin geschickt hat. Oder:
help-heading-member = Was du tun kannst:
help-heading-admin = Was du tun kannst (Admin):
help-heading-deactivated = Dein Konto ist deaktiviert. Was du noch tun kannst:
help-footer = /cancel verlässt den Schritt, in dem du bist. Die vollständige Syntax eines Befehls mit Beispiel: /help { $example }

help-section-getting-in = Einstieg
help-section-account = Dein Konto
help-section-agents = Agenten
help-section-invites = Einladungen
help-section-people = Personen
help-section-leaving = Abschied

help-line-claim = /claim CODE — die Einladung öffnen, die dir ein Admin geschickt hat
help-example-claim = /claim i_AbC…
help-line-login = /login — diesen Chat mit deinem bestehenden Konto verbinden
help-line-profile = /profile — dein Konto auf einen Blick
help-line-name = /name <neuer Name> — deinen Namen ändern
help-example-name = /name Ada Lovelace
help-line-password = /password — dein Passwort ändern
help-line-language = /language — die Sprache, in der ich dir antworte
help-example-language = /language de
help-line-context = /context — was die Agenten über dich wissen
help-example-context = /context focus: das PCI-Audit
help-line-onboarding = /onboarding — das Interview wiederholen
help-line-logout = /logout — diesen Chat trennen
help-line-agents = /agents — die Agenten, die du benutzen darfst
help-line-ask = /ask <Agent> <Text> — mit einem Agenten sprechen
help-example-ask = /ask Smithers mein VPN geht nicht
help-line-agent = /agent — Agenten anlegen, festlegen, wer sie benutzen darf
help-example-agent = /agent access helpdesk Support
help-line-invite = /invite — Leute einladen (Schritt für Schritt oder in einer Zeile)
help-example-invite = /invite bob@example.com member group:Sales expires:14d
help-line-invites = /invites — Einladungen und ihre Nutzungen
help-line-revoke = /revoke <Einladung> — eine offene Einladung widerrufen
help-example-revoke = /revoke bob@example.com
help-line-resend = /resend <Einladung> — ein neuer Link für eine abgelaufene
help-example-resend = /resend bob@example.com
help-line-users = /users [Suche] — alle, mit Status und wann zuletzt gesehen
help-example-users = /users bob
help-line-user = /user <Person> — das Panel einer Person
help-example-user = /user @bob
help-line-role = /role <Person> admin|member — eine Rolle ändern
help-example-role = /role @bob admin
help-line-deactivate = /deactivate <Person> — jemanden aussperren
help-example-deactivate = /deactivate @bob
help-line-reactivate = /reactivate <Person> — wieder hereinlassen
help-example-reactivate = /reactivate @bob
help-line-resetpassword = /resetpassword <Person> — ein Link zum Zurücksetzen des Passworts
help-example-resetpassword = /resetpassword bob@example.com
help-line-groups = /groups — Gruppen und ihre Größe
help-line-group = /group — Gruppen anlegen, löschen, füllen
help-example-group = /group add Sales @bob
help-line-audit = /audit — das Audit-Protokoll
help-example-audit = /audit @bob limit:20
help-line-delete = /delete <Person> — das Konto einer Person löschen
help-example-delete = /delete bob@example.com
help-line-export = /export — deine Daten als Datei
help-line-deleteme = /deleteme — dein eigenes Konto endgültig löschen

help-about-cancel =
    /cancel
    Verlässt den Schritt, in dem du bist; nichts wird geändert.
help-about-skip =
    /skip
    Überspringt die Frage, die es anbietet (das Interview, eine optionale E-Mail-Adresse).

help-button-log-in = Anmelden
help-button-how-to-join = Wie komme ich rein?
help-button-agents = Agenten
help-button-profile = Mein Profil
help-button-invite = Jemanden einladen
help-button-people = Personen
help-button-export = Meine Daten exportieren
help-button-delete-account = Mein Konto löschen

# $summary: a command's summary, capitalised.
help-summary = { $summary }.
help-example = Beispiel: { $example }
help-private-only = Funktioniert in einem privaten Chat mit mir.
help-needs-account = /{ $command } ist für Leute mit einem Konto hier. Öffne deinen Einladungslink oder benutze /login, wenn du schon ein Konto hast.
help-admins-only = /{ $command } ist nur für Admins.
help-unknown-command-nearest = /{ $command } kenne ich nicht. Meintest du /{ $nearest }? Sende /help { $nearest }, um zu sehen, wie es geht.
help-unknown-command = /{ $command } kenne ich nicht. Sende /help, um zu sehen, was du tun kannst.

help-stranger-greeting =
    Hallo! Ich bin Gatehouse, der Weg in dieses Team.

    Wenn dir ein Admin einen Einladungslink gegeben hat, öffne ihn noch einmal (oder schick mir seinen Code). Wenn du schon ein Konto hast, sende /login, um diesen Chat damit zu verbinden.
# $role: admin or member; an admin is pointed to /invite too.
help-nothing-waiting = Gerade wartet nichts auf eine Antwort von dir, { $name }. Du könntest mit /ask <Agent> <Text> einen Agenten fragen (/agents zeigt deine){ $role ->
        [admin] , mit /invite jemanden einladen
       *[member] {""}
    } oder mit /help alles sehen, was du tun kannst.

help-usage-language = language [<Code> | auto]
help-summary-language = die Sprache, in der ich dir antworte; ein Code (de) oder ein Name wählt sie, auto folgt deiner Plattform

## Effects (src/engine/effects): what an effect reports back to its flow.

# $role: admin or member, as typed; $until: a day (YYYY-MM-DD). The link follows on the next line.
engine-invite-issued = Einladung { $ref } für { $who } ({ $role }, { $uses ->
        [one] { $uses } Nutzung
       *[other] { $uses } Nutzungen
    }, bis { $until }):
engine-invite-anyone = alle mit dem Link
engine-invite-shown-once = Der Link wird nur dieses eine Mal gezeigt. Schick ihn der Person privat.
