"""Word lists and phrase rules shared by captions, quotes, paragraphs and summaries.

One module per subject; each list is defined once here and imported where it
is used. Plain data and tiny helpers only: nothing here imports the rest of
the reader.
"""
