## Shared by every area: how texts are set side by side.

join-comma = { $first }, { $rest }
join-or = { $first } o { $rest }
join-line =
    { $first }
    { $rest }
join-paragraph =
    { $first }

    { $rest }
join-sentence = { $first } { $rest }
join-clause = { $first }; { $rest }
