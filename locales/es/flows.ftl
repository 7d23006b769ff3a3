## Flows (flows/*.ts): the steps of multi-step dialogues.

login-ask-email = Para vincular este chat a tu cuenta: ¿cuál es tu dirección de correo electrónico?
login-not-an-email = Eso no parece una dirección de correo electrónico. Inténtalo de nuevo.
login-ask-password = ¿Tu contraseña?
login-welcome-back = Hola de nuevo, { $name }. Este chat ya está vinculado a tu cuenta.
login-out-of-attempts = Demasiados intentos fallidos. Inténtalo más tarde o pide a un administrador un enlace para restablecer la contraseña.
login-wrong-email-hint = Si el correo electrónico era incorrecto, envía /login para empezar de nuevo.
