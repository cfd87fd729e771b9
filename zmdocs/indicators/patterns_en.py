"""English, German and French comparator, condition, method and equality cues (ISO/IEC, DIN, NF wording)."""

from __future__ import annotations

import re

_I = re.IGNORECASE
_END = r"\s*(?:of|von|de|d'|:)?\s*\+?$"
_ADJ_FR = r"(?:e|s|es)?"

LEFT: list[tuple[re.Pattern, str]] = [
    (re.compile(
        r"(?<![A-Za-zÀ-ÿ])(?:(?:not|no)\s+(?:[\w-]+\s+){1,8}?by\s+more\s+than|within\s+an?\s+(?:[\w-]+\s+){1,2}of"
        r"|(?:with\s+)?an?\s+(?:reading\s+)?accuracy\s+of|accurate\s+to(?:\s+within)?|up\s+to\s+(?:a|the)\s+maximum\s+(?:[\w-]+\s+){0,2}of|as\s+a\s+maximum\s*,?\s+(?:[\w-]+\s+){0,4}?(?:of|is|be|:)"
        r"|without\s+(?:[\w-]+\s+){0,3}?(?:exceeding|more\s+than)|nor\s+(?:more|greater|higher)\s+than|not\s+(?:be\s+)?(?:\w+\s+){0,2}(?:by\s+)?(?:more|greater|higher)\s+than|within|innerhalb(?:\s+von)?|dans\s+un\s+délai\s+de|en\s+moins\s+de|shall\s+not\s+(?:exceed|be\s+(?:more|greater|higher)\s+than)|must\s+not\s+exceed|not\s+(?:to\s+)?exceed(?:ing)?|does\s+not\s+exceed"
        r"|(?:is|are|be)\s+limited\s+to|limited\s+to|(?:not|no)\s+(?:be\s+)?(?:further|farther)\s+than|(?:not|no)\s+(?:more|greater|higher|larger|longer)\s+than|less\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:less|lower|smaller)\s+than"
        r"|(?:a\s+)?maximum(?:\s+value)?(?:\s+of)?|(?<=with\s)a\s+maximum\s+[a-z]+\s+of|max\.?|up\s+to(?:\s+and\s+including)?|at\s+most|≤|<=|≦"
        r"|höchstens(?:\s+ein(?:e[nmr]?)?\s+[\wÄÖÜäöüß-]+\s+von)?|spätestens|at\s+the\s+latest|(?:not|no)\s+later\s+than|au\s+plus\s+tard|maximal|nicht\s+(?:größer|höher|mehr)\s+als|kleiner\s+(?:als\s+)?oder\s+gleich|gleich\s+oder\s+(?:weniger|kleiner|niedriger|geringer)\s+als|bis\s+zu|darf\s+nicht\s+(?:mehr|größer|höher)\s+als"
        r"|ne\s+doit\s+pas\s+(?:dépasser|excéder|être\s+supérieur" + _ADJ_FR + r"\s+à)|au\s+maximum|au\s+plus(?:\s+égal" + _ADJ_FR + r"\s+à)?|pas\s+plus\s+de"
        r"|limité" + _ADJ_FR + r"\s+à|begrenzt\s+auf|(?<![\w-])(?:Grenzwert|limit\s+value|valeur\s+limite)\s*(?:von|of|de)?|\w*grenzwert\s+(?:für|for)\s+[^\d,;.]{2,40}?\s+von|limit\s+value\s+for\s+[^\d,;.]{2,40}?\s+of"
        r"|inférieur" + _ADJ_FR + r"\s+ou\s+égal" + _ADJ_FR + r"\s+à|maximal" + _ADJ_FR + r"|jusqu'à|n'excède\s+pas|ne\s+dépasse\s+pas"
        r")" + _END, _I), "<="),
    (re.compile(
        r"(?<![A-Za-zÀ-ÿ])(?:as\s+a\s+minimum\s*,?\s+(?:[\w-]+\s+){0,4}?(?:of|is|be|:)|(?:shall|must|may|should|will|does|do)\s+not\s+(?:fall|drop|go)\s+below|shall\s+not\s+be\s+(?:less|lower|smaller)\s+than|(?:nor|or)\s+(?:less|lower|smaller)\s+than|(?:not|no)\s+(?:be\s+)?(?:less|lower|smaller|fewer)\s+than|(?:not|no)\s+(?:be\s+)?(?:nearer|closer)\s+than|greater\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:greater|more|higher|larger)\s+than"
        r"|(?:a\s+)?minimum(?:\s+value)?(?:\s+of)?|min\.?|at\s+least|(?:not|no)\s+earlier\s+than|frühestens|≥|>=|≧"
        r"|mindestens(?:\s+ein(?:e[nmr]?)?\s+[\wÄÖÜäöüß-]+\s+von)?|minimal|wenigstens|nicht\s+(?:kleiner|niedriger|weniger|geringer)\s+als|größer\s+(?:als\s+)?oder\s+gleich|gleich\s+oder\s+(?:größer|mehr|höher)\s+als"
        r"|ne\s+doit\s+pas\s+être\s+inférieur" + _ADJ_FR + r"\s+à|au\s+moins(?:\s+égal" + _ADJ_FR + r"\s+à)?|d'au\s+moins|pas\s+moins\s+de"
        r"|supérieur" + _ADJ_FR + r"\s+ou\s+égal" + _ADJ_FR + r"\s+à|minimal" + _ADJ_FR + r"|au\s+minimum"
        r")" + _END, _I), ">="),
    (re.compile(r"(?<![A-Za-zÀ-ÿ])(?:(?:less|lower|smaller|fewer|shallower)\s+than|below|<|kleiner\s+als|weniger\s+als|niedriger\s+als|unter|unterhalb"
                r"|inférieur" + _ADJ_FR + r"\s+à|moins\s+de|en\s+dessous\s+de)" + _END, _I), "<"),
    (re.compile(r"(?<![A-Za-zÀ-ÿ])(?:(?:greater|more|higher|larger|deeper|longer)\s+than|exceed(?:s|ing)?|above|>|größer\s+als|mehr\s+als|höher\s+als|über|oberhalb"
                r"|supérieur" + _ADJ_FR + r"\s+à|plus\s+de|au-dessus\s+de)" + _END, _I), ">"),
    (re.compile(r"(?:between|within|in\s+the\s+range(?:\s+of)?|zwischen|im\s+Bereich(?:\s+von)?|entre|dans\s+la\s+plage(?:\s+de)?|comprise?s?\s+entre|from|von|de)\s*:?\s*$", _I), "range?"),
]

RIGHT: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^\s*(?:or\s+(?:less|lower|below|smaller)|as\s+a\s+maximum\b|max(?:imum)?\b\.?|maximal\b|oder\s+weniger|ou\s+moins|au\s+maximum|au\s+plus"
                r"|(?:shall|may|is|are)\s+(?:be\s+)?(?:permitted|allowed|tolerated)\b"
                r"|(?:darf\s+)?nicht\s+(?:überschreite[nt]|übersteig(?:en|t)|überschritten)|n'est\s+pas\s+dépassé)", _I), "<="),
    (re.compile(r"^\s*(?:or\s+(?:more|higher|greater|above|better)|as\s+a\s+minimum\b|min(?:imum)?\b\.?|minimal\b|oder\s+mehr|oder\s+besser|ou\s+plus|au\s+moins|au\s+minimum"
                r"|(?:darf\s+)?nicht\s+(?:unterschreite[nt]|unterschritten))", _I), ">="),
]

# A German verb bracket closes far from the number: "darf 0,1 mA ... und 0,5 mA ... nicht überschreiten".
RIGHT_FAR: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^(?:[^.;:,]|(?<=\d)[.,](?=\d)){0,80}?\bnicht\s+(?:überschreiten|übersteigen|überschritten)", _I), "<="),
    (re.compile(r"^(?:[^.;:,]|(?<=\d)[.,](?=\d)){0,80}?\bnicht\s+(?:unterschreiten|unterschritten)", _I), ">="),
    # "50 per cent of the minimum intensity … shall be considered sufficient": the least that is accepted
    (re.compile(r"^[^.;:]{0,80}?\b(?:shall|is|are|will)\s+be\s+(?:considered|deemed|regarded\s+as)\s+(?:sufficient|adequate)\b", _I), ">="),
]

EQ_CUE = re.compile(
    r"(?:\bof|\bis|\bbe|\bare|=|:|\b(?:equivalent|equal)\s+to|\bgleich|\bégale?\s+à|\bapply(?:ing)?|\bapplied|\bwithstands?|\bbeträgt|\bbetragen|\bvon|\bist|\bde|\best|\bsoit|\bégale?\s+à|\bd'une?\s+valeur\s+de"
    r"|\b(?:in|während|für)\s+den\s+(?:ersten|letzten|restlichen|übrigen|folgenden|nächsten)|\b(?:in|for|during)\s+the\s+(?:first|last|remaining|following|next))"
    r"\s*(?:a\s+|an\s+|approximately\s+|etwa\s+|environ\s+|jeweils\s+)?$",
    _I)

_STOP = r"(?=\s*(?:[,;.]\s|\band\s+(?:at|after)\s+(?=\d)|[,;](?!\d)|[.](?=\s|$)|$|\bwithout\b|\bohne\b|\bsans\b|\bshall\b|\bmust\b|\bis\b|\bare\b|\bmuss\b|\bdarf\b|\bgilt\b|\bgelten\b|\bbeträgt\b|\bist\b|\best\b|\bdoit\b|\bne\b|\bnot\b|\bthe\s+\w+\s+shall\b))"
_CLAUSE_STOP = r"(?=\s*(?:[,;]\s|[.](?:\s|$)|$|\)|\(|\bshall\b|\bmust\b|\bmay\b|\bmuss\b|\bdarf\b|\bdoit\b))"
CONDITION = re.compile(
    r"\b(?:where|whereas|provided\s+that|unless|in\s+the\s+case\s+of|wo|sofern|soweit|lorsque|lorsqu'|si)\b(?:[^,;.()]|(?<=\d)[.,](?=\d)){1,90}?" + _CLAUSE_STOP +
    r"|\b(?:at(?!\s+(?:least|most|the\s+(?:latest|earliest)|an?\s+[\w-]+\s+(?:less|greater|lower|higher|more)\s+than\b))|under|during|after|when|if|where|while|for(?=\s+(?:\d|a\s+period|appliances|class|products|rated|an?\b|the\s+\w+\s+(?:of|with)))"
    r"|once(?=\s+(?:the|an?)\s)|(?:which|that)\s+(?:may|might|can|could)(?=\s+(?:exceed|reach|be\s+(?:more|less|greater|higher|lower)\b))"
    r"|(?:passing\s+)?through(?=\s*[±+\-−]?\s*\d)|forming\s+an?\s+angle\s+of|beyond(?=\s+\d)|in\s+(?:[\w-]+\s+){1,2}?(?:down\s+to|up\s+to|beyond|below|above|exceeding|of\s+(?:up\s+to|less|more))(?=\s)"
    r"|measured\s+at|(?:does|do)\s+not\s+apply\s+to|applies\s+only\s+to|not\s+applicable\s+to|gilt\s+nicht\s+für|ne\s+s'applique\s+pas\s+à"
    r"|with(?=\s+(?:\d|an?\b))|bei|für|während|wenn|falls|nach(?=\s+\d+\s*(?:s|min|h|Stunden|Minuten))|mit\s+einer"
    r"|à(?=\s+(?:une?|la|\d))|pendant|lorsque|lorsqu'|pour(?=\s+(?:les|des|une?|\d))|sous|après|avec\s+une?)\b(?:[^,;.]|(?<=\d)[.,](?=\d)){1,90}?" + _STOP +
    r"|(?<![\w.,])\d[\d.,]*\s*(?:s|min|h|Sekunden|Minuten|Stunden|Tage)\s+lang\b", _I)  # "10 Minuten lang": a duration
# "for 1 min" / "pendant 1 min" / "für 1 min" durations directly after a quantity
DURATION = re.compile(r"^\s*(?:for|during|pendant|für|während|durant)\s+(?:a\s+period\s+of\s+)?\d[\d.,]*\s*(?:s|min|h|seconds?|minutes?|hours?|Minuten|Sekunden|Stunden|heures?)\b", _I)

METHOD = re.compile(
    r"(?:according\s+to|as\s+specified\s+in|as\s+described\s+in|in\s+accordance\s+with|as\s+in|tested\s+(?:as\s+in|according\s+to)|measured\s+(?:as\s+in|according\s+to)|see"
    r"|nach|gemäß|entsprechend|siehe|selon|conformément\s+à|suivant|voir)\s+"
    r"(?:(?:(?:sub)?clause\s+|Abschnitt\s+|l'article\s+|article\s+)?[A-Z]?\d+(?:\.\d+)+|(?:Annex|Anhang|l'annexe|annexe)\s+[A-Z](?:\.\d+)*\b"
    r"|(?:ISO|IEC|EN|DIN|GB/T|GB|NF|ASTM|UL|JIS)(?:\s*/?\s*(?:IEC|EN|ISO))?\s*\d[\d.\-]*(?::\d{4})?)", _I)

PARAM_TRIM_HEAD = re.compile(r"^(?:\(?[a-z0-9]\)|the|a|an|der|die|das|den|dem|des|le|la|les|l'|un|une|its|their|each|but|mais|aber|jedoch|then|dann|puis|have|has|haben|hat|ont)(?:\s+|$)", _I)
PRONOUN = re.compile(r"(?i)^(?:it|they|this|these|es|er|sie|dies|il|elle|ils|elles|ce|cela)$")
PARAM_TRIM_TAIL = re.compile(
    r"\s*(?:\b(?:shall|must|should|is|are|be|to|of|the|not|value|ne|doit|pas|muss|darf|soll|ist|sind|beträgt|est|sont|et|and|have|has|haben|hat|avoir|a|ont|withstand|measured|mesurée?s?|gemessen|determined|déterminée?s?|values?)\b|[,:=])\s*$", _I)
MODAL_SPLIT = re.compile(r"\b(?:shall|must|should|darf|muss|müssen|dürfen|soll|doit|doivent|ne)\b", _I)
# Cues that make a limit even inside a condition-looking span ("with a maximum of 10 mA").
STRONG_CUE = re.compile(r"(?i)max|min|accura|between|\bwithin\b|entre|zwischen|comprise|at\s+least|at\s+most|not\s+exceed|shall|höchstens|mindestens|wenigstens|frühestens|spätestens|au\s+(?:plus|moins|maximum|minimum)|ne\s+doit")
ADJ_LIMIT = [(re.compile(r"(?i)^(?:the\s+)?(?:max(?:imum|\.)?|höchste|maximale?r?|maximal)\b"), "<="),
             (re.compile(r"(?i)^(?:the\s+)?(?:min(?:imum|\.)?|mindeste|minimale?r?|minimal)\b"), ">=")]
COND_HEAD = re.compile(r"^(?:at|under|during|after|when|if|for|bei|für|wenn|à|pour|lorsque|sous|measured)\b", _I)
