//! Structures the body of a speech into series and parts.
//!
//! The body is walked paragraph by paragraph with a stack of open series.
//! A marker candidate becomes an item when it continues an open series with
//! the next expected number, or when it is a first item ("一是", "首先",
//! "（一）" …) that opens a new series. Series of ordinal words, and series
//! whose first item is inline, need at least two items; weaker ones are
//! rejected and the body is structured again without them.

use super::NodeKind;
use super::markers::{Candidate, Seq, Style, find_candidates};
use super::text::is_sentence_end;

/// A node under construction, stored in an arena.
pub(crate) struct Draft {
    /// Kind of the node (series, part or paragraph at this stage).
    pub kind: NodeKind,
    /// Marker as written, empty for series and paragraphs.
    pub marker: String,
    /// Own text, without the marker.
    pub text: String,
    /// Style of the series a part belongs to.
    pub style: Option<Style>,
    /// Arena indices of the children, in document order.
    pub children: Vec<usize>,
}

/// The structured body: an arena of drafts, its top-level series and the
/// paragraphs before the first series.
pub(crate) struct Tree {
    /// All nodes.
    pub drafts: Vec<Draft>,
    /// Arena indices of the top-level series, in order.
    pub roots: Vec<usize>,
    /// Paragraphs before the first series.
    pub introduction: Vec<String>,
}

/// Structures the body paragraphs (title, salutation and closing removed).
pub(crate) fn build(body: &[&str]) -> Tree {
    let candidates = find_candidates(body);
    let mut rejected = vec![false; candidates.len()];
    loop {
        let mut builder = Builder::new(&candidates, &rejected);
        builder.run(body);
        let weak = builder.weak_series();
        if weak.is_empty() {
            return builder.into_tree();
        }
        // Each round rejects at least one accepted candidate, so this ends.
        for index in weak {
            if let Some(flag) = rejected.get_mut(index) {
                *flag = true;
            }
        }
    }
}

/// An open series on the stack.
struct Level {
    style: Style,
    /// Number of the last item (0 before the first).
    last: u32,
    /// Whether "最后" closed the series.
    finished: bool,
    /// Node holding the items: a top-level series or a parent item.
    container: usize,
    /// The current (latest) item.
    item: usize,
    /// Whether the current item's marker is inside a paragraph.
    item_inline: bool,
    /// Index of the series' record.
    record: usize,
}

impl Level {
    /// Whether an item at `seq` continues this series.
    fn accepts(&self, seq: Seq) -> bool {
        !self.finished
            && match seq {
                Seq::Nth(n) => n == self.last + 1,
                Seq::Last => self.last >= 1,
            }
    }

    /// Records that an item at `seq` was added.
    fn advance(&mut self, seq: Seq) {
        match seq {
            Seq::Nth(n) => self.last = n,
            Seq::Last => self.finished = true,
        }
    }
}

/// Bookkeeping about one series, to reject weak ones.
struct SeriesRecord {
    first_candidate: usize,
    items: usize,
    needs_two: bool,
}

/// What an accepted candidate does.
enum Action {
    /// Adds the next item to the open series at this stack index.
    Continue(usize),
    /// Opens a new series.
    Start,
}

/// State of one structuring pass.
struct Builder<'c> {
    candidates: &'c [Candidate],
    rejected: &'c [bool],
    drafts: Vec<Draft>,
    roots: Vec<usize>,
    introduction: Vec<String>,
    stack: Vec<Level>,
    records: Vec<SeriesRecord>,
    /// Whole paragraphs without markers, placed once the next marker (or
    /// the end of the body) shows where they belong.
    held: Vec<String>,
}

impl<'c> Builder<'c> {
    fn new(candidates: &'c [Candidate], rejected: &'c [bool]) -> Self {
        Builder {
            candidates,
            rejected,
            drafts: Vec::new(),
            roots: Vec::new(),
            introduction: Vec::new(),
            stack: Vec::new(),
            records: Vec::new(),
            held: Vec::new(),
        }
    }

    /// Walks all paragraphs, then places trailing paragraphs.
    fn run(&mut self, body: &[&str]) {
        let mut next = 0;
        for (para, text) in body.iter().enumerate() {
            let first = next;
            while self.candidates.get(next).is_some_and(|c| c.para == para) {
                next += 1;
            }
            self.paragraph(text, first..next);
        }
        self.place_trailing();
    }

    /// Processes one paragraph whose candidates are `candidates`.
    fn paragraph(&mut self, text: &str, candidates: std::ops::Range<usize>) {
        let mut pos = 0;
        let mut has_item = false;
        for index in candidates {
            let Some(candidate) = self.live_candidate(index) else {
                continue;
            };
            if candidate.start < pos {
                continue;
            }
            let Some(action) = self.classify(candidate) else {
                continue;
            };
            let prefix = text.get(pos..candidate.start).unwrap_or("");
            match action {
                Action::Continue(level) => {
                    self.release_held();
                    self.append_to_deepest(prefix, pos == 0);
                    self.continue_series(level, candidate);
                }
                Action::Start => {
                    let lead_in = if has_item {
                        self.append_to_deepest(prefix, false);
                        String::new()
                    } else {
                        join_paragraphs(&self.take_lead_in(), prefix)
                    };
                    self.start_series(index, candidate, &lead_in, has_item);
                }
            }
            pos = candidate.end;
            has_item = true;
        }
        let rest = text.get(pos..).unwrap_or("");
        if has_item {
            self.append_to_deepest(rest, false);
        } else {
            self.held.push(rest.to_string());
        }
    }

    /// The candidate at `index` unless it was rejected.
    fn live_candidate(&self, index: usize) -> Option<&'c Candidate> {
        let candidates: &'c [Candidate] = self.candidates;
        let rejected = self.rejected.get(index).copied().unwrap_or(false);
        candidates.get(index).filter(|_| !rejected)
    }

    /// Decides whether a candidate is an item, and of which series.
    fn classify(&self, candidate: &Candidate) -> Option<Action> {
        let continued = self
            .stack
            .iter()
            .rposition(|level| level.style == candidate.style && level.accepts(candidate.seq));
        match continued {
            Some(level) => Some(Action::Continue(level)),
            None => (candidate.seq == Seq::Nth(1)).then_some(Action::Start),
        }
    }

    /// Adds the next item to the open series at stack index `level`.
    fn continue_series(&mut self, level: usize, candidate: &Candidate) {
        self.stack.truncate(level + 1);
        let Some(container) = self.stack.last().map(|l| l.container) else {
            return;
        };
        let item = self.new_part(container, candidate);
        if let Some(top) = self.stack.last_mut() {
            top.item = item;
            top.item_inline = candidate.start > 0;
            top.advance(candidate.seq);
            if let Some(record) = self.records.get_mut(top.record) {
                record.items += 1;
            }
        }
    }

    /// Opens a new series with its first item.
    ///
    /// Nesting: a style never nests in itself; a heading style closes
    /// ordinal-word series and headings of its own rank or below; a series
    /// whose first marker is inside a paragraph that started without one
    /// closes the ordinal-word series (it begins a new passage, as "一是…"
    /// after a lead-in sentence does). Otherwise the new series belongs to
    /// the current item.
    fn start_series(&mut self, index: usize, candidate: &Candidate, lead_in: &str, has_item: bool) {
        let style = candidate.style;
        if let Some(level) = self.stack.iter().position(|l| l.style == style) {
            self.stack.truncate(level);
        }
        let inline_lead = candidate.start > 0 && !has_item;
        match style.heading_rank() {
            Some(rank) => self.pop_while(|top| top.heading_rank().is_none_or(|r| r >= rank)),
            None if inline_lead => self.pop_while(|top| !top.is_heading()),
            None => {}
        }
        let container = match self.stack.last().map(|l| l.item) {
            Some(item) => {
                self.append_to(item, lead_in, true);
                item
            }
            None => {
                let series = self.new_draft(NodeKind::Series, String::new(), lead_in.trim());
                self.roots.push(series);
                series
            }
        };
        self.records.push(SeriesRecord {
            first_candidate: index,
            items: 1,
            needs_two: !style.is_heading() || candidate.start > 0,
        });
        let item = self.new_part(container, candidate);
        let mut level = Level {
            style,
            last: 0,
            finished: false,
            container,
            item,
            item_inline: candidate.start > 0,
            record: self.records.len() - 1,
        };
        level.advance(candidate.seq);
        self.stack.push(level);
    }

    /// Pops open series while the innermost one's style satisfies `pop`.
    fn pop_while(&mut self, pop: impl Fn(Style) -> bool) {
        while self.stack.last().is_some_and(|top| pop(top.style)) {
            self.stack.pop();
        }
    }

    /// Creates a part for `candidate` under `container`.
    fn new_part(&mut self, container: usize, candidate: &Candidate) -> usize {
        let part = self.new_draft(NodeKind::Part, candidate.marker.clone(), "");
        if let Some(draft) = self.drafts.get_mut(part) {
            draft.style = Some(candidate.style);
        }
        if let Some(parent) = self.drafts.get_mut(container) {
            parent.children.push(part);
        }
        part
    }

    /// Adds a draft to the arena and returns its index.
    fn new_draft(&mut self, kind: NodeKind, marker: String, text: &str) -> usize {
        self.drafts.push(Draft {
            kind,
            marker,
            text: text.to_string(),
            style: None,
            children: Vec::new(),
        });
        self.drafts.len() - 1
    }

    /// Takes the held paragraph that introduces a new series (one ending
    /// with a colon) and places the other held paragraphs as usual.
    fn take_lead_in(&mut self) -> String {
        let introduces = self
            .held
            .last()
            .is_some_and(|p| p.ends_with('：') || p.ends_with(':'));
        let lead_in = if introduces { self.held.pop() } else { None };
        self.release_held();
        lead_in.unwrap_or_default()
    }

    /// Places held paragraphs that a marker follows: they continue the
    /// current item, preferring one whose marker opened its paragraph
    /// (an inline "三要" item does not own the next paragraph).
    fn release_held(&mut self) {
        let target = self
            .stack
            .iter()
            .rev()
            .find(|level| !level.item_inline)
            .or(self.stack.last())
            .map(|level| level.item);
        for paragraph in std::mem::take(&mut self.held) {
            match target {
                Some(item) => self.append_to(item, &paragraph, true),
                None => self.introduction.push(paragraph),
            }
        }
    }

    /// Places paragraphs after the last marker: the body of a bare heading
    /// item, or else paragraph nodes closing the last top-level series.
    fn place_trailing(&mut self) {
        for paragraph in std::mem::take(&mut self.held) {
            let deepest = self.stack.last().map(|level| level.item);
            let bare = deepest.filter(|&item| self.is_bare_heading(item));
            match (bare, self.roots.last().copied()) {
                (Some(item), _) => self.append_to(item, &paragraph, true),
                (None, Some(series)) => self.push_paragraph(series, &paragraph),
                (None, None) => self.introduction.push(paragraph),
            }
        }
    }

    /// Whether an item is only a heading line still waiting for its body.
    fn is_bare_heading(&self, item: usize) -> bool {
        self.drafts
            .get(item)
            .is_some_and(|d| d.children.is_empty() && !d.text.chars().any(is_sentence_end))
    }

    /// Appends text to the innermost item (or the introduction).
    fn append_to_deepest(&mut self, text: &str, new_paragraph: bool) {
        match self.stack.last().map(|level| level.item) {
            Some(item) => self.append_to(item, text, new_paragraph),
            None => self.append_to_introduction(text, new_paragraph),
        }
    }

    /// Appends text to the introduction.
    fn append_to_introduction(&mut self, text: &str, new_paragraph: bool) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        match self.introduction.last_mut() {
            Some(last) if !new_paragraph => last.push_str(text),
            _ => self.introduction.push(text.to_string()),
        }
    }

    /// Appends text to a node's own text, or — when the node already has
    /// children — as a paragraph node after them, so document order holds.
    fn append_to(&mut self, node: usize, text: &str, new_paragraph: bool) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let Some(draft) = self.drafts.get(node) else {
            return;
        };
        let last_child = draft.children.last().copied();
        let target = match last_child {
            None => Some(node),
            Some(child) if !new_paragraph && self.is_paragraph(child) => Some(child),
            Some(_) => None,
        };
        match target.and_then(|t| self.drafts.get_mut(t)) {
            Some(draft) => {
                if new_paragraph && !draft.text.is_empty() {
                    draft.text.push('\n');
                }
                draft.text.push_str(text);
            }
            None => self.push_paragraph(node, text),
        }
    }

    /// Whether a draft is a paragraph node.
    fn is_paragraph(&self, node: usize) -> bool {
        self.drafts
            .get(node)
            .is_some_and(|d| d.kind == NodeKind::Paragraph)
    }

    /// Adds a paragraph node with `text` under `parent`.
    fn push_paragraph(&mut self, parent: usize, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let paragraph = self.new_draft(NodeKind::Paragraph, String::new(), text);
        if let Some(draft) = self.drafts.get_mut(parent) {
            draft.children.push(paragraph);
        }
    }

    /// First candidates of series that are too weak to be real.
    fn weak_series(&self) -> Vec<usize> {
        self.records
            .iter()
            .filter(|r| r.needs_two && r.items < 2)
            .map(|r| r.first_candidate)
            .collect()
    }

    fn into_tree(self) -> Tree {
        Tree {
            drafts: self.drafts,
            roots: self.roots,
            introduction: self.introduction,
        }
    }
}

/// Joins two pieces of text as separate paragraphs, skipping empty ones.
fn join_paragraphs(first: &str, second: &str) -> String {
    let (first, second) = (first.trim(), second.trim());
    match (first.is_empty(), second.is_empty()) {
        (true, _) => second.to_string(),
        (_, true) => first.to_string(),
        _ => format!("{first}\n{second}"),
    }
}
