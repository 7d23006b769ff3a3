## Cards (src/engine/cards.ts): a message edited in place when one of its buttons is tapped.

# What a tap did (ticked, or crossed where it was refused), under the card, and who tapped.
card-done = ✓ { $what }
card-refused = ✗ { $what }
card-footer-by = { $done } (por { $by })
card-with-footer =
    { $card }

    { $footer }

## Notices (src/engine/effects/account-notices.ts): a person is told privately what an admin changed about their account.

notice-made-admin = { $actor } te ha hecho admin. Ahora puedes invitar a gente, cambiar roles y grupos y leer el registro de auditoría; envía /help para ver cómo.
notice-made-member = { $actor } ha cambiado tu rol a miembro. Ya no puedes invitar a gente ni cambiar otras cuentas.
notice-groups = { $actor } ha cambiado tus grupos: ahora estás en { $groups }. Tus grupos deciden qué agentes puedes usar.
notice-no-groups = { $actor } te ha quitado de todos los grupos. Tus grupos deciden qué agentes puedes usar.
notice-deactivated = { $actor } ha desactivado tu cuenta. Aún puedes usar /export para llevarte tus datos o /deleteme; para todo lo demás, habla con un admin.
notice-reactivated = { $actor } ha reactivado tu cuenta. Te damos la bienvenida de nuevo. Envía /help para ver lo que puedes hacer.

## Reset links sent straight to the person (flows/manage-user.ts).

card-send-reset = Enviar enlace a { $name }
card-reset-sent = He enviado a { $name } un nuevo enlace para restablecer la contraseña en un mensaje privado; funciona una vez, durante 7 días.
card-reset-unreachable = No puedo escribir a { $name } en privado, así que no he enviado nada. Pide el enlace con el botón de restablecer y pásaselo tú.
notice-reset-link =
    { $actor } te ha enviado un enlace para elegir una contraseña nueva. Funciona una vez, durante 7 días:
    { $link }

## An invite's greeting (flows/invite-greeting.ts): who invited the person, to which team, into which groups.

card-invite-from = { $inviter } te ha invitado a { $team }{ $as }.
card-invite-to = Te han invitado a { $team }{ $as }.
card-invite-as-admin = {" "}como admin
card-invite-groups = {" "}Tus grupos allí: { $groups }.
card-invite-greeting =
    { $invited }{ $groups } Vamos a configurar tu cuenta.

    ¿Cómo quieres que te llamemos? (tu nombre, hasta 100 caracteres)
