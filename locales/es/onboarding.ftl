## The scripted interviewer (src/onboarding/scripted.ts): its greeting, questions and replies.

onboarding-greeting = Hola, soy { $name }. Unas preguntas rápidas para poder ayudarte mejor: responde en pocas palabras o envía /skip.
onboarding-greeting-and-question =
    Hola, soy { $name }. Unas preguntas rápidas para poder ayudarte mejor: responde en pocas palabras o envía /skip.

    { $question }
# A question with where it stands among them, so the person sees how much is left.
onboarding-asked = { $question } ({ $number } de { $total })
onboarding-ask-role = ¿Cuál es tu puesto y en qué trabajas?
onboarding-ask-team = ¿En qué equipo estás?
onboarding-ask-language = ¿En qué idioma quieres que te responda?
onboarding-ask-style = ¿Cómo prefieres las respuestas: breves o detalladas, formales o informales?
onboarding-ask-focus = ¿En qué te estás centrando ahora mismo?
onboarding-ask-company = Como administrador, también puedes contarme sobre la organización. ¿Cómo se llama la empresa y a qué se dedica?
onboarding-ask-teams = ¿Qué equipos hay y qué hace cada uno?
onboarding-thanks = Gracias, entendido.
onboarding-say-again = ¿Puedes decirlo en pocas palabras? { $question }
onboarding-thats-everything = Gracias, eso es todo.
