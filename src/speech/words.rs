//! Word lists for reading clauses of government speeches, and the helpers
//! that match them.

/// Adverbs that open an action clause ("持续深入打好…", "全域推进…").
const ADVERBS: &[&str] = &[
    "进一步",
    "持续",
    "深入",
    "全面",
    "积极",
    "加快",
    "突出",
    "迅速",
    "坚决",
    "不断",
    "认真",
    "切实",
    "着力",
    "扎实",
    "大力",
    "全域",
    "统筹",
    "稳步",
    "有序",
    "严格",
    "努力",
    "主动",
    "继续",
    "全力",
    "协同",
    "依法",
    "精准",
    "加速",
    "抓紧",
    "及时",
    "广泛",
    "高效",
    "真正",
    "有效",
    "逐步",
    "严厉",
];

/// Verbs that only say the work is done ("推进", "抓好", "建立" …): the
/// object names the work, so task labels strip them ("全面加强汭河流域水环境
/// 综合治理" → "汭河流域水环境综合治理").
const STRIPPED_VERBS: &[&str] = &[
    "打好", "抓好", "抓实", "落细", "落实", "加强", "推进", "推广", "开展", "启动", "完善", "强化",
    "健全", "推动", "抢抓", "打造", "坚持", "做好", "做实", "建立", "建设", "实施", "构建", "深化",
    "守好", "筑牢", "创建", "组织", "紧盯", "部署", "谋划", "办好", "严守", "夯实", "营造", "树立",
    "倡导", "探索", "推行", "完成", "建成", "开工", "严把", "加紧", "聚力", "攻坚", "落地", "制定",
    "出台", "印发", "召开", "举办", "实行", "执行", "抓住",
];

/// Verbs that say what becomes of the object ("改造提升传统产业", "扶持发展
/// 新兴产业"): without them the label would name a thing, not a task, so
/// task labels keep them.
const CHANGING_VERBS: &[&str] = &[
    "做大", "做强", "做优", "扶持", "发展", "改造", "提升", "培育", "提高", "优化", "引导", "开发",
    "保护", "规范", "加大", "巩固", "拓展", "促进", "保障", "补齐", "激发", "创新", "鼓励", "支持",
    "督促", "指导", "委托", "聘请", "修订", "明确", "配齐", "配备", "备足", "加密", "开通", "整合",
    "新建", "改建", "扩建", "申报", "争取", "稳定", "扩大", "增加", "保持", "用足", "盘活", "压实",
    "压紧", "用好", "管好", "畅通", "邀请", "延长", "壮大", "改善", "增强",
];

/// Verbs and modals that negate or limit their object ("防止“一刀切”",
/// "遏制…盲目建设"): without them a label says the opposite of the speech,
/// so labels always keep them.
const LIMITING_VERBS: &[&str] = &[
    "防止", "避免", "杜绝", "严禁", "禁止", "不得", "不能", "不准", "不搞", "决不", "绝不", "反对",
    "遏制", "严控", "减少", "降低", "压减", "压降", "削减", "控制", "限制", "严防", "防范", "化解",
    "打击", "查处", "取缔", "关停", "淘汰", "清理", "排查", "整治", "整改", "治理", "纠正", "消除",
    "根治", "制止", "严惩", "严查",
];

/// All verbs that open an action clause.
const ALL_VERBS: [&[&str]; 3] = [STRIPPED_VERBS, CHANGING_VERBS, LIMITING_VERBS];

/// Quantifiers between a verb and its object ("启动各类督察…").
const QUANTIFIERS: &[&str] = &["各类", "各项", "各种", "一批"];

/// Clause openers that set a frame for the next clause.
const LEAD_OPENERS: &[&str] = &[
    "对标",
    "对照",
    "围绕",
    "着眼",
    "立足",
    "聚焦",
    "按照",
    "依托",
    "结合",
    "针对",
    "紧扣",
    "通过",
    "根据",
    "借助",
    "基于",
    "面向",
    "瞄准",
    "紧紧围绕",
    "坚持以",
];

/// Connective clauses that attach to the next clause.
const CONNECTIVES: &[&str] = &[
    "同时",
    "此外",
    "另外",
    "其中",
    "与此同时",
    "一方面",
    "另一方面",
    "为此",
    "对此",
    "特别是",
    "尤其是",
    "在此基础上",
];

/// Clause endings of a frame ("抢抓…战略机遇").
const LEAD_ENDINGS: &[&str] = &["机遇", "契机"];

/// Openers of a result clause, wherever it stands ("确保…", "实现…").
const RESULT_OPENERS: &[&str] = &[
    "确保", "实现", "做到", "力争", "促使", "助力", "以期", "达到", "从而", "进而", "让",
];

/// Openers of a result clause when it closes a sentence ("…，推动…。").
const FINAL_RESULT_OPENERS: &[&str] = &[
    "推动", "促进", "守护", "形成", "筑牢", "守好", "营造", "提升", "提高", "增强", "带动", "助推",
    "构筑", "防止", "杜绝",
];

/// Generic objects: "紧盯问题持续攻坚" is a manner, not a new task.
const GENERIC_OBJECTS: &[&str] = &["问题", "目标", "任务", "短板", "弱项", "底线", "红线"];

/// Words starting with 要 that are not the modal "要" of a directive.
const NOT_MODAL_YAO: &[&str] = &[
    "要求", "要素", "要点", "要害", "要务", "要闻", "要件", "要是", "要么", "要地", "要津",
];

/// Subjects that may open a clause about the work ahead ("我们将…").
const SUBJECTS: &[&str] = &[
    "我们",
    "我市",
    "我县",
    "我区",
    "我镇",
    "我乡",
    "我局",
    "我委",
    "我办",
    "我厅",
    "我单位",
    "我部门",
    "全市",
    "全县",
    "全区",
    "全镇",
    "全乡",
    "咱们",
    "本人",
    "自己",
];

/// Modals between a subject and its action ("将", "要" …).
const MODALS: &[&str] = &[
    "将",
    "要",
    "会",
    "还将",
    "也将",
    "还要",
    "也要",
    "将会",
    "必将",
    "必须",
    "一定要",
];

/// Places that may stand before an action ("在全市开展…").
const PLACES: &[&str] = &[
    "在全市",
    "在全县",
    "在全区",
    "在全省",
    "在全镇",
    "在全乡",
    "在全局",
    "在全系统",
    "在全行业",
];

/// Minimum number of chars kept when stripping words from a clause.
const MIN_REST: usize = 2;

/// Strips any leading words of `lists` (longest first) while at least
/// [`MIN_REST`] chars remain.
fn strip_words<'a>(mut text: &'a str, lists: &[&[&str]]) -> &'a str {
    while let Some(rest) = lists
        .iter()
        .flat_map(|list| list.iter())
        .filter_map(|word| text.strip_prefix(word))
        .filter(|rest| rest.chars().count() >= MIN_REST)
        .min_by_key(|rest| rest.len())
    {
        text = rest;
    }
    text
}

/// Whether `text` starts with a word of `list`.
fn starts_with_any(text: &str, list: &[&str]) -> bool {
    list.iter().any(|word| text.starts_with(word))
}

/// The clause without its leading adverbs ("坚决守护好…" → "守护好…").
pub(crate) fn without_adverbs(clause: &str) -> &str {
    strip_words(clause, &[ADVERBS])
}

/// The object of an action clause: adverbs, the verbs that only say the
/// work is done, and quantifiers stripped ("持续深入打好蓝天…" → "蓝天…").
/// A verb that changes or limits its object stops the stripping and stays
/// ("坚决遏制高耗能…" → "遏制高耗能…").
pub(crate) fn object_of(clause: &str) -> &str {
    let rest = strip_words(without_adverbs(clause), &[STRIPPED_VERBS]);
    strip_words(rest, &[QUANTIFIERS])
}

/// Whether `text` opens with a verb that task labels keep: one that
/// changes or limits its object ("改造…", "防止…").
pub(crate) fn starts_with_kept_verb(text: &str) -> bool {
    starts_with_any(text, CHANGING_VERBS) || starts_with_any(text, LIMITING_VERBS)
}

/// Whether a clause opens, after any modal 要 and adverbs, with a verb
/// that negates or limits what follows ("要坚决防止…", "严禁…").
pub(crate) fn opens_with_limit(clause: &str) -> bool {
    let core = without_adverbs(without_modal_yao(clause.trim()));
    starts_with_any(core, LIMITING_VERBS)
}

/// Whether a clause opens with an action (an adverb or a verb).
pub(crate) fn is_action(clause: &str) -> bool {
    starts_with_any(clause, ADVERBS) || ALL_VERBS.iter().any(|list| starts_with_any(clause, list))
}

/// The clause from its action on, when a subject, a modal or a place
/// stands before it ("我们将继续实施…" → "继续实施…", "在全市开展…" →
/// "开展…"); else the clause itself.
pub(crate) fn predicate_of(clause: &str) -> &str {
    let after_subject = strip_one(clause, SUBJECTS);
    let after_modal = strip_one(after_subject, MODALS);
    let after_place = strip_place(after_modal);
    if after_place.len() < clause.len() && is_action(after_place) {
        after_place
    } else {
        clause
    }
}

/// Whether `text` opens with a subject such as "我们" or "我县".
pub(crate) fn starts_with_subject(text: &str) -> bool {
    starts_with_any(text, SUBJECTS)
}

/// `text` without its first word when it is one of `list` (longest
/// match).
fn strip_one<'a>(text: &'a str, list: &[&str]) -> &'a str {
    list.iter()
        .filter_map(|word| text.strip_prefix(word))
        .min_by_key(|rest| rest.len())
        .unwrap_or(text)
}

/// `text` without a leading place ("在全市", "在全县范围内" …).
fn strip_place(text: &str) -> &str {
    let rest = strip_one(text, PLACES);
    if rest.len() == text.len() {
        return text;
    }
    rest.strip_prefix("范围内").unwrap_or(rest)
}

/// Whether a clause frames the next one ("以…为统揽", "对标…", "同时").
pub(crate) fn is_lead(clause: &str) -> bool {
    CONNECTIVES.contains(&clause)
        || starts_with_any(clause, LEAD_OPENERS)
        || LEAD_ENDINGS.iter().any(|ending| clause.ends_with(ending))
        || is_yi_wei_frame(clause)
        || is_zai_frame(clause)
}

/// "以创建国家生态文明示范市为统揽": 以 … 为 + a short noun.
fn is_yi_wei_frame(clause: &str) -> bool {
    let Some(rest) = clause.strip_prefix('以') else {
        return false;
    };
    rest.rfind('为')
        .and_then(|i| rest.get(i..))
        .is_some_and(|tail| (2..=4).contains(&tail.chars().count()))
}

/// "在增量上" / "在基层中": a short 在 … 上 frame.
fn is_zai_frame(clause: &str) -> bool {
    clause.starts_with('在')
        && clause.chars().count() <= 12
        && ["上", "中", "方面"].iter().any(|end| clause.ends_with(end))
}

/// Whether a clause states a result or manner of the previous task
/// rather than a new task. `closes_sentence` is true for the last clause
/// of a sentence that has other clauses before it.
pub(crate) fn is_result(clause: &str, closes_sentence: bool) -> bool {
    let core = without_adverbs(clause);
    starts_with_any(core, RESULT_OPENERS)
        || (closes_sentence && starts_with_any(core, FINAL_RESULT_OPENERS))
        || is_generic_manner(clause)
}

/// "紧盯问题持续攻坚": a verb on a generic object, then an adverb.
fn is_generic_manner(clause: &str) -> bool {
    let object = strip_words(without_adverbs(clause), &ALL_VERBS);
    if object == clause {
        return false;
    }
    GENERIC_OBJECTS.iter().any(|generic| {
        object
            .strip_prefix(generic)
            .is_some_and(|after| after.is_empty() || starts_with_any(after, ADVERBS))
    })
}

/// Whether a sentence starts with the modal "要" of a directive
/// ("要以…为…", "要把…") and not with a word such as "要求".
pub(crate) fn starts_directive(sentence: &str) -> bool {
    sentence.starts_with('要') && !starts_with_any(sentence, NOT_MODAL_YAO)
}

/// `text` without a leading modal "要".
pub(crate) fn without_modal_yao(text: &str) -> &str {
    if starts_directive(text) {
        text.strip_prefix('要').unwrap_or(text)
    } else {
        text
    }
}

/// Fillers trimmed from the end of a task object ("…工作", "…等").
pub(crate) fn without_trailing_fillers(mut text: &str) -> &str {
    while let Some(rest) = ["工作", "等"]
        .iter()
        .find_map(|filler| text.strip_suffix(filler))
        .filter(|rest| rest.chars().count() >= MIN_REST)
    {
        text = rest;
    }
    text
}
