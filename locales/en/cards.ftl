## Cards (src/engine/cards.ts): a message edited in place when one of its buttons is tapped.

# What a tap did, under the card, and who tapped.
card-footer = ✓ { $done }
card-footer-by = ✓ { $done } (by { $by })
card-lines = { $above } { $line }
card-with-footer =
    { $card }

    { $footer }
