"""One home for text and number handling shared by every stage (parse, indicators, align, compare, index).

Pure functions, no heavy imports at module level; import the submodule you need:
`numbers` (decimal commas, Chinese and Roman numerals), `clausenum` (clause-number grammar, legal
numbering ids), `lang` (language detection), `sentences` (sentence segmentation), `width`
(full-width folding, CJK display width), `normalize` (whitespace, hyphenation, odd characters),
`comparators` (comparator lexicon zh/en/de/fr), `temperature` (temperature-rise rule) and
`stdnum` (standard numbers, families and their tiers).
"""

from __future__ import annotations
