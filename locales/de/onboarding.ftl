## The scripted interviewer (src/onboarding/scripted.ts): its greeting, questions and replies.

onboarding-greeting = Hallo, ich bin { $name }. Ein paar kurze Fragen, damit ich dir besser helfen kann – antworte in ein paar Worten oder sende /skip.
onboarding-greeting-and-question =
    Hallo, ich bin { $name }. Ein paar kurze Fragen, damit ich dir besser helfen kann – antworte in ein paar Worten oder sende /skip.

    { $question }
# A question with where it stands among them, so the person sees how much is left.
onboarding-asked = { $question } ({ $number } von { $total })
onboarding-ask-role = Was ist deine Rolle, und woran arbeitest du?
onboarding-ask-team = In welchem Team bist du?
onboarding-ask-language = In welcher Sprache soll ich dir antworten?
onboarding-ask-style = Wie magst du Antworten: kurz oder ausführlich, förmlich oder locker?
onboarding-ask-focus = Worauf konzentrierst du dich gerade?
onboarding-ask-company = Als Admin kannst du mir auch etwas über die Organisation erzählen. Wie heißt die Firma, und was macht sie?
onboarding-ask-teams = Welche Teams gibt es, und was macht jedes davon?
onboarding-thanks = Danke, verstanden.
onboarding-say-again = Kannst du das in ein paar Worten sagen? { $question }
onboarding-thats-everything = Danke, das war alles.
