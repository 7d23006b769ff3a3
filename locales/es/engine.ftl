## Engine (src/engine): what the engine itself says, /help, /language, and the refusals of domain rules.

# Texts worded one after another (src/engine/words.ts).
engine-apology = Lo siento, algo ha fallado por mi parte. Vuelve a intentarlo en un momento.
engine-session-store-away = Ahora mismo no llego a mi almacén de sesiones; vuelve a intentarlo en un minuto.
engine-deactivated-notice = Tu cuenta está desactivada. Aún puedes exportar tus datos con /export o borrarla con /deleteme; para todo lo demás, habla con un admin.
engine-stale-button = Este botón ha caducado. Envía el comando otra vez para obtener uno nuevo.
engine-stale-flow = Ese paso ha cambiado desde que lo empezaste. Vuelve a empezarlo, por favor.
engine-step-ended = Ese paso ha terminado.
engine-form-expired = Ese formulario ha caducado. Vuelve a empezar ese paso, por favor.
engine-locked-out = Demasiados intentos fallidos. Espera un cuarto de hora y vuelve a intentarlo.
engine-sent-privately = Te he enviado los detalles en un mensaje privado.

engine-cancelled = Cancelado. No se ha cambiado nada.
engine-nothing-to-cancel = No hay nada que cancelar.
engine-nothing-to-skip = No hay nada que saltar.
engine-left-step = (He dejado el paso en el que estabas.)
engine-unknown-command-nearest = No conozco /{ $command }. ¿Querías decir /{ $nearest }?
engine-unknown-command = No conozco /{ $command }. Envía /help para ver lo que puedo hacer.

engine-private-only = Usa /{ $command } en un chat privado conmigo, por favor.
engine-not-signed-in = Aquí no has iniciado sesión. Abre tu enlace de invitación o usa /login si ya tienes una cuenta.
engine-admins-only = Solo los admins pueden usar /{ $command }.

# $usage: a command's usage line, without its slash.
engine-usage = Uso: /{ $usage }
engine-usage-after-problem = { $problem }. Uso: /{ $usage }
engine-args-not-understood = No entiendo «{ $token }»
engine-args-none-taken = /{ $command } no lleva nada detrás
engine-invite-malformed = Esa invitación está mal formada
engine-invite-rule-emails = Una invitación llega como mucho a { $max } correos
engine-invite-rule-role = El rol es admin o member
engine-invite-rule-uses = Los usos son un número de 1 a { $max }, como uses:5
engine-invite-rule-expiry = La validez es un número de días de 1 a { $max }, como expires:14d
engine-invite-rule-label = Una etiqueta tiene de 1 a { $max } caracteres, como label:"Altas de primavera"

engine-secret-step-expired-deleted = Ese paso caducó, así que no usé lo que acabas de enviar; por si era una contraseña, lo borré. Empieza ese paso de nuevo, por favor.
engine-secret-step-expired-kept = Ese paso caducó, así que no usé lo que acabas de enviar. Si era una contraseña, borra tu mensaje y empieza ese paso de nuevo.
engine-password-left-in-chat = No he podido borrar tu mensaje con la contraseña. Bórralo tú ahora, por favor.
engine-password-not-as-message = No envíes nunca una contraseña como mensaje. Usa este botón para escribirla en privado.
engine-secret-still-expected = Sigo esperando la contraseña que te pedí.
engine-passwords-differ = Las dos contraseñas no coinciden. Escribe la misma contraseña nueva en ambos campos.

## /language

# Each language by its own name, the same in every language.
engine-language-own-name-en = English
engine-language-own-name-de = Deutsch
engine-language-own-name-es = Español
# Said in the language it names: each locale names itself.
engine-language-current = { $reason ->
        [chosen] Te respondo en español, como elegiste.
        [platform] Te respondo en español, el idioma de tu plataforma.
       *[default] Te respondo en español, el idioma por defecto aquí.
    }
engine-language-choose = Elige otro o deja que decida tu plataforma:
engine-language-follow-platform = Seguir mi plataforma
engine-language-saved = Guardado.
engine-language-cleared = Hecho: vuelve a decidir el idioma de tu plataforma.
engine-language-with-code = { $name } ({ $code })
engine-language-unknown = No hablo «{ $asked }». Puedo responder en { $known }

## Refusals of domain rules (src/engine/replies.ts).

refusal-password-too-short = Esa contraseña es demasiado corta: usa al menos { $min } caracteres.
refusal-password-too-long = Esa contraseña es demasiado larga: usa como mucho { $max } caracteres.
refusal-password-no-letter = Esa contraseña necesita al menos una letra.
refusal-password-no-digit = Esa contraseña necesita al menos un dígito.
refusal-password-common = Esa contraseña está en una lista de contraseñas comunes o filtradas. Elige otra.
# $field and $reason come worded from the rule that refused (in English).
refusal-unknown-user = No encuentro a nadie que coincida con «{ $query }».
refusal-unknown-group = No hay ningún grupo llamado «{ $name }». Mira /groups.
refusal-unknown-agent = No hay ningún agente llamado «{ $name }» que puedas usar. Mira /agents.
refusal-unknown-invite = No encuentro ninguna invitación que coincida con «{ $reference }». Mira /invites.
refusal-name-taken = Ya existe { $kind ->
        [agent] un agente
       *[group] un grupo
    } llamado «{ $name }».
refusal-seat-limit = Las { $limit } plazas están ocupadas. Desactiva a alguien o revoca primero una invitación abierta.
refusal-account-frozen = { $name } está desactivado, así que { $change ->
        [role] su rol se queda como está
        [groups] sus grupos se quedan como están
       *[reset] no recibe enlace de restablecimiento
    } hasta que lo reactives con /reactivate.
refusal-invite-still-valid = Esa invitación sigue siendo válida hasta { $until }; revócala antes con /revoke si el enlace se ha filtrado.
refusal-ambiguous-candidate = { $name } en { $platform }
# $candidates: who it could be; $ways: how to name each platform's (telegram:@sam or slack:@sam).
refusal-ambiguous-user = «@{ $handle }» es más de una persona: { $candidates }. Di a quién te refieres con { $ways }, o usa su correo.
refusal-self-action = { $action ->
        [role] No puedes cambiar tu propio rol. Pídeselo a otro admin.
        [delete] No puedes borrarte a ti mismo. Para tu propia cuenta usa /deleteme.
       *[deactivate] No puedes desactivarte a ti mismo.
    }
refusal-not-admin = Solo los admins pueden hacer eso.
refusal-email-taken = Ese correo ya pertenece a una cuenta.
refusal-invite-pending = Ese correo ya tiene una invitación abierta. Usa /invites para reenviarla o revocarla.
refusal-last-admin = Siempre tiene que haber al menos un admin activo, así que lo he dejado todo como estaba.
refusal-user-deactivated = Esa cuenta está desactivada.
refusal-wrong-credentials = Ese correo y esa contraseña no coinciden con ninguna cuenta activa.
refusal-identity-linked = Este chat ya está vinculado a otra cuenta. Usa /logout allí primero.
refusal-staged-password-gone = Ha pasado un rato, así que no he guardado tu nueva contraseña. Elígela otra vez, por favor.
refusal-model-unavailable = Los agentes aún no pueden responder: aquí no hay ningún modelo de lenguaje configurado. Pide a un admin que configure OPENAI_API_KEY.
refusal-last-chat = Este es el único chat vinculado a tu cuenta y no tiene correo, así que no podrías volver a iniciar sesión.
# $said: the rule's own words (in English), as the start of a sentence.
refusal-as-said = { $said }.

## /help (src/engine/commands/help.ts)

help-heading-stranger = Para empezar, abre el enlace de invitación que te envió un admin. O bien:
help-heading-member = Lo que puedes hacer:
help-heading-admin = Lo que puedes hacer (admin):
help-heading-deactivated = Tu cuenta está desactivada. Lo que aún puedes hacer:
help-footer = /cancel deja el paso en el que estás. Para la sintaxis completa de un comando y un ejemplo: /help { $example }

help-section-getting-in = Entrar
help-section-account = Tu cuenta
help-section-agents = Agentes
help-section-invites = Invitaciones
help-section-people = Personas
help-section-leaving = Salir

help-line-claim = /claim CÓDIGO — abrir la invitación que te envió un admin
help-example-claim = /claim i_AbC…
help-line-login = /login — vincular este chat a la cuenta que ya tienes
help-line-profile = /profile — tu cuenta de un vistazo
help-line-name = /name <nuevo nombre> — cambiar tu nombre
help-example-name = /name Ada Lovelace
help-line-password = /password — cambiar tu contraseña
help-line-language = /language — el idioma en el que te respondo
help-example-language = /language es
help-line-context = /context — lo que los agentes saben de ti
help-example-context = /context focus: la auditoría PCI
help-line-onboarding = /onboarding — repetir la entrevista
help-line-logout = /logout — desvincular este chat
help-line-agents = /agents — los agentes que puedes usar
help-line-ask = /ask <agente> <texto> — hablar con un agente
help-example-ask = /ask Smithers mi VPN no funciona
help-line-agent = /agent — crear agentes, decidir quién puede usarlos
help-example-agent = /agent access helpdesk Support
help-line-invite = /invite — invitar a gente (paso a paso o en una línea)
help-example-invite = /invite bob@example.com member group:Sales expires:14d
help-line-invites = /invites — las invitaciones y sus usos
help-line-revoke = /revoke <invitación> — revocar una invitación pendiente
help-example-revoke = /revoke bob@example.com
help-line-resend = /resend <invitación> — un enlace nuevo para una caducada
help-example-resend = /resend bob@example.com
help-line-users = /users [búsqueda] — todos, con su estado y última conexión
help-example-users = /users bob
help-line-user = /user <persona> — el panel de una persona
help-example-user = /user @bob
help-line-role = /role <persona> admin|member — cambiar un rol
help-example-role = /role @bob admin
help-line-deactivate = /deactivate <persona> — dejar fuera a alguien
help-example-deactivate = /deactivate @bob
help-line-reactivate = /reactivate <persona> — volver a dejarle entrar
help-example-reactivate = /reactivate @bob
help-line-resetpassword = /resetpassword <persona> — un enlace para restablecer la contraseña
help-example-resetpassword = /resetpassword bob@example.com
help-line-groups = /groups — los grupos y su tamaño
help-line-group = /group — crear, borrar y llenar grupos
help-example-group = /group add Sales @bob
help-line-audit = /audit — el registro de auditoría
help-example-audit = /audit @bob limit:20
help-line-delete = /delete <persona> — borrar la cuenta de alguien
help-example-delete = /delete bob@example.com
help-line-export = /export — tus datos, en un archivo
help-line-deleteme = /deleteme — borrar tu propia cuenta para siempre

help-about-cancel =
    /cancel
    Deja el paso en el que estás; no se cambia nada.
help-about-skip =
    /skip
    Salta la pregunta que lo ofrece (la entrevista, un correo opcional).

help-button-log-in = Iniciar sesión
help-button-how-to-join = Cómo entrar
help-button-agents = Agentes
help-button-profile = Mi perfil
help-button-invite = Invitar a alguien
help-button-people = Personas
help-button-export = Exportar mis datos
help-button-delete-account = Borrar mi cuenta

# $summary: a command's summary, capitalised.
help-summary = { $summary }.
help-example = Ejemplo: { $example }
help-private-only = Funciona en un chat privado conmigo.
help-needs-account = /{ $command } es para quien tiene una cuenta aquí. Abre tu enlace de invitación o usa /login si ya tienes una cuenta.
help-admins-only = /{ $command } es solo para admins.
help-unknown-command-nearest = No conozco /{ $command }. ¿Querías decir /{ $nearest }? Envía /help { $nearest } para ver cómo se usa.
help-unknown-command = No conozco /{ $command }. Envía /help para ver lo que puedes hacer.

help-stranger-greeting =
    ¡Hola! Soy Gatehouse, la entrada a este equipo.

    Si un admin te dio un enlace de invitación, ábrelo otra vez (o envíame su código). Si ya tienes una cuenta, envía /login para vincular este chat a ella.
# $role: admin or member; an admin is pointed to /invite too.
help-nothing-waiting = Ahora mismo nada espera una respuesta tuya, { $name }. Podrías preguntar a un agente con /ask <agente> <texto> (/agents muestra los tuyos){ $role ->
        [admin] , invitar a alguien con /invite
       *[member] {""}
    } o enviar /help para ver todo lo que puedes hacer.

help-usage-language = language [<código> | auto]
help-summary-language = el idioma en el que te respondo; un código (es) o un nombre lo elige, auto sigue a tu plataforma

## Effects (src/engine/effects): what an effect reports back to its flow.

# $role: admin or member, as typed; $until: a day (YYYY-MM-DD). The link follows on the next line.
engine-invite-issued = Invitación { $ref } para { $who } ({ $role }, { $uses ->
        [one] { $uses } uso
       *[other] { $uses } usos
    }, hasta el { $until }):
engine-invite-anyone = cualquiera con el enlace
engine-invite-shown-once = Es la única vez que se muestra el enlace. Envíaselo en privado.
