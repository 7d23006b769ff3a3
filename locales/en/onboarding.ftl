## The scripted interviewer (src/onboarding/scripted.ts): its greeting, questions and replies.

onboarding-greeting = Hi, I'm { $name }. A few quick questions so I can help you better — answer in a few words, or send /skip.
onboarding-greeting-and-question =
    Hi, I'm { $name }. A few quick questions so I can help you better — answer in a few words, or send /skip.

    { $question }
# A question with where it stands among them, so the person sees how much is left.
onboarding-asked = { $question } ({ $number } of { $total })
onboarding-ask-role = What's your role, and what do you work on?
onboarding-ask-team = Which team are you on?
onboarding-ask-language = Which language should I answer you in?
onboarding-ask-style = How do you like answers: short or detailed, formal or casual?
onboarding-ask-focus = What are you focused on right now?
onboarding-ask-company = As an admin you can also tell me about the organisation. What's the company called, and what does it do?
onboarding-ask-teams = Which teams are there, and what does each one do?
onboarding-thanks = Thanks, got it.
onboarding-say-again = Could you say that in a few words? { $question }
onboarding-thats-everything = Thanks, that's everything.
