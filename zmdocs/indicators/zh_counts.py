"""Chinese counts of fitted parts (GB drafting): "应至少设置一面", "至少有两条", "应设置两个或三个", "应设有4个".

A count in words after a bound or a fitting verb is written in digits (一 too: after 至少/设置 it is a count, not
"a"), and "两个或三个" is one range "2~3个"; the cues themselves live in `patterns_zh` (至少…, 设置/设有 as "=").
"""

from __future__ import annotations

import re

from zmdocs.text.numbers import cn_value

# classifiers of fitted parts; 面 (mirrors) and 块 (plates) only here, where a count verb or bound precedes them
CLASSIFIERS = "个|面|块|条|次|套|扇|只"
_CN = "一两二三四五六七八九十"
# a bound (至少 and up to four characters: 至少各设置, 至少应经过, 至少能从) or a fitting verb (应设置, 还应设有, 配置)
_LEAD = (r"(?:至少[\u4e00-\u9fff]{0,4}?|(?:设置|设有|配置|配备|装备|安装|固定))\s*")
_COUNT = re.compile(rf"(?P<lead>{_LEAD})(?P<n>[{_CN}]{{1,3}})(?=\s*(?:{CLASSIFIERS})(?!积|板|的|侧|前|后|上|下))")
# "2个或3个" (after the numerals above): one range of counts
_SECOND = re.compile(rf"(?<=\d)(\s*(?:{CLASSIFIERS})\s*或\s*)([{_CN}]{{1,3}})(?=\s*(?:{CLASSIFIERS}))")  # 两个或三个: after 或
_EITHER = re.compile(rf"(?<![\d.])(\d+)\s*({CLASSIFIERS})\s*或\s*(\d+)\s*\2")


def count_numerals(text: str) -> str:
    """Counts in words after 至少 or a fitting verb as digits, and "N个或M个" as the range "N~M个"."""
    if "至少" not in text and not re.search(r"设置|设有|配置|配备|装备|安装|固定", text):
        return text

    def repl(m: re.Match) -> str:
        v = cn_value(m.group("n"))
        return m.group("lead") + (str(int(v)) if v is not None and v == int(v) else m.group("n"))

    text = _COUNT.sub(repl, text)
    text = _SECOND.sub(lambda m: m.group(1) + str(int(cn_value(m.group(2)) or 0)), text)
    return _EITHER.sub(r"\1~\3\2", text)
