"""Sentence openers that lean back on the sentence before: "But ...", "He ...".

Shared by the summary's context filter (a summary sentence that opens so is
out of context) and the paragraph splitter (a paragraph never starts with one).
Regular-expression alternations, matched case-insensitively at the start.
"""

from __future__ import annotations

# Connectives: "But", "However", "As a result", ...
CONNECTIVE_OPENERS = (
    "but|and|or|nor|so|yet|also|still|however|meanwhile|moreover|furthermore|"
    "nevertheless|nonetheless|instead|otherwise|then|thus|therefore|hence|besides|"
    "likewise|similarly|indeed|anyway|regardless|consequently|accordingly|"
    "in addition|in contrast|by contrast|as a result|on the other hand|even so|"
    "at the same time|in turn|after all|not only that|that is why|which"
)
# Pronouns and demonstratives that refer back: "He", "These", "The latter".
PRONOUN_OPENERS = (
    r"^(?:he|she|it|they|him|them|his|her|hers|its|their|theirs|this|that|these|those|"
    r"such|the latter|the former|both|neither)\b(?!-)"
)
# Any opener that makes a sentence a poor start of a paragraph.
PARAGRAPH_LEANS_BACK = (
    r"^(?:but|and|or|so|yet|also|he|she|it|they|his|her|its|their|this|that|these|those|"
    r"such|then|still|however|meanwhile|moreover|instead|there)\b"
)
