## Validation (src/engine/validation-refusals.ts): why typed input was refused.
## A field's name opens the refusal's sentence, with its article and a capital ("Der Gruppenname …").

validation-field-name = Der Name
validation-field-email = Die E-Mail-Adresse
validation-field-group-name = Der Gruppenname
validation-field-agent-name = Der Agentenname
validation-field-label = Die Bezeichnung
validation-field-description = Die Beschreibung
validation-field-instructions = Der Anweisungstext
validation-field-page = Die Seite
validation-field-limit = Die Obergrenze
validation-field-role = Die Rolle
validation-field-access = Der Zugriff
validation-field-uses = Die Anzahl der Nutzungen
validation-field-days = Die Anzahl der Tage
validation-field-emails = Die Liste der E-Mail-Adressen
validation-field-groups = Die Liste der Gruppen
validation-field-invite = Die Einladung
validation-field-new-password = Das neue Passwort
validation-field-new-owner = Der neue Eigentümer
validation-field-context-field = Das Feld
validation-field-personal-context = Dein persönlicher Kontext
validation-field-organisation-context = Der Kontext der Organisation
# $name: a context field's name (field-role, field-company…).
validation-field-context = Das Feld { $name }

validation-empty = { $field } darf nicht leer sein.
validation-too-long = { $field } darf höchstens { $max } Zeichen lang sein.
validation-too-many = { $field } darf höchstens { $max } Einträge haben.
validation-not-email = { $field } ist keine gültige E-Mail-Adresse.
validation-not-id = { $field } ist keine gültige ID.
validation-bad-characters = { $field } darf nur Buchstaben, Ziffern, Leerzeichen, _ . und - enthalten.
validation-control-characters = { $field } darf keine Steuerzeichen enthalten.
validation-not-whole-number = { $field } muss eine ganze Zahl sein.
validation-at-least = { $field } muss mindestens { $min } sein.
validation-at-most = { $field } darf höchstens { $max } sein.
# $options: the keywords to type, joined with "oder" when there are two, else with commas.
validation-not-one-of = { $count ->
        [2] { $field } muss { $options } sein.
       *[other] { $field } muss eines davon sein: { $options }.
    }
validation-too-many-bytes = { $field } darf insgesamt höchstens { $max } Bytes groß sein.
validation-stale-page = { $field } ist veraltet; fang wieder bei der ersten Seite an.
validation-same-as-current = { $field } muss sich vom bisherigen unterscheiden.
validation-not-another-active-person = { $field } muss eine andere aktive Person sein.
validation-needed-for-created-agents = { $field } wird für die Agenten gebraucht, die diese Person angelegt hat.
validation-one-use-for-email = { $field } muss bei einer Einladung an eine E-Mail-Adresse 1 sein.
validation-all-or-some-groups = { $field } muss „all“ oder mindestens eine Gruppe sein.
validation-invalid = { $field } ist ungültig.

## What was already the case when a change was asked for (src/engine/no-change-refusals.ts).
# $role: admin or member.
validation-no-change-already-role = { $name } ist schon { $role ->
        [admin] Admin
       *[member] Mitglied
    }.
validation-no-change-already-deactivated = { $name } ist schon deaktiviert.
validation-no-change-already-active = { $name } ist schon aktiv.
validation-no-change-same-name = Du heißt schon { $name }.
validation-no-change-already-in-group = { $name } ist schon in { $group }.
validation-no-change-not-in-group = { $name } ist nicht in { $group }.
validation-no-change-same-groups = { $name } ist schon genau in diesen Gruppen.
validation-no-change-chat-already-linked = Dieser Chat ist schon mit deinem Konto verbunden.
validation-no-change-chat-not-linked = Dieser Chat ist nicht mit deinem Konto verbunden.
validation-no-change-invite-already-closed = Diese Einladung ist schon widerrufen oder aufgebraucht.
validation-no-change-invite-closed = Diese Einladung ist widerrufen oder aufgebraucht; erstell eine neue.
validation-no-change-account-exists = Es gibt schon ein Konto.
