//! Findings: what a rule reports, where, and about whom.

use crate::source::{Position, SourceFile, Span};

/// How serious a finding is. Ordered: info < warning < error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; fails a run only with `fail_on = "info"`.
    Info,
    /// Likely a problem; fails a run with `fail_on = "warning"` or `"info"`.
    Warning,
    /// A problem to fix; fails a run by default.
    Error,
}

impl Severity {
    /// The lowercase name reports and `[lint]` use: `info`, `warning` or `error`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The kind of problem a rule looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Nobody owns something that must be owned.
    Gap,
    /// One person carries too much.
    Overload,
    /// Ownership is shared or undefined.
    Boundary,
    /// A duty the linter cannot place on the catalog.
    Vocabulary,
    /// The charter's own accepted risks.
    Policy,
}

impl Category {
    /// Every category: gap, overload, boundary, vocabulary, policy.
    pub const ALL: [Category; 5] = [
        Category::Gap,
        Category::Overload,
        Category::Boundary,
        Category::Vocabulary,
        Category::Policy,
    ];

    /// The lowercase name reports use (`gap`, `overload`…).
    pub fn name(self) -> &'static str {
        match self {
            Category::Gap => "gap",
            Category::Overload => "overload",
            Category::Boundary => "boundary",
            Category::Vocabulary => "vocabulary",
            Category::Policy => "policy",
        }
    }
}

/// The source lines around a location, kept so reports can show them after the file
/// itself has been dropped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Excerpt {
    /// The line number of the first line of `text`.
    pub first_line: usize,
    /// The lines, or a window of a very long line marked with `…` where cut; without
    /// `\r`, and with other control characters as their control pictures.
    pub text: String,
    /// The exact place, as a byte range into `text`.
    pub span: Span,
    /// Whether `text` starts inside its first line (a window of a very long line), so
    /// a column counted from the start of `text` is not the column in the file.
    pub starts_mid_line: bool,
}

/// Lines longer than this are shown as a window around the place they point at.
const LONG_EXCERPT: usize = 1024;
/// Bytes of context kept on each side of the place in such a window.
const WINDOW_CONTEXT: usize = 240;

/// Where a finding or an error points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file, as the run names it; shared with its `SourceFile`.
    pub path: std::sync::Arc<str>,
    /// Where the place starts (1-based line and column).
    pub start: Position,
    /// Where the place ends: the position just past its last character.
    pub end: Position,
    /// The source lines around the place, kept for showing it.
    pub excerpt: Excerpt,
}

/// `path:line:column` of where the location starts.
impl std::fmt::Display for Location {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.place().fmt(formatter)
    }
}

impl Location {
    /// Where the location starts, as `path:line:column` when displayed.
    pub fn place(&self) -> crate::source::Place<'_> {
        crate::source::Place::new(&self.path, self.start)
    }

    /// The location of a byte range of a file, with its excerpt; a range outside the
    /// text or inside a character is clamped first.
    pub fn new(source: &SourceFile, span: &Span) -> Location {
        let span = &source.clamp(span);
        let lines = source.lines_around(span);
        let start = span.start.clamp(lines.start, lines.end);
        let end = span.end.clamp(start, lines.end);
        Location {
            path: source.path.clone(),
            start: source.position(span.start),
            end: source.position(span.end.max(span.start)),
            excerpt: without_carriage_returns(if lines.len() <= LONG_EXCERPT {
                Excerpt {
                    first_line: source.position(lines.start).line,
                    text: source.text[lines.clone()].to_string(),
                    span: start - lines.start..end - lines.start,
                    starts_mid_line: false,
                }
            } else {
                window(source, &lines, start..end)
            }),
        }
    }
}

/// The excerpt as a terminal or a SARIF viewer can show it: without the `\r` of
/// Windows line endings, which would show as a stray character at the end of every
/// line, and with other control characters as their control pictures (`␛`), so a
/// duty holding an escape sequence never reaches a terminal raw.
fn without_carriage_returns(excerpt: Excerpt) -> Excerpt {
    let hidden = crate::source::is_hidden_control;
    if !excerpt.text.contains(hidden) {
        return excerpt;
    }
    let mut text = String::with_capacity(excerpt.text.len());
    let (mut start, mut end) = (excerpt.span.start, excerpt.span.end);
    let bytes = excerpt.text.as_bytes();
    for (at, character) in excerpt.text.char_indices() {
        if !hidden(character) {
            text.push(character);
            continue;
        }
        let line_end = bytes.get(at + 1).is_none_or(|next| *next == b'\n');
        let replacement = if character == '\r' && line_end {
            None
        } else {
            Some(crate::source::visible(character))
        };
        let (old_length, new_length) = (character.len_utf8(), replacement.map_or(0, char::len_utf8));
        let shift = |offset: &mut usize, original: usize| {
            if at < original {
                *offset = *offset + new_length - old_length;
            }
        };
        shift(&mut start, excerpt.span.start);
        shift(&mut end, excerpt.span.end);
        text.extend(replacement);
    }
    Excerpt {
        text,
        span: start..end.max(start),
        ..excerpt
    }
}

/// A bounded piece of very long lines around `span`, marked with `…` where cut, so
/// that every finding on a minified file does not carry the whole file.
fn window(source: &SourceFile, lines: &Span, span: Span) -> Excerpt {
    let text = &source.text;
    let from = crate::source::floor_char_boundary(text, span.start.saturating_sub(WINDOW_CONTEXT).max(lines.start));
    // A long span is shown only in part; the cut must not split a character.
    let shown_end = crate::source::floor_char_boundary(text, span.end.min(span.start + LONG_EXCERPT)).max(span.start);
    let to = source
        .clamp(&(shown_end..(shown_end + WINDOW_CONTEXT).min(lines.end)))
        .end;
    let cut_start = from > lines.start;
    let prefix = if cut_start { "…" } else { "" };
    let suffix = if to < lines.end { "…" } else { "" };
    let offset = prefix.len();
    Excerpt {
        first_line: source.position(from).line,
        text: format!("{prefix}{}{suffix}", &text[from..to]),
        span: span.start - from + offset..shown_end.min(to) - from + offset,
        starts_mid_line: cut_start,
    }
}

/// One problem a rule found.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The name of the rule that found it (`unowned-responsibility`).
    pub rule: &'static str,
    /// The kind of problem, from the rule.
    pub category: Category,
    /// The severity after policy: the rule's default, unless `[lint] severity` or the
    /// rule itself sets another.
    pub severity: Severity,
    /// Lowercase, no final period; names the responsibility, the roles and the people.
    pub message: String,
    /// Where in the charter the finding points: the entry that causes it.
    pub location: Location,
    /// The catalog id of the responsibility the finding is about, if any.
    pub responsibility: Option<&'static str>,
    /// The role ids the finding is about; empty when it is about the team.
    pub roles: Vec<String>,
    /// The people the finding is about; empty when it names nobody.
    pub people: Vec<String>,
    /// How to fix it, when the rule has advice.
    pub help: Option<String>,
    /// The team the finding is about.
    pub team: String,
}

impl Finding {
    /// The order reports use: file, line, column, rule, then message for ties.
    pub fn sort_key(&self) -> (&str, usize, usize, &str, &str) {
        (
            &self.location.path,
            self.location.start.line,
            self.location.start.column,
            self.rule,
            &self.message,
        )
    }
}

/// A finding silenced by an accepted risk.
#[derive(Debug, Clone, PartialEq)]
pub struct AcceptedFinding {
    /// The finding as the rule reported it.
    pub finding: Finding,
    /// Why the risk is accepted, from the acceptance.
    pub reason: String,
    /// The acceptance's last day (YYYY-MM-DD); `None` when it does not expire.
    pub until: Option<String>,
    /// Where the acceptance is written.
    pub accepted_at: Location,
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Summary {
    /// Findings of severity error, accepted and known ones aside.
    pub error: usize,
    /// Findings of severity warning, accepted and known ones aside.
    pub warning: usize,
    /// Findings of severity info, accepted and known ones aside.
    pub info: usize,
    /// Findings silenced by an accepted risk (not in the counts above).
    pub accepted: usize,
    /// Findings a baseline knows (not in the counts above).
    pub known: usize,
}

impl Summary {
    /// Counts findings by severity; `accepted` is the number of accepted findings, kept
    /// apart.
    pub fn count(findings: &[Finding], accepted: usize) -> Summary {
        let mut summary = Summary {
            accepted,
            ..Summary::default()
        };
        for finding in findings {
            match finding.severity {
                Severity::Error => summary.error += 1,
                Severity::Warning => summary.warning += 1,
                Severity::Info => summary.info += 1,
            }
        }
        summary
    }
}

/// `1.0`, `0.5`, `0.25`, `1.0001`: a share of time as people write it, with as
/// many digits as it takes to show an excess (up to six).
pub fn share_text(share: f64) -> String {
    let text = format!("{share:.6}");
    let trimmed = text.trim_end_matches('0');
    if trimmed.ends_with('.') {
        format!("{trimmed}0")
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_kept_whole() {
        let source = SourceFile::new("t", "name = \"Checkout\"\n".to_string());
        let location = Location::new(&source, &(7..17));
        assert_eq!(location.excerpt.text, "name = \"Checkout\"");
        assert!(!location.excerpt.starts_mid_line);
        assert_eq!(&location.excerpt.text[location.excerpt.span.clone()], "\"Checkout\"");
    }

    #[test]
    fn very_long_lines_become_a_window_around_the_place() {
        let text = format!("{}\"target\"{}", "x".repeat(100_000), "y".repeat(100_000));
        let source = SourceFile::new("t", text);
        let location = Location::new(&source, &(100_000..100_008));
        let excerpt = &location.excerpt;
        assert!(excerpt.text.len() < 2 * WINDOW_CONTEXT + 16, "{}", excerpt.text.len());
        assert!(excerpt.starts_mid_line);
        assert!(excerpt.text.starts_with('…') && excerpt.text.ends_with('…'));
        assert_eq!(&excerpt.text[excerpt.span.clone()], "\"target\"");
        assert_eq!(
            location.start,
            Position {
                line: 1,
                column: 100_001
            }
        );
    }

    #[test]
    fn a_long_span_is_cut_on_a_character_boundary() {
        // The span is longer than a window and its cut falls inside a two-byte character.
        let text = format!("{}[{}]{}", "x".repeat(2_000), "é".repeat(2_000), "y".repeat(2_000));
        let source = SourceFile::new("t", text);
        let location = Location::new(&source, &(2_000..2_000 + 2 + "é".len() * 2_000));
        let excerpt = &location.excerpt;
        assert!(excerpt.text.is_char_boundary(excerpt.span.start) && excerpt.text.is_char_boundary(excerpt.span.end));
        assert!(excerpt.text[excerpt.span.clone()].starts_with("[é"));
    }

    #[test]
    fn windows_cut_on_character_boundaries() {
        let text = format!("{}\"é\"{}", "é".repeat(5_000), "ü".repeat(5_000));
        let source = SourceFile::new("t", text);
        let at = "é".len() * 5_000;
        let location = Location::new(&source, &(at..at + 4));
        assert_eq!(&location.excerpt.text[location.excerpt.span.clone()], "\"é\"");
        assert_eq!(location.start.column, 5_001);
    }
}
