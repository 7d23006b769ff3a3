# Words the adapters add to the engine's replies, and the Mini App's pages.

## How a code (an invite, a reset link) is opened

adapters-code-telegram = Telegram: https://t.me/{ $bot }?start={ $code }
adapters-code-anywhere = En cualquier otro sitio: envía este código al bot en un chat privado: { $code }

## The setup banner the operator reads

adapters-setup-first-admin = Aún no existe ninguna cuenta. Quien abra esta invitación será el primer admin (funciona una vez, durante 7 días):
adapters-setup-new-any-time = `npm run admin-invite` imprime una nueva en cualquier momento.
adapters-setup-new-invite = Una nueva invitación de admin (válida 7 días, funciona una vez):
adapters-setup-printed-elsewhere =
    Aún no existe ninguna cuenta. Otro proceso de Gatehouse que comparte esta base de datos imprimió
    la invitación del primer admin; usa esa, o ejecuta `npm run admin-invite` para imprimir una nueva.
adapters-setup-on-telegram = Telegram: { $how }
adapters-setup-on-slack = Slack: { $how }
adapters-setup-in-console = En el chat del terminal: { $how }

## Telegram

telegram-secret-note = Envíala como mensaje: borro ese mensaje en cuanto lo leo, para que la contraseña no se quede en este chat.
telegram-secret-deleted = He borrado tu mensaje con la contraseña.
telegram-secret-form-note = Toca el botón: el formulario la envía directamente a Gatehouse, así que nunca se convierte en un mensaje de este chat.
telegram-secret-form-button = Introducirla en privado
telegram-dm-blocked = Todavía no puedo escribirte en privado. Abre un chat privado conmigo, pulsa «Iniciar» y vuelve a enviar el comando.
telegram-open-private-chat = Abrir un chat privado
telegram-open-code-link = abre https://t.me/{ $bot }?start={ $code }
telegram-open-code-start = envía /start { $code } al bot en un chat privado

## Slack

slack-open-code = envía { $code } al bot por mensaje directo, o escribe allí /claim { $code }
slack-secret-button = Introducirla en privado
slack-stale-form = Ese formulario ya no está vigente (ya se usó, o un paso más reciente lo reemplazó). Usa el botón más reciente de nuestro chat.
slack-form-expired = Este formulario ha caducado. Empieza ese paso de nuevo.
slack-modal-title = Gatehouse
slack-modal-submit = Enviar
slack-modal-cancel = Cancelar
slack-secret-hint = Va directamente a Gatehouse y nunca se publica como mensaje.
slack-label-claim = Elige una contraseña
slack-label-reset = Tu nueva contraseña
slack-label-new-password = Tu nueva contraseña
slack-label-confirm-password = La nueva contraseña otra vez
slack-label-login = Tu contraseña
slack-label-current-password = Tu contraseña actual
slack-label-again = La misma contraseña otra vez

## The chat in the terminal

console-open-code = escribe /start { $code }
console-welcome = Consola de Gatehouse. Escribe /help; /as <nombre> cambia quién eres; /quit sale.
console-you-are = Ahora eres { $name }.
console-secret-prompt = { $name } (contraseña, oculta)
console-bot-says = bot: { $text }
console-secret-hint = (escríbela abajo; no se muestra)
console-file-saved = (archivo guardado en { $file })

## The Mini App: answers of its API

miniapp-stale = Este formulario ya no está vigente (ya se usó, o un paso más reciente lo reemplazó). Vuelve al chat.
miniapp-locked = Demasiados intentos. Espera un cuarto de hora y vuelve a intentarlo.
miniapp-bad-form = El formulario no se rellenó como se esperaba.
miniapp-body-too-large = El formulario envió demasiado.
miniapp-body-not-json = El formulario envió algo que no es un formulario.
miniapp-no-such-row = Esa fila no existe.
miniapp-not-found = no encontrado
miniapp-open-from-chat = Abre esta página desde su botón en tu chat de Telegram con el bot.
miniapp-admins-only = Solo los admins pueden ver esto.
miniapp-current-missing = Introduce tu contraseña actual.

## The Mini App: the password page

miniapp-password-title = Gatehouse · contraseña
miniapp-password-heading = Contraseña
miniapp-password-policy = Al menos { $min } caracteres, con al menos una letra y un dígito, y que no esté en una lista de contraseñas comunes o filtradas.
miniapp-current-password = Contraseña actual
miniapp-new-password = Nueva contraseña
miniapp-password-again = La nueva contraseña otra vez
miniapp-save = Guardar
miniapp-loading = Cargando…
miniapp-title-claim = Elige tu contraseña
miniapp-title-new = Establece una nueva contraseña
miniapp-title-change = Cambia tu contraseña
miniapp-title-confirm = Confirma tu nueva contraseña
miniapp-title-login = Tu contraseña
miniapp-label-password = Contraseña
miniapp-button-change = Cambiar
miniapp-button-confirm = Confirmar
miniapp-button-login = Iniciar sesión
miniapp-unknown-step = Este formulario no conoce este paso. Vuelve al chat.
miniapp-not-confirmed = Esta página no pudo confirmar quién eres. Ábrela desde su botón en el chat.
miniapp-stale-short = Este formulario ya no está vigente. Vuelve al chat.
miniapp-locked-short = Demasiados intentos. Vuelve a intentarlo más tarde.
miniapp-failed = Algo salió mal. Vuelve a intentarlo en un momento.
miniapp-form-outside-telegram = Abre este formulario desde su botón en tu chat de Telegram con el bot.
miniapp-enter-password = Introduce la contraseña.
miniapp-passwords-differ = Las dos contraseñas no coinciden. Escribe la misma nueva contraseña en ambos campos.
miniapp-password-refused = Esa contraseña no se puede usar. Elige otra.
miniapp-sent = Enviado. Sigue en el chat.
miniapp-connection-failed = La conexión falló. Vuelve a intentarlo.

## The Mini App: the admin's user table

miniapp-users-title = Gatehouse · usuarios
miniapp-users-heading = Usuarios
miniapp-users-intro = Solo lectura. Toca un nombre para abrir el panel de esa persona en el chat, donde se hacen los cambios.
miniapp-users-search = Buscar nombre, correo, grupo, estado…
miniapp-users-search-label = Buscar
miniapp-column-name = Nombre
miniapp-column-email = Correo
miniapp-column-role = Rol
miniapp-column-groups = Grupos
miniapp-column-status = Estado
miniapp-column-linked = Vinculado
miniapp-column-last-seen = Visto por última vez
miniapp-platform-telegram = Telegram
miniapp-platform-slack = Slack
miniapp-platform-console = Consola
miniapp-invite-row = { $name } (invitación { $id })
miniapp-open-panel = Abrir el panel en el chat
miniapp-count = { $shown } de { $total }
miniapp-opening-panel = Abriendo el panel de { $name } en el chat…
miniapp-open-failed = No funcionó. Usa /user en el chat.
miniapp-panel-opened = El panel de { $name } está en el chat.
miniapp-table-outside-telegram = Abre esta tabla desde su botón en tu chat de Telegram con el bot.
miniapp-table-admins-only = Solo los admins pueden ver esta tabla.
miniapp-nobody = Todavía nadie.
