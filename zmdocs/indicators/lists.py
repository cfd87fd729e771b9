"""List items that take their comparator and parameter from a lead-in sentence.

    机动车方向盘的最大自由转动量应小于等于：            The deviation shall not exceed:
    a）最大设计车速大于等于100km/h的机动车：15°；        (a) for class A: 5 mm;
    b）三轮汽车：35°。                                  (b) 10 mm for others.

Each item is restated as one self-contained sentence ("对于<item label>，<parameter><cue><value>",
"for <label>, <parameter> <cue> <value>") before extraction, so the ordinary prose rules read the bound,
the parameter and the condition. Items that carry a comparator of their own are left alone. An en/de/fr lead-in that ends
with "of:" ("… for any change in ambient temperature of:") states a value per item: each bare item is restated
as continuing it ("of 5 °C for load cells of class B").
"""

from __future__ import annotations

import re

_ZH_CUE = (r"(?:应|均应|须|必须)?\s*(?:小于或等于|小于等于|不大于|不超过|不高于|不应大于|不应超过|不得大于|不得超过|"
           r"大于或等于|大于等于|不小于|不低于|不少于|不应小于|不应低于|不得小于|不得低于|为|是)")
_EN_CUE = (r"(?:shall|must|should)\s+(?:not\s+(?:exceed|be\s+(?:more|less|greater|lower)\s+than)|be\s+(?:at\s+least|at\s+most|"
           r"not\s+(?:more|less)\s+than|(?:less|greater|more)\s+than(?:\s+or\s+equal\s+to)?|within|equal\s+to))"
           r"|(?:darf|dürfen)\s+(?:nicht\s+)?(?:überschreiten|höchstens|mindestens)|ne\s+doit\s+pas\s+dépasser"
           r"|(?:no|not)\s[^:;]{0,160}?\bby\s+more\s+than")  # "no portion … shall be lower than … by more than:"
# "…应小于等于下列数值：", "… shall not exceed the following values:": the list the cue applies to, named
_ZH_FOLLOWING = r"(?:下列|以下|如下)(?:数值|值|规定值|要求)?"
_EN_FOLLOWING = r"(?:the\s+following(?:\s+(?:values|limits|figures|amounts))?|those\s+(?:given|listed)\s+below)"
_LEAD_ZH = re.compile(rf"^(?P<param>[^：:。；;]{{2,60}}?)(?P<cue>{_ZH_CUE})\s*(?:{_ZH_FOLLOWING})?\s*[：:]\s*$")
_LEAD_EN = re.compile(rf"(?i)^(?P<param>[^:;]{{3,160}}?)\s+(?P<cue>{_EN_CUE})(?:\s+{_EN_FOLLOWING})?\s*:\s*$")
_MARK = re.compile(r"^\s*(?P<mark>(?:[a-z]|\d{1,2})\s*[)）]|[(（]\s*(?:[a-z]|\d{1,2}|[ivx]{1,4})\s*[)）]|[—–\-•·])\s*")
_ITEM_LABEL = re.compile(r"^(?P<label>[^：:]{1,60}?)\s*[：:]\s*(?P<value>[-+±]?\d.*)$")
_OWN_CUE = re.compile(r"[<>≤≥]|不大于|不小于|大于|小于|不超过|不低于|以上|以下|以内|\b(?:not|less|more|greater|at\s+least|exceed|maximum|minimum)\b", re.I)


def restate_lists(text: str, lang: str) -> str:
    """`text` with the list items under a comparator lead-in restated as full sentences (line structure kept)."""
    if "\n" not in text or not re.search(r"[：:]\s*\n", text):
        return text
    lines = text.split("\n")
    out: list[str] = []
    lead: re.Match | None = None
    for ln in lines:
        stripped = ln.strip()
        m = _MARK.match(stripped) or (_BARE_ITEM.match(stripped) if lead is not None and lang != "zh" else None)
        if lead is not None and m:
            out.append(_restate(stripped, m, lead, lang))
            continue
        lead = (_LEAD_ZH if lang == "zh" else _LEAD_EN).match(_last_sentence(stripped))
        lead = lead or (_LEAD_OF.search(stripped) if lang != "zh" else None)
        out.append(ln)
    return "\n".join(out)


_LEAD_OF = re.compile(r"(?i)(?P<param>)\b(?P<cue>of)\s*:\s*$")  # "… change in ambient temperature of:"
# an unmarked item line under an en/de/fr lead-in: a value first, ending the item ("15 °C for load cells of class B;")
_BARE_ITEM = re.compile(r"^(?P<mark>)(?=[-+±]?\d[^:]{0,120}(?:[;,.]|\b(?:and|or|und|oder|et|ou))\s*$)")


def _last_sentence(line: str) -> str:
    """The last sentence of a line: a lead-in often follows another sentence on the same line."""
    parts = re.split(r"(?<=[\w)][.;])\s+(?=[A-Z])", line)
    return parts[-1] if parts else line


def restate_under(parent_text: str, text: str, lang: str) -> str:
    """`text` of a clause that continues its parent's lead-in ("… by more than:" / "152 mm for …;"), restated as a
    full sentence when it opens with a bare value and the parent's text ends with a comparator lead-in."""
    if lang == "zh" or not re.match(r"\s*[-+±]?\d", text or "") or not re.search(r"[：:]\s*$", parent_text or ""):
        return text
    lead = " ".join(parent_text.split())
    lead = re.split(r"(?<=\w)[:;]\s+", lead[:-1])[-1] + ":"  # the lead-in after the parent's own label ("In height:")
    out = restate_lists(lead + "\n" + text.lstrip(), lang)
    return out.split("\n", 1)[1] if out.split("\n", 1)[1:] and out != lead + "\n" + text.lstrip() else text


def _restate(item: str, m: re.Match, lead: re.Match, lang: str) -> str:
    mark, body = m.group("mark"), item[m.end():]
    param, cue = lead.group("param").strip(), lead.group("cue").strip()
    if cue == "of":  # each item continues the lead-in's "of"
        return f"{mark} of {body}".strip() if re.match(r"[-+±]?\d", body) and not _OWN_CUE.search(body[:16]) else item
    if re.match(r"(?i)(?:no|not)\s", cue):  # "no portion … lower than … by more than: 152 mm" bounds the excess
        cue = re.sub(r"(?i)\bby\s+more\s+than$", "by not more than", cue)
    lab = _ITEM_LABEL.match(body)
    if lab and not _OWN_CUE.search(lab.group("value")[:12]):
        label, value = lab.group("label").strip(), lab.group("value")
        label = re.sub(r"(?i)^(?:for|für|pour)\s+", "", label) if lang != "zh" else label  # "(a) for class A: 5 mm"
        if lang == "zh":
            return f"{mark}对于{label}，{param}{cue}{value}"
        return f"{mark} for {label}, {param} {cue} {value}"
    if re.match(r"[-+±]?\d", body) and not _OWN_CUE.search(body[:16]):
        return f"{mark}{param}{cue}{body}" if lang == "zh" else f"{mark} {param} {cue} {body}"
    return item
