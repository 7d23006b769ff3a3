## Flows (flows/*.ts): the steps of multi-step dialogues.

login-ask-email = Para vincular este chat a tu cuenta: ¿cuál es tu dirección de correo electrónico?
login-not-an-email = Eso no parece una dirección de correo electrónico. Inténtalo de nuevo.
login-ask-password = ¿Tu contraseña?
login-welcome-back = Hola de nuevo, { $name }. Este chat ya está vinculado a tu cuenta.
login-out-of-attempts = Demasiados intentos fallidos. Inténtalo más tarde o pide a un administrador un enlace para restablecer la contraseña.
login-wrong-email-hint = Si el correo electrónico era incorrecto, envía /login para empezar de nuevo.

## Shared by several flows (flows/kit.ts, flows/new-password.ts, flows/refusals.ts).

kit-cancel = Cancelar
kit-password-rules = al menos { $min } caracteres, con una letra y un dígito, y que no sea una contraseña común.
new-password-ask = Tu nueva contraseña: { $rules }
new-password-again = Escribe la nueva contraseña una vez más.
new-password-differ = Las dos contraseñas no coinciden. Probemos otra vez con la nueva.
refusal-invite-unknown = Este enlace de invitación no es válido. Pide uno nuevo al administrador que te invitó.
refusal-invite-expired = Esta invitación ha caducado. Pide al administrador que te invitó que te la vuelva a enviar.
refusal-invite-revoked = Esta invitación fue revocada. Pide una nueva a un administrador si aún necesitas acceso.
refusal-invite-used-up = Esta invitación ya se ha usado. Pide una nueva a un administrador.
refusal-reset-unknown = Este enlace para restablecer la contraseña no es válido. Pide uno nuevo a un administrador.
refusal-reset-expired = Este enlace para restablecer la contraseña ha caducado. Pide uno nuevo a un administrador.
refusal-reset-used = Este enlace para restablecer la contraseña ya se ha usado. Pide uno nuevo a un administrador.
refusal-reset-voided = Este enlace para restablecer la contraseña ya no funciona: uno más reciente lo sustituyó o fue retirado. Usa el enlace más reciente que te dieron o pide uno nuevo a un administrador.

## /password (flows/password.ts)

password-ask-current = ¿Tu contraseña actual?
password-wrong-current-ended = Esa no es tu contraseña actual. No se ha cambiado nada.
password-wrong-current = Esa no es tu contraseña actual. Inténtalo de nuevo.
password-ask-log-out-others = ¿Cerrar también la sesión en tus otros chats? Hazlo si crees que otra persona ha usado tu cuenta.
password-log-out-yes = Sí, cerrar sesión
password-log-out-no = No
password-changed = Tu contraseña se ha cambiado.
password-changed-others-out =
    Tu contraseña se ha cambiado. { $count ->
        [one] Se cerró la sesión en { $count } chat más.
       *[other] Se cerró la sesión en { $count } chats más.
    }

## A reset link opened in a chat (flows/reset-password.ts)

reset-password-voided = Un enlace más reciente sustituyó a este. Usa el enlace más reciente que te dieron.
reset-password-hello = Hola, { $name }. Vamos a poner una nueva contraseña para tu cuenta.
reset-password-done = Tu nueva contraseña está lista y este chat está vinculado a tu cuenta.
reset-password-done-others-out =
    Tu nueva contraseña está lista y este chat está vinculado a tu cuenta. { $count ->
        [one] Se cerró la sesión en { $count } chat más.
       *[other] Se cerró la sesión en { $count } chats más.
    }

## An invite link opened in a chat (flows/claim.ts)

claim-name-again = Envía un nombre de 1 a 100 caracteres, en una sola línea.
claim-email-refused = Ese correo electrónico no se puede usar aquí. Prueba con otro o toca Omitir.
claim-ask-email = ¿Tu dirección de correo electrónico? La usarás con tu contraseña para hacer /login desde otro chat. O toca Omitir.
claim-skip = Omitir
claim-ask-password = Ahora elige una contraseña: { $rules }
claim-ready = Tu cuenta está lista. ¡Bienvenido a bordo!

## How several messages read as one (flows/kit.ts, joined): the layout between two of them.

## An admin erases someone (flows/delete-user.ts); the summary is shared with /deleteme.

delete-user-nothing-erased = No se ha borrado nada.
delete-user-successor-admin = { $name } (admin)
delete-user-mismatch = No coincide. Escribe exactamente { $confirmation } o toca Cancelar.
delete-user-summary-gone =
    Esto borra la cuenta para siempre: { $whose ->
        [your] tus
       *[their] sus
    } vínculos con chats, pertenencias a grupos, contexto personal{ $personalAgents ->
        [0] {""}
        [one] , { $personalAgents } agente personal
       *[other] , { $personalAgents } agentes personales
    } y enlaces para restablecer la contraseña. No se puede deshacer.
delete-user-summary-invites =
    { $count ->
        [one] Se revocará { $count } invitación abierta
       *[other] Se revocarán { $count } invitaciones abiertas
    } que { $whose ->
        [your] enviaste.
       *[their] envió.
    }
delete-user-summary-agents = { $successor } se quedará con { $agents }.
delete-user-summary-audit = El registro de auditoría conserva sus entradas sobre la cuenta: es la constancia de lo que pasó.
delete-user-ask-successor =
    { $name } creó { $count ->
        [one] { $count } agente que sobrevivirá
       *[other] { $count } agentes que sobrevivirán
    } a la cuenta: { $agents }.
    ¿Quién { $count ->
        [one] se queda con él
       *[other] se queda con ellos
    }? Toca una persona o envía su correo electrónico o su @usuario.
delete-user-erase-who = ¿Borrar a { $who }?
delete-user-type-to-confirm = Para confirmar, escribe { $confirmation }
delete-user-erased = { $name } ha sido borrado.
delete-user-agents-moved = { $agents } { $count ->
        [one] pertenece
       *[other] pertenecen
    } ahora a { $successor }.
delete-user-invites-revoked =
    { $count ->
        [one] Se revocó { $count } invitación abierta.
       *[other] Se revocaron { $count } invitaciones abiertas.
    }

## A person erases their own account (flows/delete-me.ts)

delete-me-nothing-erased = No se ha borrado nada. Tu cuenta sigue como estaba.
delete-me-ask = ¿Borrar tu cuenta para siempre?
delete-me-export-first = Si quieres una copia de tus datos, toca Cancelar y envía primero /export.
delete-me-erased = Tu cuenta ha sido borrada. Gracias por haber estado aquí. ¡Adiós!

## An admin deletes a group (flows/delete-group.ts)

delete-group-listed = { $init } y { $last }
delete-group-members-lose =
    { $count ->
        [one] { $count } miembro pierde
       *[other] { $count } miembros pierden
    } el acceso
delete-group-agents-admins-only =
    { $agents } { $count ->
        [one] pasa
       *[other] pasan
    } a ser solo para administradores
delete-group-invites-lose =
    { $count ->
        [one] { $count } invitación pendiente ya no da
       *[other] { $count } invitaciones pendientes ya no dan
    } acceso a él
delete-group-ask = ¿Borrar el grupo { $name }? { $losses }.
delete-group-ask-nothing-lost = ¿Borrar el grupo { $name }? No hay nadie en él, y ningún agente ni invitación pendiente lo necesita.
delete-group-delete = Borrar
delete-group-kept = El grupo { $name } se mantiene.
delete-group-tap-above = Toca Borrar o Cancelar arriba.
delete-group-deleted = El grupo { $name } se ha borrado.

## /invite step by step (flows/invite.ts)

invite-anyone = Cualquiera con el enlace
invite-role-member = Miembro
invite-role-admin = Administrador
invite-defaults = Valores predeterminados
invite-groups-done = Listo
invite-groups-none = Sin grupos
# Groups chosen with toggle buttons (flows/group-toggles.ts), when more exist than have buttons.
group-toggles-more = Solo los primeros { $shown } de { $total } grupos tienen botones; para los demás, envía todos los nombres separados por comas.
# $groups is "some" when groups exist, "none" when there are none yet.
invite-ask-groups =
    ¿A qué grupos deben unirse? { $count ->
        [0] {""}
       *[other] Seleccionados: { $selected }.{" "}
    }{ $groups ->
        [none] Todavía no hay grupos
       *[some] Toca los grupos para seleccionarlos o quitarlos, o envía nombres separados por comas
    }; después toca { $count ->
        [0] «Sin grupos»
       *[other] Listo
    }.
invite-summary =
    ¿Invitar a { $emailCount ->
        [0] cualquiera con el enlace
       *[other] { $emails }
    } como { $role ->
        [admin] administrador
       *[member] miembro
    } { $groupCount ->
        [0] sin grupo
       *[other] en { $groups }
    }: { $uses ->
        [one] { $uses } uso
       *[other] { $uses } usos
    }, válida { $days ->
        [one] { $days } día
       *[other] { $days } días
    }?
invite-summary-labelled =
    ¿Invitar a { $emailCount ->
        [0] cualquiera con el enlace
       *[other] { $emails }
    } como { $role ->
        [admin] administrador
       *[member] miembro
    } { $groupCount ->
        [0] sin grupo
       *[other] en { $groups }
    }: { $uses ->
        [one] { $uses } uso
       *[other] { $uses } usos
    }, válida { $days ->
        [one] { $days } día
       *[other] { $days } días
    }, etiqueta «{ $label }»?
invite-option-unknown = «{ $text }» no es una opción; escribe uses:5, expires:14d o label:"Nuevos de primavera".
invite-option-uses = uses es un número entero de 1 a { $max }, como uses:5.
invite-option-email-uses = Una invitación a un correo electrónico tiene 1 uso; no pongas uses.
invite-option-expires = expires es un número de días de 1 a { $max }, como expires:14d.
invite-ask-emails = ¿Para quién es la invitación? Envía una o más direcciones de correo electrónico o toca «Cualquiera con el enlace».
invite-not-emails = No todas parecen direcciones de correo electrónico: { $words } no lo es. Por ejemplo robin@example.com.
invite-ask-role = ¿Qué rol?
invite-role-refused = El rol es Miembro o Administrador: toca uno de los dos.
invite-no-such-group = No existe el grupo { $unknown }. Los grupos son { $groups }.
invite-no-groups-yet = No existe el grupo { $unknown }. Todavía no hay grupos.
invite-group-name-refused = Los nombres de grupo usan letras, dígitos, espacios, _ . y -. Inténtalo de nuevo.
invite-ask-options = ¿Algo más? Por ejemplo: uses:5 expires:14d label:"Nuevos de primavera". O toca «Valores predeterminados» (1 uso, 7 días).
invite-options-unreadable = No he podido entender eso. { $problem }
invite-create = Crear
invite-cancelled = Cancelado. No se ha creado ninguna invitación.

## An admin's panel for one person (flows/manage-user.ts, flows/manage-user-replies.ts)

manage-groups = Grupos
manage-reset-password-link = Enlace para restablecer la contraseña
manage-done = Listo
manage-make-member = Hacer miembro
manage-make-admin = Hacer administrador
manage-deactivate = Desactivar
manage-reactivate = Reactivar
manage-delete = Borrar
manage-no = No
manage-panel =
    { $who }
    Rol: { $role }
    Estado: { $status }
    Grupos: { $groups }
    Chats: { $chats }
    Última vez visto: { $lastSeen }
# $issued: "invites", "resets" or "both"; $total counts both.
manage-withdrawal =
    { $name } tiene { $issued ->
        [resets] {""}
       *[other] { $invites ->
            [one] { $invites } invitación abierta
           *[other] { $invites } invitaciones abiertas
        }
    }{ $issued ->
        [both] {" "}y{" "}
       *[other] {""}
    }{ $issued ->
        [invites] {""}
       *[other] { $resets ->
            [one] { $resets } enlace de restablecimiento vigente
           *[other] { $resets } enlaces de restablecimiento vigentes
        }
    }; { $total ->
        [one] se revocará
       *[other] se revocarán
    }.
manage-confirm-deactivate = ¿Desactivar a { $who }? Pierde el acceso de inmediato; sus datos se conservan y puedes reactivarlo.
manage-yes-deactivate = Sí, desactivar
manage-confirm-admin = ¿Hacer administrador a { $who }? Podrá invitar, cambiar roles y grupos y leer el registro de auditoría.
manage-confirm-member = ¿Hacer miembro a { $who }?
manage-yes-make-admin = Sí, hacer administrador
manage-yes-make-member = Sí, hacer miembro
manage-finished = Listo.
manage-tap-above = Toca uno de los botones de arriba o Listo.
# $groups is "some" when groups exist, "none" when there are none yet; $count counts the ticked ones.
manage-ask-groups =
    ¿En qué grupos debe estar { $name }? { $count ->
        [0] Aún no hay ninguno seleccionado.
       *[other] Seleccionados: { $selected }.
    }{" "}{ $groups ->
        [none] Aún no hay grupos.
       *[some] Toca los grupos para seleccionarlos o quitarlos y luego Listo; o envía todos los nombres separados por comas.
    }
manage-groups-empty = Eso no contiene ningún nombre de grupo.
manage-role-changed =
    { $name } ahora es { $role ->
        [admin] administrador
       *[member] miembro
    }.
manage-groups-set = Grupos de { $name }: { $groups }.
manage-reset-link =
    Enlace para restablecer la contraseña de { $name }:
    { $instructions }
manage-reset-send-privately = Envíaselo a { $name } en privado; funciona una vez, durante 7 días.
manage-deactivated = { $name } está desactivado.
manage-reactivated = { $name } vuelve a estar activo.

## The interview after claiming an account, its review and save (flows/onboarding.ts);
## the scripted interviewer's questions are in onboarding.ftl.

onboarding-save = Guardar
onboarding-edit = Editar
onboarding-skip = Omitir
onboarding-edit-hint = Dime qué cambiar (por ejemplo: focus: lanzar la beta)
onboarding-skipped = Omitido. Puedes repetir la entrevista cuando quieras con /context.
onboarding-skipped-saving = He omitido el resto de las preguntas; guardo lo que me has contado hasta ahora.
onboarding-no-such-field-nearest = No existe el campo "{ $typed }"; ¿quisiste decir { $field }?
onboarding-no-such-field = No existe el campo "{ $typed }". Los campos son: { $fields }.
# $lines: one "• field: value" line per answer.
onboarding-review =
    Esto es lo que recordaré:
    { $lines }
onboarding-review-line = • { $field }: { $value }
onboarding-review-nothing-yet =
    Esto es lo que recordaré:
    (nada todavía)
onboarding-interviewer-failed = No se me ocurrió la siguiente pregunta, así que sigamos con lo que tengo.
onboarding-review-hint = Toca Guardar, Editar u Omitir, o envía un cambio como campo: valor (por ejemplo: focus: lanzar la beta).
onboarding-saved = Guardado. Lo usaré para adaptar mis respuestas; cámbialo cuando quieras con /context.

## A conversation with an agent (flows/agent-chat.ts)

agent-chat-talking-to = Estás hablando con { $agent }. Envía tu mensaje; /cancel termina la conversación.
