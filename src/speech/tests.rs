//! Unit tests of the speech parser, on the shipped speech and on test
//! speeches under tests/data/speeches.

use super::*;

const SHIPPED: &str = include_str!("../../data/speech.txt");
const HEADINGS: &str = include_str!("../../tests/data/speeches/headings.txt");
const DIYI_YIYAO: &str = include_str!("../../tests/data/speeches/diyi_yiyao.txt");
const PLAIN: &str = include_str!("../../tests/data/speeches/plain.txt");
const TRICKY: &str = include_str!("../../tests/data/speeches/tricky.txt");
const NEGATIONS: &str = include_str!("../../tests/data/speeches/negations.txt");
const JIAOLIU: &str = include_str!("../../tests/data/speeches/jiaoliu.txt");
const ALL_SPEECHES: [&str; 7] = [
    SHIPPED, HEADINGS, DIYI_YIYAO, PLAIN, TRICKY, NEGATIONS, JIAOLIU,
];

/// The node with `id`; fails the test when it is missing.
fn node<'a>(outline: &'a Outline, id: &str) -> &'a Node {
    outline.find(id).unwrap_or_else(|| panic!("no node {id}"))
}

/// Labels of the children of the node with `id`.
fn child_labels<'a>(outline: &'a Outline, id: &str) -> Vec<&'a str> {
    node(outline, id)
        .children
        .iter()
        .map(|child| child.label.as_str())
        .collect()
}

/// Ids of a list of nodes.
fn ids(nodes: &[&Node]) -> Vec<String> {
    nodes.iter().map(|n| n.id.clone()).collect()
}

/// The words of a text: its letters and digits (CJK included), in order.
fn words(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Everything the outline holds, in reading order.
fn reassembled(outline: &Outline) -> String {
    let mut all = outline.title.clone();
    all.extend(outline.salutation.iter().cloned());
    all.extend(outline.introduction.iter().cloned());
    for node in outline.nodes() {
        all.push_str(&node.marker);
        all.push_str(&node.text);
    }
    all.extend(outline.closing.iter().cloned());
    all
}

/// Checks that no word of `text` is lost or reordered.
fn assert_nothing_lost(text: &str) {
    let outline = parse(text);
    assert_eq!(
        words(&reassembled(&outline)),
        words(text),
        "input: {text:?}"
    );
}

/// Checks that ids are the dotted child paths and unique.
fn assert_ids_well_formed(outline: &Outline) {
    for (i, series) in outline.parts.iter().enumerate() {
        assert_eq!(series.id, (i + 1).to_string());
        assert_eq!(series.kind, NodeKind::Series);
    }
    for parent in outline.nodes() {
        for (i, child) in parent.children.iter().enumerate() {
            assert_eq!(child.id, format!("{}.{}", parent.id, i + 1));
            assert_eq!(outline.parent(&child.id).map(|p| &p.id), Some(&parent.id));
        }
    }
    let mut all: Vec<&str> = outline.nodes().map(|n| n.id.as_str()).collect();
    let count = all.len();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), count, "duplicate ids");
}

/// Whether `wanted` occurs in `labels` as a subsequence, each matched by
/// `matches`.
fn contains_in_order(labels: &[&str], wanted: &[&str], matches: fn(&str, &str) -> bool) -> bool {
    let mut rest = labels.iter();
    wanted
        .iter()
        .all(|w| rest.by_ref().any(|label| matches(label, w)))
}

// ---- the shipped speech (acceptance) ----

#[test]
fn shipped_frame() {
    let outline = parse(SHIPPED);
    assert_eq!(
        outline.title,
        "在理论学习中心组生态文明建设专题研讨交流发言材料"
    );
    assert_eq!(outline.salutation.as_deref(), Some("同志们："));
    assert_eq!(outline.introduction.len(), 2);
    assert!(outline.introduction[0].starts_with("结合近期"));
    assert!(outline.introduction[1].starts_with("党的二十大报告指出"));
    assert_eq!(outline.closing.as_deref(), Some("发言完毕，谢谢大家！"));
    assert_eq!(outline.structure, Structure::Enumerated);
    assert_ids_well_formed(&outline);
}

#[test]
fn shipped_series() {
    let outline = parse(SHIPPED);
    let labels: Vec<&str> = outline.parts.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["第一部分", "第二部分"]);
    assert_eq!(outline.parts[0].heading, "");
    let lead_in = &outline.parts[1];
    assert_eq!(lead_in.heading, lead_in.text);
    assert!(lead_in.text.starts_with("习近平生态文明思想基于历史"));
    assert!(lead_in.text.ends_with("不折不扣落到实处。"));
}

#[test]
fn shipped_first_series_has_three_parts_of_three_directives() {
    let outline = parse(SHIPPED);
    let series = node(&outline, "1");
    let markers: Vec<&str> = series.children.iter().map(|p| p.marker.as_str()).collect();
    assert_eq!(markers, ["首先", "其次", "第三"]);
    assert_eq!(
        child_labels(&outline, "1"),
        ["坚定方向引领", "大力发展生态经济", "切实加强制度建设"]
    );
    for part in &series.children {
        assert_eq!(part.kind, NodeKind::Part);
        assert_eq!(part.children.len(), 3, "{}", part.id);
        assert!(part.children.iter().all(|c| c.kind == NodeKind::Directive));
    }
    assert_eq!(
        child_labels(&outline, "1.1"),
        [
            "要以走在前列为总要求",
            "要以群众期盼为出发点",
            "要以改革创新为动力源"
        ]
    );
    assert_eq!(
        child_labels(&outline, "1.2"),
        [
            "要把生态建设与发展壮大农业结合起来",
            "要把生态建设与改造提升工业结合起来",
            "要把生态建设与做大做强旅游业结合起来",
        ]
    );
    assert_eq!(
        child_labels(&outline, "1.3"),
        [
            "要建立绿色转型发展机制",
            "要建立绿色环境约束机制",
            "要建立绿色生活培育机制"
        ]
    );
    assert_eq!(node(&outline, "1.2.1").id, "1.2.1");
    assert_eq!(node(&outline, "1.3.1").label, "要建立绿色转型发展机制");
}

#[test]
fn shipped_directive_text_keeps_following_sentences() {
    let outline = parse(SHIPPED);
    let part = node(&outline, "1.2");
    assert_eq!(part.heading, "要大力发展生态经济，以转型之力厚植生态财富。");
    assert!(part.text.ends_with("经济增长的新动能。"));
    let directive = node(&outline, "1.2.1");
    assert_eq!(directive.heading, "要把生态建设与发展壮大农业结合起来。");
    assert!(directive.text.ends_with("提高产品附加值。"));
}

#[test]
fn shipped_second_series_has_four_battles_with_tasks() {
    let outline = parse(SHIPPED);
    let series = node(&outline, "2");
    let markers: Vec<&str> = series.children.iter().map(|p| p.marker.as_str()).collect();
    assert_eq!(markers, ["一是", "二是", "三是", "四是"]);
    assert_eq!(
        child_labels(&outline, "2"),
        ["提升战", "攻坚战", "持久战", "升级战"]
    );
    let first = node(&outline, "2.1");
    assert_eq!(first.heading, "聚焦源头治理，深入打好生态质量“提升战”。");
    assert_eq!(first.text, first.heading);
    for part in &series.children {
        assert!(part.children.len() >= 4, "{} has too few tasks", part.id);
        assert!(part.children.iter().all(|c| c.kind == NodeKind::Task));
    }
}

#[test]
fn shipped_required_task_labels() {
    let outline = parse(SHIPPED);
    let exact = |label: &str, wanted: &str| label == wanted;
    let contains = |label: &str, wanted: &str| label.contains(wanted);
    let battle = child_labels(&outline, "2.1");
    assert!(
        contains_in_order(
            &battle,
            &[
                "三大保卫战",
                "建筑工地",
                "河（湖）长制",
                "汭河流域水环境综合治理"
            ],
            |label, wanted| label == wanted || (wanted == "建筑工地" && label.contains(wanted)),
        ),
        "{battle:?}"
    );
    assert!(
        contains_in_order(
            &battle,
            &[
                "汭河流域水环境综合治理",
                "河湖“四乱”和入河排污口整治",
                "“清废”专项行动"
            ],
            exact,
        ),
        "{battle:?}"
    );
    let rectify = child_labels(&outline, "2.2");
    assert!(
        contains_in_order(&rectify, &["督察反馈问题整改", "长效机制"], contains),
        "{rectify:?}"
    );
    let green = child_labels(&outline, "2.3");
    assert!(
        contains_in_order(
            &green,
            &[
                "林长制",
                "天然林资源保护",
                "国土绿化",
                "矿山",
                "农村厕所革命和生活污水治理",
                "农村垃圾收运体系"
            ],
            contains,
        ),
        "{green:?}"
    );
    assert_eq!(green[0], "林长制");
    let upgrade = child_labels(&outline, "2.4");
    assert!(
        contains_in_order(&upgrade, &["EOD", "碳达峰、碳中和"], contains),
        "{upgrade:?}"
    );
    assert!(upgrade.contains(&"碳达峰、碳中和"));
}

#[test]
fn shipped_task_labels_snapshot() {
    let outline = parse(SHIPPED);
    assert_eq!(
        child_labels(&outline, "2.1"),
        [
            "三大保卫战",
            "建筑工地、餐饮油烟、烟花爆竹、煤尘污染等污染治理",
            "河（湖）长制",
            "汭河流域水环境综合治理",
            "河湖“四乱”和入河排污口整治",
            "“清废”专项行动",
        ]
    );
    assert_eq!(
        child_labels(&outline, "2.2"),
        [
            "督察反馈问题整改清零攻坚行动",
            "排查整治污染防治、河湖治理等方面的突出问题",
            "长效机制",
            "环保举措",
            "分区管控、排污许可管理、生态修复、环境风险防控",
        ]
    );
    assert_eq!(
        child_labels(&outline, "2.3"),
        [
            "林长制",
            "天然林资源保护、三北防护林建设等重大生态工程",
            "大规模国土绿化",
            "城区面山绿化、绿色廊道和乡村绿化美化",
            "地质灾害避险搬迁安置、历史遗留废弃矿山修复治理",
            "农村厕所革命和生活污水治理",
            "农村垃圾收运体系",
        ]
    );
    assert_eq!(
        child_labels(&outline, "2.4"),
        [
            "生态环境导向的开发（EOD）模式",
            "生态＋产业",
            "发展生态工业、生态农业、生态旅游业和现代服务业",
            "改造提升传统产业",
            "扶持发展新兴产业",
            "做大生态环保产业链",
            "“双控”倒逼、先破后立",
            "碳达峰、碳中和",
            "遏制高耗能、高排放项目盲目建设",
        ]
    );
}

#[test]
fn shipped_task_text_attaches_frames_and_results() {
    let outline = parse(SHIPPED);
    let first = node(&outline, "2.1.1");
    assert_eq!(
        first.text,
        "以创建国家生态文明示范市为统揽，持续深入打好蓝天、碧水、净土“三大保卫战”，"
    );
    assert_eq!(
        first.heading,
        "以创建国家生态文明示范市为统揽，持续深入打好蓝天、碧水、净土“三大保卫战”"
    );
    assert!(
        node(&outline, "2.1.5")
            .text
            .ends_with("确保地表水水质稳定达标。")
    );
    let rectify = node(&outline, "2.2.2");
    assert!(rectify.text.contains("紧盯问题持续攻坚、标本兼治"));
    assert!(rectify.text.ends_with("取得实实在在的成效。"));
    assert!(node(&outline, "2.2.3").text.starts_with("同时，着眼长远，"));
    assert!(node(&outline, "2.4.1").text.starts_with("抢抓“双碳”行动"));
}

#[test]
fn shipped_commitments_are_the_four_battles() {
    let outline = parse(SHIPPED);
    assert_eq!(ids(&outline.commitments()), ["2.1", "2.2", "2.3", "2.4"]);
}

#[test]
fn shipped_commitment_and_task_labels_are_unique() {
    let outline = parse(SHIPPED);
    let mut labels: Vec<&str> = Vec::new();
    for commitment in outline.commitments() {
        labels.push(&commitment.label);
        labels.extend(commitment.children.iter().map(|t| t.label.as_str()));
    }
    for label in &labels {
        assert!(!label.is_empty());
        assert!(label.chars().count() <= 24, "{label}");
        assert_eq!(
            outline.resolve(label).len(),
            1,
            "label {label} is ambiguous"
        );
    }
}

#[test]
fn shipped_nodes_are_pre_order() {
    let outline = parse(SHIPPED);
    let first: Vec<&str> = outline.nodes().take(7).map(|n| n.id.as_str()).collect();
    assert_eq!(
        first,
        ["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.2", "1.2.1"]
    );
    assert_eq!(outline.nodes().count(), 2 + 3 + 9 + 4 + 6 + 5 + 7 + 9);
    assert_eq!(outline.nodes().last().map(|n| n.id.as_str()), Some("2.4.9"));
}

// ---- Display ----

const SHIPPED_DISPLAY: &str = "\
标题：在理论学习中心组生态文明建设专题研讨交流发言材料
称谓：同志们：
开场：2 段
1  [第一部分]
  1.1  首先  坚定方向引领
    1.1.1  要以走在前列为总要求
    1.1.2  要以群众期盼为出发点
    1.1.3  要以改革创新为动力源
  1.2  其次  大力发展生态经济
    1.2.1  要把生态建设与发展壮大农业结合起来
    1.2.2  要把生态建设与改造提升工业结合起来
    1.2.3  要把生态建设与做大做强旅游业结合起来
  1.3  第三  切实加强制度建设
    1.3.1  要建立绿色转型发展机制
    1.3.2  要建立绿色环境约束机制
    1.3.3  要建立绿色生活培育机制
2  [第二部分] 习近平生态文明思想基于历史、立足当下、面向全球、…
  2.1  一是  提升战
    2.1.1  三大保卫战
    2.1.2  建筑工地、餐饮油烟、烟花爆竹、煤尘污染等污染治理
    2.1.3  河（湖）长制
    2.1.4  汭河流域水环境综合治理
    2.1.5  河湖“四乱”和入河排污口整治
    2.1.6  “清废”专项行动
  2.2  二是  攻坚战
    2.2.1  督察反馈问题整改清零攻坚行动
    2.2.2  排查整治污染防治、河湖治理等方面的突出问题
    2.2.3  长效机制
    2.2.4  环保举措
    2.2.5  分区管控、排污许可管理、生态修复、环境风险防控
  2.3  三是  持久战
    2.3.1  林长制
    2.3.2  天然林资源保护、三北防护林建设等重大生态工程
    2.3.3  大规模国土绿化
    2.3.4  城区面山绿化、绿色廊道和乡村绿化美化
    2.3.5  地质灾害避险搬迁安置、历史遗留废弃矿山修复治理
    2.3.6  农村厕所革命和生活污水治理
    2.3.7  农村垃圾收运体系
  2.4  四是  升级战
    2.4.1  生态环境导向的开发（EOD）模式
    2.4.2  生态＋产业
    2.4.3  发展生态工业、生态农业、生态旅游业和现代服务业
    2.4.4  改造提升传统产业
    2.4.5  扶持发展新兴产业
    2.4.6  做大生态环保产业链
    2.4.7  “双控”倒逼、先破后立
    2.4.8  碳达峰、碳中和
    2.4.9  遏制高耗能、高排放项目盲目建设
结束语：发言完毕，谢谢大家！
";

#[test]
fn display_of_shipped_speech() {
    let shown = parse(SHIPPED).to_string();
    assert!(shown.contains("2.1  一是  提升战"));
    assert!(shown.contains("提升战"));
    assert_eq!(shown, SHIPPED_DISPLAY);
}

#[test]
fn display_shows_paragraph_nodes_and_empty_outline() {
    let shown = parse(DIYI_YIYAO).to_string();
    assert!(shown.contains("  1.4  （段落）同志们，安全生产和防汛工作只有起点没有终点。"));
    assert_eq!(parse("").to_string(), "标题：\n开场：0 段\n");
}

// ---- resolve / find / parent ----

#[test]
fn resolve_by_id_label_substring() {
    let outline = parse(SHIPPED);
    assert_eq!(ids(&outline.resolve("2.1")), ["2.1"]);
    assert_eq!(ids(&outline.resolve(" 2.3.1 ")), ["2.3.1"]);
    assert_eq!(ids(&outline.resolve("林长制")), ["2.3.1"]);
    assert_eq!(ids(&outline.resolve("提升战")), ["2.1"]);
    assert_eq!(ids(&outline.resolve("EOD")), ["2.4.1"]);
    assert_eq!(ids(&outline.resolve("国土绿化")), ["2.3.3"]);
}

#[test]
fn resolve_reports_ambiguous_and_unknown() {
    let outline = parse(SHIPPED);
    assert!(outline.resolve("生态").len() > 1);
    assert!(outline.resolve("不存在的事项").is_empty());
    assert!(outline.resolve("").is_empty());
    assert!(outline.resolve("  ").is_empty());
    let cousins = parse(
        "标题\n第一，抓学习。\n一是加强领导。\n二是落实责任。\n第二，抓落实。\n一是加强领导。\n二是强化督查。",
    );
    assert_eq!(ids(&cousins.resolve("加强领导")), ["1.1.1", "1.2.1"]);
}

#[test]
fn sibling_labels_are_distinct() {
    let twins = parse("标题\n一是加强领导。二是加强领导。三是加强领导。");
    assert_eq!(
        child_labels(&twins, "1"),
        ["加强领导", "加强领导（2）", "加强领导（3）"]
    );
    assert_eq!(ids(&twins.resolve("加强领导（2）")), ["1.2"]);
    let tasks = parse("标题\n一是抓环境。加强监管，加强监管。\n二是抓安全。落实责任。");
    assert_eq!(child_labels(&tasks, "1.1"), ["加强监管", "加强监管（2）"]);
}

#[test]
fn resolve_prefers_exact_label_over_substring() {
    let outline = parse(SHIPPED);
    // An exact label wins even though "长制" matches two labels by substring.
    assert_eq!(ids(&outline.resolve("河（湖）长制")), ["2.1.3"]);
    assert_eq!(ids(&outline.resolve("长制")), ["2.1.3", "2.3.1"]);
}

#[test]
fn find_and_parent() {
    let outline = parse(SHIPPED);
    assert_eq!(node(&outline, "2.1.3").label, "河（湖）长制");
    assert!(outline.find("9").is_none());
    assert_eq!(outline.parent("2.1.3").map(|n| n.id.as_str()), Some("2.1"));
    assert_eq!(outline.parent("2.1").map(|n| n.id.as_str()), Some("2"));
    assert!(outline.parent("2").is_none());
    assert!(outline.parent("9.9").is_none());
    assert!(outline.parent("").is_none());
}

// ---- test speeches ----

#[test]
fn headings_nest_by_style() {
    let outline = parse(HEADINGS);
    assert_eq!(outline.title, "在全市城乡人居环境整治推进会上的讲话");
    assert_eq!(outline.salutation.as_deref(), Some("同志们："));
    assert_eq!(outline.introduction.len(), 1);
    assert_eq!(outline.closing.as_deref(), Some("谢谢大家！"));
    assert_eq!(outline.parts.len(), 1);
    assert_eq!(
        child_labels(&outline, "1"),
        ["统一思想认识", "突出工作重点", "强化组织保障", "同志们"]
    );
    let markers: Vec<&str> = node(&outline, "1")
        .children
        .iter()
        .map(|n| n.marker.as_str())
        .collect();
    assert_eq!(markers, ["一、", "二、", "三、", ""]);
    assert_eq!(node(&outline, "1.4").kind, NodeKind::Paragraph);
    assert_eq!(
        child_labels(&outline, "1.2"),
        [
            "扎实推进农村厕所革命",
            "持续加强生活垃圾治理",
            "梯次推进生活污水治理"
        ]
    );
    assert_eq!(node(&outline, "1.2.1").marker, "（一）");
    assert_eq!(
        child_labels(&outline, "1.2.2"),
        [
            "完善收运处置体系",
            "推进源头分类减量",
            "开展非正规垃圾堆放点排查整治"
        ]
    );
    assert_eq!(node(&outline, "1.2.2.3").marker, "3.");
    assert_eq!(node(&outline, "1.3.2").label, "加强督查考核");
    assert_ids_well_formed(&outline);
}

#[test]
fn headings_keep_body_paragraphs_with_their_heading() {
    let outline = parse(HEADINGS);
    let first = node(&outline, "1.1");
    assert_eq!(
        first.heading,
        "统一思想认识，切实增强做好人居环境整治工作的责任感"
    );
    assert!(first.text.ends_with("重要性和紧迫性。"));
    let sewage = node(&outline, "1.2.3");
    assert_eq!(sewage.heading, "梯次推进生活污水治理");
    assert!(sewage.text.contains("2026年底前治理率提高到40%以上"));
    assert!(node(&outline, "1.1.1").text.contains("1.2万座"));
}

#[test]
fn headings_commitments_group_their_leaf_parts() {
    let outline = parse(HEADINGS);
    assert!(outline.nodes().all(|n| n.kind != NodeKind::Task));
    // 一、 over leaf （一） items: 1.1 and 1.3; the （一） over 1. items under
    // 二、: 1.2.1 and 1.2.2; and 1.2.3, a leaf beside them.
    assert_eq!(
        ids(&outline.commitments()),
        ["1.1", "1.2.1", "1.2.2", "1.2.3", "1.3"]
    );
}

#[test]
fn diyi_items_hold_inline_yiyao_items() {
    let outline = parse(DIYI_YIYAO);
    assert_eq!(outline.salutation.as_deref(), Some("各位领导，同志们："));
    assert_eq!(outline.closing.as_deref(), Some("谢谢大家！"));
    assert_eq!(
        child_labels(&outline, "1"),
        ["提高政治站位", "聚焦重点领域", "立足防大汛抗大险", "同志们"]
    );
    for (id, marker) in [("1.1", "第一"), ("1.2", "第二"), ("1.3", "第三")] {
        let part = node(&outline, id);
        assert_eq!(part.marker, marker);
        let markers: Vec<&str> = part.children.iter().map(|c| c.marker.as_str()).collect();
        assert_eq!(markers, ["一要", "二要", "三要"], "{id}");
    }
    assert_eq!(
        node(&outline, "1.1").text,
        "要提高政治站位，坚决扛牢安全发展责任。"
    );
    assert_eq!(
        child_labels(&outline, "1.2"),
        [
            "抓好道路交通安全",
            "抓好矿山和危化品安全",
            "抓好城镇燃气和建筑施工安全"
        ]
    );
    assert!(node(&outline, "1.2.2").text.contains("聘请第三方机构"));
    assert_eq!(node(&outline, "1.4").kind, NodeKind::Paragraph);
    // 第一 … 第三, each with its 一要 … 三要 as tasks.
    assert_eq!(ids(&outline.commitments()), ["1.1", "1.2", "1.3"]);
    assert_ids_well_formed(&outline);
}

#[test]
fn plain_speech_is_read_by_its_next_steps_paragraph() {
    let outline = parse(PLAIN);
    assert_eq!(outline.title, "在全市优化营商环境工作座谈会上的讲话");
    assert_eq!(outline.salutation.as_deref(), Some("各位企业家朋友："));
    assert_eq!(outline.structure, Structure::NextSteps);
    assert_eq!(outline.introduction.len(), 3);
    assert_eq!(node(&outline, "1.1").marker, "下一步");
    assert_eq!(
        child_labels(&outline, "1.1"),
        [
            "营商环境专项评估",
            "邀请企业家担任营商环境监督员",
            "畅通政企沟通渠道"
        ]
    );
    assert!(node(&outline, "1.1.1").text.starts_with("我们将在全市开展"));
    assert!(
        node(&outline, "1.1.3")
            .text
            .ends_with("以严的作风推动服务质效提升。")
    );
    assert_eq!(node(&outline, "1.2").kind, NodeKind::Paragraph);
    assert_eq!(ids(&outline.commitments()), ["1.1"]);
    assert_eq!(
        outline.closing.as_deref(),
        Some("以上讲话，供大家参考。谢谢大家！")
    );
}

#[test]
fn jiaoliu_commitments_are_the_clauses_of_its_next_steps_paragraph() {
    let outline = parse(JIAOLIU);
    assert_eq!(
        outline.salutation.as_deref(),
        Some("尊敬的各位领导、同志们：")
    );
    assert_eq!(outline.structure, Structure::NextSteps);
    assert_eq!(outline.introduction.len(), 3);
    assert!(outline.introduction[2].starts_with("在肯定成绩的同时"));
    let part = node(&outline, "1.1");
    assert_eq!(
        (
            part.kind,
            part.marker.as_str(),
            part.label.as_str(),
            part.heading.as_str()
        ),
        (NodeKind::Part, "下一步", "下步工作", "下步工作")
    );
    assert_eq!(
        child_labels(&outline, "1.1"),
        [
            "高标准农田建设工程",
            "核桃精深加工产业园",
            "联农带农利益联结机制",
            "防止规模性返贫",
            "严禁在耕地上违规建房",
            "壮大村级集体经济",
        ]
    );
    assert_eq!(
        node(&outline, "1.1.1").text,
        "我们将继续实施高标准农田建设工程，"
    );
    assert!(node(&outline, "1.2").text.starts_with("我们有信心、有决心"));
    assert_eq!(ids(&outline.commitments()), ["1.1"]);
    assert_eq!(
        outline.closing.as_deref(),
        Some("发言完毕，不妥之处请批评指正。")
    );
    assert!(
        parse(JIAOLIU)
            .to_string()
            .contains("\n  1.1  下一步  下步工作\n")
    );
    assert_ids_well_formed(&outline);
}

#[test]
fn next_steps_paragraphs_take_several_forms() {
    let outline = parse(
        "标题\n今年工作有成绩。\n下一步工作中，我局将全面加强执法监管，严禁违规审批。\n我们有信心。\n下步我们要加快推进数字政府建设。",
    );
    let parts: Vec<(&str, &str)> = outline
        .nodes()
        .filter(|n| n.kind == NodeKind::Part)
        .map(|n| (n.marker.as_str(), n.label.as_str()))
        .collect();
    assert_eq!(
        parts,
        [("下一步工作中", "下步工作"), ("下步", "下步工作（2）")]
    );
    assert_eq!(child_labels(&outline, "1.1"), ["执法监管", "严禁违规审批"]);
    assert_eq!(node(&outline, "1.2").kind, NodeKind::Paragraph);
    assert_eq!(child_labels(&outline, "1.3"), ["数字政府建设"]);
    assert_eq!(outline.introduction, ["今年工作有成绩。"]);
}

#[test]
fn a_speech_without_enumeration_or_next_steps_has_no_parts() {
    // "今后五年" is no phrase of its own; "接下来" names no work.
    let outline = parse(
        "标题\n同志们：\n今年以来，我们做了大量工作。\n今后五年是关键时期。\n接下来，我再讲两句。\n谢谢大家！",
    );
    assert_eq!(outline.structure, Structure::Unstructured);
    assert!(outline.parts.is_empty());
    assert!(outline.commitments().is_empty());
    assert_eq!(outline.introduction.len(), 3);
}

#[test]
fn enumeration_wins_over_next_steps() {
    let outline = parse(DIYI_YIYAO);
    assert_eq!(outline.structure, Structure::Enumerated);
    let outline = parse("标题\n下一步，我们将加强监管。\n一是加强领导。\n二是落实责任。");
    assert_eq!(outline.introduction, ["下一步，我们将加强监管。"]);
    assert_eq!(child_labels(&outline, "1"), ["加强领导", "落实责任"]);
}

// ---- labels true to the speech ----

#[test]
fn negating_verbs_stay_in_labels() {
    let outline = parse(NEGATIONS);
    assert_eq!(
        child_labels(&outline, "1.1"),
        ["坚持稳中求进", "严控新增产能", "防止“一刀切”"]
    );
    assert_eq!(
        child_labels(&outline, "1.2.2"),
        [
            "新建建筑全面执行绿色建筑标准",
            "杜绝“大拆大建”",
            "禁止在城市更新中随意拆除老建筑"
        ]
    );
    assert_eq!(
        child_labels(&outline, "1.2.3"),
        [
            "新能源公交车",
            "减少柴油货车使用",
            "不得以任何名义新增燃油出租车指标"
        ]
    );
    assert_eq!(
        child_labels(&outline, "1.3"),
        ["明确责任分工", "加强监督考核", "反对形式主义"]
    );
    assert_ids_well_formed(&outline);
}

#[test]
fn verbs_that_change_the_object_stay_in_labels() {
    let outline = parse(NEGATIONS);
    assert_eq!(
        child_labels(&outline, "1.2.1"),
        [
            "改造提升传统产业",
            "扶持发展新兴产业",
            "控制煤炭消费总量",
            "淘汰落后产能和过剩产能"
        ]
    );
    // An object too short to stand alone keeps its verbs.
    let outline = parse("标题\n一是抓责任。压紧压实责任，落实林长制。\n二是抓安全。");
    assert_eq!(child_labels(&outline, "1.1"), ["压紧压实责任", "林长制"]);
}

#[test]
fn a_quoted_term_is_no_label_when_its_clause_negates_it() {
    let outline = parse(
        "标题\n（一）严防“一刀切”\n正文。\n（二）坚决打好“蓝天保卫战”\n正文。\n（三）坚决反对“四风”\n正文。",
    );
    assert_eq!(
        child_labels(&outline, "1"),
        ["严防“一刀切”", "蓝天保卫战", "坚决反对“四风”"]
    );
    let outline =
        parse("标题\n一是抓好整治。坚决杜绝“一刀切”，统筹做好“清废”工作。\n二是抓好宣传。");
    assert_eq!(child_labels(&outline, "1.1"), ["杜绝“一刀切”", "清废"]);
}

#[test]
fn no_label_drops_a_negating_verb() {
    for speech in ALL_SPEECHES {
        let outline = parse(speech);
        let named = outline.nodes().filter(|node| {
            matches!(
                node.kind,
                NodeKind::Part | NodeKind::Task | NodeKind::Directive
            )
        });
        for node in named {
            let negated = words::opens_with_limit(words::predicate_of(&node.heading));
            assert!(
                !negated || words::opens_with_limit(&node.label),
                "{} “{}” drops the negation of “{}”",
                node.id,
                node.label,
                node.heading
            );
        }
    }
}

#[test]
fn tricky_file_has_bom_and_crlf() {
    assert!(TRICKY.starts_with('\u{feff}'));
    assert!(TRICKY.contains("\r\n"));
}

#[test]
fn tricky_numbers_are_not_markers() {
    let outline = parse(TRICKY);
    assert_eq!(outline.title, "在全市大气污染防治攻坚推进会上的讲话");
    assert_eq!(outline.salutation.as_deref(), Some("同志们："));
    assert_eq!(outline.introduction.len(), 3);
    assert!(
        outline.introduction[0].starts_with("首先，我代表"),
        "a lone 首先 is not a series"
    );
    assert!(outline.introduction[1].contains("PM2.5浓度下降到32微克"));
    assert!(outline.introduction[1].contains("87.3%"));
    assert_eq!(
        outline.closing.as_deref(),
        Some("以上讲话，请大家抓好落实。")
    );
    let markers: Vec<&str> = outline
        .nodes()
        .filter(|n| n.kind == NodeKind::Part)
        .map(|n| n.marker.as_str())
        .collect();
    assert_eq!(markers, ["一是", "二是", "三是"]);
    assert!(node(&outline, "1.2.2").text.contains("1.2万户居民"));
    assert_eq!(ids(&outline.commitments()), ["1.1", "1.2", "1.3"]);
    assert_eq!(
        child_labels(&outline, "1.1"),
        ["钢铁、水泥行业超低排放改造", "重点企业“体检式”帮扶"]
    );
    let no_carriage_return = outline.nodes().all(|n| !n.text.contains('\r'))
        && !outline.title.contains(['\r', '\u{feff}'])
        && outline.introduction.iter().all(|p| !p.contains('\r'));
    assert!(no_carriage_return);
    assert_ids_well_formed(&outline);
}

// ---- sequencing rules ----

#[test]
fn lone_ordinal_inside_text_is_not_a_marker() {
    let outline = parse("标题\n同志们：\n我们取得了成绩。第三，要继续努力，排名第三。");
    assert!(outline.parts.is_empty());
    assert_eq!(outline.introduction.len(), 1);
}

#[test]
fn out_of_order_items_are_text() {
    let outline = parse("标题\n一是加强领导。三是落实责任。");
    assert!(outline.parts.is_empty());
    let outline = parse("标题\n一是加强领导。二是落实责任。二是强化督查。");
    assert_eq!(child_labels(&outline, "1"), ["加强领导", "落实责任"]);
    assert!(node(&outline, "1.2").text.contains("二是强化督查"));
}

#[test]
fn ordinal_words_form_one_series() {
    let outline =
        parse("标题\n首先，要学。\n其次，要干。\n再次，要查。\n最后，要改。\n第五，要再干。");
    let markers: Vec<&str> = node(&outline, "1")
        .children
        .iter()
        .map(|n| n.marker.as_str())
        .collect();
    assert_eq!(markers, ["首先", "其次", "再次", "最后", ""]);
    let after_last = node(&outline, "1.5");
    assert_eq!(after_last.kind, NodeKind::Paragraph);
    assert_eq!(after_last.text, "第五，要再干。");
}

#[test]
fn decimals_and_years_are_not_markers() {
    let outline = parse("标题\n1.5倍的增长来之不易。2026年要再接再厉。3.14是圆周率。");
    assert!(outline.parts.is_empty());
    let outline = parse("标题\n1. 加强领导\n2. 落实责任");
    assert_eq!(child_labels(&outline, "1"), ["加强领导", "落实责任"]);
}

#[test]
fn colon_paragraph_leads_into_series() {
    let outline = parse("标题\n开场白。\n下面，我讲两点意见：\n一是加强领导。\n二是落实责任。");
    assert_eq!(outline.introduction, ["开场白。"]);
    assert_eq!(node(&outline, "1").heading, "下面，我讲两点意见：");
}

#[test]
fn inline_series_after_lead_in_starts_a_new_top_level_series() {
    let outline = parse("标题\n首先，要学。\n其次，要干。\n总之要抓落实。一是抓领导。二是抓责任。");
    assert_eq!(outline.parts.len(), 2);
    assert_eq!(node(&outline, "2").text, "总之要抓落实。");
    assert_eq!(child_labels(&outline, "2"), ["抓领导", "抓责任"]);
}

#[test]
fn headings_of_every_style_nest() {
    let text = "标题\n一、总体要求\n（一）指导思想\n1. 坚持问题导向\n（1）摸清底数\n（2）建立台账\n2. 坚持系统治理\n（二）工作目标\n二、保障措施";
    let outline = parse(text);
    assert_eq!(node(&outline, "1.1.1.1.2").marker, "（2）");
    assert_eq!(node(&outline, "1.1.1.2").label, "坚持系统治理");
    assert_eq!(node(&outline, "1.1.2").marker, "（二）");
    assert_eq!(node(&outline, "1.2").marker, "二、");
    assert_ids_well_formed(&outline);
}

#[test]
fn paragraph_markers_of_a_new_style_nest_under_the_item_before() {
    let outline = parse("标题\n一、总体要求\n一是加强领导。\n二是落实责任。\n二、保障措施");
    assert_eq!(child_labels(&outline, "1.1"), ["加强领导", "落实责任"]);
    assert_eq!(node(&outline, "1.2").marker, "二、");
    let outline = parse("标题\n第一，抓学习。\n一是学理论。\n二是学业务。\n第二，抓落实。");
    assert_eq!(child_labels(&outline, "1.1"), ["学理论", "学业务"]);
    assert_eq!(node(&outline, "1.2").marker, "第二");
}

#[test]
fn inline_series_in_a_body_paragraph_nests_under_the_heading() {
    let outline = parse(
        "标题\n（一）强化监管\n主要抓好两项工作。一是严格执法。二是公开曝光。\n（二）优化服务",
    );
    let first = node(&outline, "1.1");
    assert_eq!(first.text, "强化监管\n主要抓好两项工作。");
    assert_eq!(child_labels(&outline, "1.1"), ["严格执法", "公开曝光"]);
    assert_eq!(node(&outline, "1.2").marker, "（二）");
}

// ---- degenerate input ----

#[test]
fn empty_input() {
    let empty = Outline {
        title: String::new(),
        salutation: None,
        introduction: Vec::new(),
        parts: Vec::new(),
        closing: None,
        structure: Structure::Unstructured,
    };
    assert_eq!(parse(""), empty);
    assert_eq!(parse(" \n\u{3000}\r\n\t\u{feff}\n"), empty);
    assert_eq!(empty.nodes().count(), 0);
    assert!(empty.commitments().is_empty());
}

#[test]
fn single_line_is_only_a_title() {
    let outline = parse("\u{3000}关于加强安全生产工作的讲话\u{3000}\r\n");
    assert_eq!(outline.title, "关于加强安全生产工作的讲话");
    assert!(outline.salutation.is_none());
    assert!(outline.introduction.is_empty());
    assert!(outline.parts.is_empty());
    assert!(outline.closing.is_none());
    let marked = parse("一是加强领导。二是落实责任。");
    assert_eq!(marked.title, "一是加强领导。二是落实责任。");
    assert!(marked.parts.is_empty());
}

#[test]
fn nothing_is_lost_in_any_speech() {
    for speech in ALL_SPEECHES {
        assert_nothing_lost(speech);
    }
}

/// A small linear congruential generator (no rand crate needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(self.0 >> 33).unwrap_or(0)
    }
}

#[test]
fn garbage_never_panics_and_loses_nothing() {
    const FRAGMENTS: &[&str] = &[
        "一是",
        "二是",
        "三是",
        "十一是",
        "一要",
        "二要",
        "首先，",
        "其次，",
        "再次，",
        "最后，",
        "第一，",
        "第二、",
        "第三",
        "第三：",
        "一、",
        "二、",
        "（一）",
        "(二)",
        "（1）",
        "(2)",
        "1.",
        "2、",
        "3．",
        "1.5",
        "PM2.5",
        "。",
        "；",
        "！",
        "？",
        "，",
        "：",
        "、",
        "要",
        "要求",
        "“",
        "”",
        "（",
        "）",
        "《",
        "\n",
        "\r\n",
        "\r",
        " ",
        "\u{3000}",
        "\u{feff}",
        "同志们：",
        "谢谢大家！",
        "加强",
        "持续推进",
        "以",
        "为统揽",
        "确保",
        "推动",
        "等",
        "工作",
        "问题",
        "同时",
        "a",
        "é",
        "😀",
        "十",
        "九十九是",
        "第",
        "是",
        "下一步，",
        "下步",
        "今后",
        "我们将",
        "在全市",
        "防止",
        "严禁",
        "“一刀切”",
        "改造提升",
        "加强领导。",
    ];
    let mut rng = Lcg(42);
    for _ in 0..3000 {
        let length = rng.next() % 40;
        let text: String = (0..length)
            .map(|_| FRAGMENTS[rng.next() % FRAGMENTS.len()])
            .collect();
        let outline = parse(&text);
        assert_eq!(
            words(&reassembled(&outline)),
            words(&text),
            "input: {text:?}"
        );
        assert_ids_well_formed(&outline);
        let _ = outline.to_string();
        let _ = outline.commitments();
        for node in outline.nodes() {
            assert!(!outline.resolve(&node.id).is_empty());
            let _ = outline.resolve(&node.label);
        }
    }
}

#[test]
fn public_types_serialize() {
    fn serializable<T: Serialize>() {}
    serializable::<Outline>();
    serializable::<Node>();
    serializable::<NodeKind>();
}
