## Validation (src/engine/validation-refusals.ts): why typed input was refused.
## A field's name opens the refusal's sentence, with its article and a capital ("El nombre del grupo …").

validation-field-name = El nombre
validation-field-email = La dirección de correo
validation-field-group-name = El nombre del grupo
validation-field-agent-name = El nombre del agente
validation-field-label = La etiqueta
validation-field-description = La descripción
validation-field-instructions = El texto de las instrucciones
validation-field-page = La página
validation-field-limit = El límite
validation-field-role = El rol
validation-field-access = El acceso
validation-field-uses = El número de usos
validation-field-days = El número de días
validation-field-emails = La lista de correos
validation-field-groups = La lista de grupos
validation-field-invite = La invitación
validation-field-new-password = La nueva contraseña
validation-field-new-owner = El nuevo responsable
validation-field-context-field = El campo
validation-field-personal-context = Tu contexto personal
validation-field-organisation-context = El contexto de la organización
# $name: a context field's name (field-role, field-company…).
validation-field-context = El campo { $name }

validation-empty = { $field } no puede quedar en blanco.
validation-too-long = { $field } admite como máximo { $max } caracteres.
validation-too-many = { $field } admite como máximo { $max } entradas.
validation-not-email = { $field } no es una dirección de correo válida.
validation-not-id = { $field } no es un identificador válido.
validation-bad-characters = { $field } solo puede llevar letras, dígitos, espacios, _ . y -.
validation-control-characters = { $field } no puede contener caracteres de control.
validation-not-whole-number = { $field } tiene que ser un número entero.
validation-at-least = { $field } tiene que ser como mínimo { $min }.
validation-at-most = { $field } puede ser como máximo { $max }.
# $options: the keywords to type, joined with "o" when there are two, else with commas.
validation-not-one-of = { $count ->
        [2] { $field } tiene que ser { $options }.
       *[other] { $field } tiene que ser uno de estos: { $options }.
    }
validation-too-many-bytes = { $field } no puede pasar de { $max } bytes en total.
validation-stale-page = { $field } ya no está al día; vuelve a empezar desde la primera página.
validation-same-as-current = { $field } no puede ser igual que la actual.
validation-not-another-active-person = { $field } tiene que ser otra persona activa.
validation-needed-for-created-agents = { $field } hace falta para los agentes que creó esa persona.
validation-one-use-for-email = { $field } tiene que ser 1 en una invitación a una dirección de correo.
validation-all-or-some-groups = { $field } tiene que ser «all» o al menos un grupo.
validation-invalid = { $field } tiene un valor no válido.

## What was already the case when a change was asked for (src/engine/no-change-refusals.ts).
# $role: admin or member.
validation-no-change-already-role = { $name } ya es { $role ->
        [admin] admin
       *[member] miembro
    }.
validation-no-change-already-deactivated = La cuenta de { $name } ya está desactivada.
validation-no-change-already-active = La cuenta de { $name } ya está activa.
validation-no-change-same-name = Ya te llamas { $name }.
validation-no-change-already-in-group = { $name } ya está en { $group }.
validation-no-change-not-in-group = { $name } no está en { $group }.
validation-no-change-same-groups = { $name } ya está justo en esos grupos.
validation-no-change-chat-already-linked = Este chat ya está vinculado a tu cuenta.
validation-no-change-chat-not-linked = Este chat no está vinculado a tu cuenta.
validation-no-change-invite-already-closed = Esa invitación ya está revocada o agotada.
validation-no-change-invite-closed = Esa invitación está revocada o agotada; crea una nueva.
validation-no-change-account-exists = Ya existe una cuenta.
