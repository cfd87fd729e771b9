"""Chinese comparator, condition, method and equality cues (GB/T 1.1 drafting language).

Inclusive upper: 不大于/不超过/不高于/≤/以下/以内/最大/最多; exclusive upper: 小于/低于/<;
inclusive lower: 不小于/不低于/≥/以上/至少/最小; exclusive lower: 大于/高于/超过/>.
"以上/以下" include the number (Chinese legal and standards usage).
"""

from __future__ import annotations

import re

from zmdocs.indicators.bands import band_spans

_MODAL = r"(?:应|应该|须|必须|均应|均|都应|都|需|宜)?\s*"
# a superlative is a cue only before its value or a copula (最大为额定值的), never as the modifier of a noun
# (最大允许牵引质量的4%: a share of a named maximum, its bound comes from the cue before it)
_SUP = r"\s*(?:(?:为|是|:)\s*(?:[^，,；;。:\d<>≤≥]{1,6}的)?)?\s*\+?$"
_TAIL = r"\s*(?:为|是|:)?\s*(?:[^，,；;。:\d<>≤≥]{1,6}的|[A-Za-z][A-Za-z0-9_]{0,14}\s*的)?\s*\+?$"  # 额定值的 / V_smaxset的

# Cues in the text right before a number; tried in order, first match wins.
LEFT: list[tuple[re.Pattern, str]] = [
    # "不应比声明值大0.3 m/s²以上" (the excess is at most 0.3), "避免产生大于1 m/s²的…" (to be avoided: at most)
    (re.compile(r"不(?:应|得|能)?比[^，,。；;\d]{1,40}?(?:大|高|多|长|快)\s*$|避免[^，,。；;\d]{0,30}?(?:大于|超过|高于)\s*$"), "<="),
    (re.compile(_MODAL + r"(?:不大于|不超过|不高于|不多于|不应大于|不应超过|不应高于|不得大于|不得超过|不得高于|不能超过|不宜超过|不宜大于|不允许超过|不晚于|不迟于|小于或等于|小于等于|低于或等于|优于或等于|等于或优于|允许重复|最大(?:值|允许值)?(?=" + _SUP + r")|最多|最迟|最高(?:值)?(?=" + _SUP + r")|至多|≤|<=|≦)" + _TAIL), "<="),
    (re.compile(_MODAL + r"(?:不小于|不低于|不少于|不应小于|不应低于|不应少于|不得小于|不得低于|不得少于|不能低于|不宜低于|不早于|不宜小于|大于或等于|大于等于|高于或等于|最小(?:值|允许值)?(?=" + _SUP + r")|最少|最低(?:值)?(?=" + _SUP + r")|至少(?:需要|需|要|应有|有|支持|具备|具有|提供|包括|包含)?|达到|应达到|≥|>=|≧)" + _TAIL), ">="),
    # "应至少各设置2面", "至少应经过2次", "至少能从2个": 至少 bounds the count a few words on (`zh_counts`)
    (re.compile(r"至少[各应能还]*[\u4e00-\u9fff]{0,2}?(?:设置|设有|配置|配备|装备|安装|固定|经过|有|从|在|持续|保持)\s*$"), ">="),
    # "能内接一个500mm、700mm的矩形" (`zh_sizes`): the opening must hold the rectangle, each side is a minimum
    (re.compile(r"(?:能|可|应能)(?:内接|容纳)(?:一个|1个)?\s*$"), ">="),
    (re.compile(_MODAL + r"(?:小于|低于|少于|<)" + _TAIL), "<"),
    (re.compile(_MODAL + r"(?:大于|高于|超过|多于|>)" + _TAIL), ">"),
    (re.compile(r"(?:在|为|应在|应为|宜在)\s*$"), "range?"),  # only meaningful before a range
]

# Cues right after a quantity (or after 范围 words).
RIGHT: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^\s*(?:及|或)?(?:以下|以内|之内|及以下|或以下|或更低|或更小|内(?!部|侧|壁|置|容|胆))"), "<="),
    (re.compile(r"^\s*(?:及|或)?(?:以上|及以上|或以上|或更高|或更大|或更好)"), ">="),
    (re.compile(r"^\s*(?:之间|范围内|的范围内|范围)"), "range?"),
    # "在距其100m处应能观察到", "距地面2.5m的位置应有限位装置": the distance at which a function must work is stated
    (re.compile(r"^\s*(?:处(?!的|理)|的位置)[^；;。]{0,40}?(?:应|就能|能)"), "="),
]

# An explicit statement of a value: 为/是/应为/: or a test level being applied.
EQ_CUE = re.compile(r"(?:应为|为|是|应是|:|=|施加|通以|通入|加上|采用|承受|经受|耐受|设定为|调至|调节至|分成|分为|旋转|转动|采集|抽取|选取|每(?:组|个|份|批)|观察|静置|设置|设有|配置|配备|装备|\d\s*(?:块|个|面|张)|一\s*(?:块|张))\s*(?:约|额定)?\s*$")

# Spans that state a condition rather than a requirement.
CONDITION = re.compile(
    r"当[^，,；;。]{1,40}?时|当[^，,；;。时]{1,40}(?=[，,])"
    r"|任意\s*\d[\d.]*\s*(?:s|ms|min|h|秒|分钟|小时)\s*内"
    r"|(?<![\u4e00-\u9fff])(?:若|如果|假如)[^；;。]{1,60}?(?=[，,]\s*(?:则|那么))"
    r"|(?:在|(?<![大小等高低多少])于)[^，,；;。在]{1,40}?(?:(?<!以)下|(?<!小)时|中(?![部间心])|后(?!\s*\d)|之前|前(?!\s*\d)|条件下|情况下|状态下)"  # "在距车前2m…时": 前 of a place
    r"|[^，,；;。当在]{1,30}?(?<!小)时(?=[，,的。；;]|$)"
    r"|[^，,；;。:]{1,40}?条件下"
    r"|(?:使用|用)\s*[^，,；;。应]{1,20}?(?:测量|测试|检测|测定)时"  # "使用1000V兆欧表测量时": the instrument's setting
    r"|(?:不)?适用于[^，,；;。]{1,40}"
    r"|[^，,；;。]{1,30}?的(?:器具|产品|设备|电器|灯具|部件|型号|机型|样品|规格|水壶)(?=[，,])"
    r"|[^，,；;。应]{1,40}?\d[^，,；;。应]{0,14}?的\s*[A-Za-z0-9₁₂₃]{0,3}\s*[\u4e00-\u9fff]{0,8}?(?:车辆|汽车|机动车|摩托车|挂车|机型)(?![\u4e00-\u9fff])"
    r"|(?<![\u4e00-\u9fff])(?:对于|对|若|如果|如)[^，,；;。应须]{1,30}?(?:的[^，,；;。应须]{0,10}?)?(?=[，,])"  # not "对…的汽车应≤0.35s，"
    r"|(?:持续|历时|保持|经过|持续时间|时间为|试验时间)\s*(?:为|:)?\s*\d[^，,；;。]{0,10}?(?:s|min|h|秒|分钟|小时|天)"
    r"|(?:通电|工作|运行|加热|试验|放置)?\s*\d[\d.]*\s*(?:s|min|h|秒|分钟|小时|次|天|d)\s*(?:后|以后)"
)

# Test-method references (kept as `method`).
METHOD = re.compile(
    r"(?:按|按照|依据|根据|参照|采用|试验方法见|检验方法见|见)\s*(?:附录\s*[A-Z](?:\.\d+)*|第?\s*\d+(?:\.\d+)+\s*(?:条)?|"
    r"(?:GB|GB/T|GB/Z|QB/T|JB/T|SJ/T|T/ZZB|IEC|ISO|EN|DIN|HG/T|NY/T|CJ/T)\s*[\d.\-—–]+(?:\s*[—–-]\s*\d{4})?(?:\s*中\s*\d+(?:\.\d+)*)?)"
    r"(?:\s*(?:的?规定|的?方法|进行|试验|检验|测试|测量|测定))*"
)

# Phrases that end a parameter span (verbs, modal words) and words trimmed off its ends.
PARAM_END = re.compile(r"(?:应|均应|须|必须|不得|不应|应该|宜|都应|需)$")
PARAM_TRIM_HEAD = re.compile(r"^(?:\(\d+\)|\d+\)|[a-z]\)|[①-⑩]|其中|其(?![他它余])|共|总共|再|且|并且|但(?:是)?|并(?![联列网行排])|产品的?|器具的?|整机的?|水壶的?|该)\s*")
PARAM_TRIM_TAIL = re.compile(r"(?:可(?:减|降|增|放宽)(?:小|少|加)?至?|每|按|应|均应|须|必须|均|都|分别|应该|宜|值|的|为|是|:|应当|需|测得的?|不应|不得|应不|最大|最小|在|要求)+$")
# A segment that is only a condition head (no parameter of its own).
COND_HEAD = re.compile(r"^(?:当|在|若|如果|如|对于|对)")
STRONG_CUE = re.compile(r"最大|最小|至少|最多|不得|不应")
ADJ_LIMIT: list = []
RIGHT_FAR: list = []
PRONOUN = re.compile(r"^(?:其|它|该值|此值)$")

# more condition spans, found by functions (zmdocs.indicators.prose._cond_spans)
EXTRA_SPANS = (band_spans,)
