## Comandos (src/engine/commands/*.ts): sus resúmenes, respuestas y botones.

## Datos: cada uno se lee igual en todas las listas y fichas.

# The one empty value: no groups, no chats.
fact-none = ninguno
# A name not given yet (an invite for anyone).
fact-unnamed = —
fact-anyone = cualquiera
fact-role = { $role ->
    [admin] admin
   *[member] miembro
}
fact-status = { $status ->
    [active] Activo
    [pending] Pendiente
    [expired] Caducado
    [deactivated] Desactivado
    [used-up] Agotado
   *[revoked] Revocado
}
fact-platform = { $platform ->
    [telegram] Telegram
    [slack] Slack
   *[console] la consola
}
fact-day = { $day }
fact-minute = { DATETIME($when, hour: "numeric", minute: "numeric") } UTC
fact-seen-never = nunca
fact-seen-just-now = ahora mismo
fact-seen-minutes-ago = hace { $minutes } min
fact-seen-hours-ago = hace { $hours } h
fact-seen-days-ago = hace { $days } días
## Tu cuenta

login-command-summary = vincular este chat a tu cuenta existente (correo y contraseña)
login-already-linked = Este chat ya está vinculado a tu cuenta, { $name }.
logout-command-summary = desvincular este chat de tu cuenta
logout-done = Este chat ya no está vinculado a tu cuenta. Usa /login para vincularlo de nuevo.
profile-command-summary = tu cuenta
profile-card =
    { $who }
    Rol: { $role }
    Grupos: { $groups }
    Chats: { $chats }
    Miembro desde el { $since }, visto por última vez { $seen }
profile-change-password = Cambiar contraseña
profile-personal-context = Contexto personal
profile-log-out = Cerrar sesión en este chat
name-command-usage = name <nuevo nombre>
name-command-summary = cambiar tu nombre
name-ask = Envía tu nuevo nombre con el comando, así: /name Ada Lovelace
name-done = Hecho: ahora eres { $name }.
password-command-summary = cambiar tu contraseña
onboarding-command-summary = repetir la entrevista
context-command-usage = context [clear | <campo>: <texto>]
context-command-summary = lo que los agentes saben de ti
context-name-a-field = indica un campo: { $fields }
context-cleared = Tu contexto personal está borrado.
context-line = { $field }: { $value }
context-known =
    Lo que los agentes saben de ti:
    { $fields }
context-unknown = Los agentes todavía no saben nada de ti.
context-card =
    { $known }

    Cambia un campo con /context <campo>: <texto> (campos: { $fields }); un texto vacío lo borra.
context-redo-interview = Repetir la entrevista
context-clear = Borrarlo

## Personas

users-command-usage = users [búsqueda]
users-command-summary = todas las personas y las invitaciones abiertas, con estado y última vez visto
users-person-line = { $name } · { $email } · { $role } · { $status } · grupos: { $groups } · visto { $seen }
users-no-email = sin correo
users-invite-line = { $name } · { $email } · { $role } · invitación { $ref } ({ $status }) · grupos: { $groups }
users-pending-invite-line = { $name } · { $email } · { $role } · invitación { $ref } ({ $status }) hasta el { $until } · grupos: { $groups }
users-nobody-matches = Nadie coincide con «{ $query }».
users-nobody = Todavía nadie.
users-more-match =
    { $lines }
    (Hay más coincidencias: afina la búsqueda.)
users-next-page = Página siguiente
users-open-table = Abrir la tabla
users-via-handle = @{ $username } en { $platform }
user-command-usage = user <persona>
user-command-summary = la ficha de una persona: rol, grupos, enlace de restablecimiento, desactivar
role-command-usage = role <persona> admin|member
role-command-summary = cambiar el rol de alguien (pregunta antes)
deactivate-command-usage = deactivate <persona>
deactivate-command-summary = dejar a alguien fuera, conservando sus datos
reactivate-command-usage = reactivate <persona>
reactivate-command-summary = devolver el acceso a una persona desactivada
reactivate-done = { $name } vuelve a estar activo, con el mismo rol y los mismos grupos.
resetpassword-command-usage = resetpassword <persona>
resetpassword-command-summary = un enlace para restablecer la contraseña (7 días, una vez)
resetpassword-link =
    Un enlace de restablecimiento para { $name }; envíaselo en privado. Funciona una vez, durante 7 días, y anula los enlaces anteriores:
    { $code }

## Agentes

agents-command-summary = los agentes que puedes usar
agents-admin-line = { $name } · { $access } · { $users ->
    [one] { $users } persona
   *[other] { $users } personas
}{ $described }
agents-access-everyone = todos
agents-access-groups = grupos: { $groups }
agents-list =
    Agentes:
    { $lines }
agents-no-shared = Todavía no hay agentes compartidos. Crea uno con /agent create <nombre>.
agents-personal = Tu agente personal: { $name }
agents-none-usable = Todavía no hay agentes que puedas usar.
agents-usable =
    Agentes que puedes usar:
    { $lines }
agents-usable-own = { $name } (tuyo){ $described }
agents-own-described = {" · "}Tu guía de bienvenida: sabe lo que le contaste sobre ti.
agents-talk-to = Hablar con { $name }
ask-command-usage = ask <agente> <texto>
ask-command-summary = hablar con un agente; los mensajes siguientes van a él hasta /cancel
ask-agent-gone = Ese agente no existe o ya no puedes usarlo. Mira /agents.
agent-command-usage = agent create <nombre> [descripción] · agent access <nombre> all|<grupo>… · agent delete <nombre>
agent-command-summary = crear agentes y decidir quién puede usarlos
agent-created = El agente { $name } está creado, abierto a todos. Restríngelo con /agent access.
agent-created-described = El agente { $name } (descrito como «{ $description }») está creado, abierto a todos. Restríngelo con /agent access.
agent-open-to-everyone = { $name }: todos pueden usarlo.
agent-open-to-groups = { $name }: solo { $groups }.
agent-quote-hint = Los nombres de agente con espacios van entre comillas, así: /agent delete "Help Desk"
agent-deleted = El agente { $name } está eliminado.

## Invitaciones

invite-command-usage = invite [correo…] [admin|member] [group:<nombre>…] [uses:<n>] [expires:<días>d] [label:"…"]
invite-command-summary = invitar a gente; el enlace se muestra una vez, en privado
invites-command-summary = invitaciones pendientes, caducadas, usadas y revocadas, con sus usos y quién las emitió
invites-no-older = No hay invitaciones más antiguas.
invites-none = Todavía no hay invitaciones. Crea una con /invite.
invites-line = { $ref } · { $status } · { $email } · { $role } · { $uses }/{ $maxUses } usadas
invites-until = { $line } · hasta el { $day }
invites-label = { $line } · «{ $label }»
invites-groups = { $line } · grupos: { $groups }
invites-joined = { $line } · se unieron: { $names }
invites-by = { $line } · por { $name }
invites-by-operator = { $line } · por el operador
invites-list =
    Invitaciones (las más nuevas primero):
    { $lines }

    /revoke <ref> o /resend <ref>
invites-older = Anteriores
revoke-command-usage = revoke <invitación>
revoke-command-summary = revocar una invitación pendiente (por su ref, correo o etiqueta)
revoke-done = La invitación { $ref } está revocada; se usaron { $uses } de { $maxUses } usos.
resend-command-usage = resend <invitación>
resend-command-summary = un enlace nuevo para una invitación caducada
resend-link =
    Un enlace nuevo para la invitación { $ref } ({ $email }), válido hasta el { $until }. El enlace anterior ya no funciona:
    { $code }

## Grupos

groups-command-summary = los grupos y cuántas personas hay en cada uno
groups-none = Todavía no hay grupos. Crea uno con /group create <nombre>.
groups-line = { $name } · { $members ->
    [one] { $members } miembro activo
   *[other] { $members } miembros activos
}
group-command-usage = group create|delete <nombre> · group add|remove <nombre> <persona>
group-command-summary = crear o eliminar un grupo; añadir o quitar a una persona
group-quote-hint = Los nombres de grupo con espacios van entre comillas, así: { $example }
group-created = El grupo { $name } está creado.
group-member-groups = Grupos de { $name }: { $groups }.

## Empezar

start-command-summary = saludar; con un enlace de invitación o de restablecimiento, abrirlo
start-code-not-valid = Ese código no es válido. Comprueba que lo copiaste entero.
start-has-account = Ya tienes una cuenta aquí, { $name }. Envía /help para ver lo que puedes hacer.
start-hello-again = Hola de nuevo, { $name }. Envía /help para ver lo que puedes hacer.
claim-command-usage = claim CÓDIGO
claim-command-summary = abrir una invitación con su código
claim-ask-code = Envía el código con el comando, así: /claim i_AbC…
help-command-usage = help [comando]
help-command-summary = lo que puedes hacer aquí; con un comando, su sintaxis y un ejemplo

## El registro de auditoría

audit-command-usage = audit [<persona>] [<acción>] [limit:<n>] · audit export
audit-command-summary = el registro de auditoría; exportarlo como CSV
audit-export-newest = Las { $rows } entradas de auditoría más recientes de { $total }, las más antiguas primero. El registro completo: npm run audit-export en el servidor.
audit-export-all = El registro de auditoría, lo más antiguo primero.
audit-export-takes-nothing = /audit export no admite nada después
audit-before-is-a-number = before debe ser un número de entrada
audit-limit-range = limit debe ser un número de 1 a { $max }
audit-one-person = Una persona cada vez: «{ $token }» es una segunda
audit-none-match = Ninguna entrada de auditoría coincide.
audit-line = #{ $id } { $when } · { $action } · por { $actor }{ $rest }
audit-older = Anteriores

## Irse

export-command-summary = todo lo que Gatehouse guarda sobre ti, como archivo JSON
export-caption = Todo lo que Gatehouse guarda sobre ti.
deleteme-command-summary = borrar tu propia cuenta para siempre
delete-command-usage = delete <persona>
delete-command-summary = borrar la cuenta de alguien para siempre, traspasando lo que creó
