//! `charterlint diff` as people and programs read it: plain text, JSON, and Markdown
//! written to be posted as a pull-request comment, which GitHub caps at 65,536
//! characters; a larger change is summarized rather than cut off mid-table.

use std::fmt::Write as _;

use crate::diff::{Changes, CharterChange};
use crate::finding::{Finding, share_text};
use crate::report::markdown::{cell, escape, prose};
use crate::report::plural;

/// GitHub refuses a comment longer than this many characters.
pub const COMMENT_LIMIT: usize = 65_536;
/// Room kept for the closing note of a summarized comment.
const COMMENT_BUDGET: usize = COMMENT_LIMIT - 2_000;

fn headline(changes: &Changes<'_>) -> String {
    if changes.is_empty() {
        return "no change to ownership or findings".to_string();
    }
    let mut parts = vec![
        format!("{} introduced", plural(changes.introduced.len(), "finding")),
        format!("{} resolved", changes.resolved.len()),
        plural(changes.raci.len(), "ownership change"),
    ];
    if !changes.statuses.is_empty() {
        parts.push(format!(
            "{} newly unowned or shared",
            plural(
                changes
                    .statuses
                    .iter()
                    .filter(|status| matches!(status.after, "unowned" | "shared"))
                    .count(),
                "responsibility"
            )
        ));
    }
    if !changes.loads.is_empty() {
        parts.push(format!("{} with a changed load", plural(changes.loads.len(), "person")));
    }
    if !changes.charters.is_empty() {
        parts.push(format!(
            "{} added, removed or renamed",
            plural(changes.charters.len(), "charter")
        ));
    }
    parts.join(", ")
}

fn letters(text: &str) -> &str {
    if text.is_empty() { "none" } else { text }
}

/// A path as the user named it, without a leading `./`.
fn shown(path: &str) -> &str {
    path.trim_start_matches("./")
}

fn charter_line(change: &CharterChange) -> String {
    match change {
        CharterChange::Added { path, team } => format!("added `{}` (team `{team}`)", shown(path)),
        CharterChange::Removed { path, team } => format!("removed `{}` (team `{team}`)", shown(path)),
        CharterChange::Renamed { from, to, team } => {
            format!("renamed `{}` to `{}` (team `{team}`)", shown(from), shown(to))
        }
    }
}

fn finding_line(finding: &Finding) -> String {
    let place = &finding.location;
    format!(
        "{}: {}[{}]: {}",
        crate::source::Place::new(shown(&place.path), place.start),
        finding.severity.name(),
        finding.rule,
        finding.message
    )
}

/// The change as plain text, one line a change.
pub fn text(changes: &Changes<'_>) -> String {
    let mut out = String::new();
    for change in &changes.charters {
        let _ = writeln!(out, "charter {}", crate::report::printable(&charter_line(change)));
    }
    for finding in &changes.introduced {
        let _ = writeln!(out, "+ {}", crate::report::printable(&finding_line(finding)));
    }
    for finding in &changes.resolved {
        let _ = writeln!(out, "- {}", crate::report::printable(&finding_line(finding)));
    }
    for change in &changes.raci {
        let _ = writeln!(
            out,
            "team `{}`: `{}` {}: {} -> {}",
            crate::report::printable(&change.team),
            change.responsibility,
            crate::report::printable(&change.person),
            letters(&change.before),
            letters(&change.after)
        );
    }
    for status in &changes.statuses {
        let _ = writeln!(
            out,
            "team `{}`: `{}` was {}, is {}",
            crate::report::printable(&status.team),
            status.responsibility,
            status.before,
            status.after
        );
    }
    for load in &changes.loads {
        let _ = writeln!(
            out,
            "person `{}`: allocation {} -> {}, teams {} -> {}, accountabilities {} -> {}",
            crate::report::printable(&load.person),
            share_text(load.allocation_before),
            share_text(load.allocation_after),
            load.teams_before,
            load.teams_after,
            load.accountabilities_before,
            load.accountabilities_after
        );
    }
    let _ = writeln!(out, "{}", headline(changes));
    out
}

#[derive(serde::Serialize)]
struct JsonFinding<'a> {
    rule: &'static str,
    severity: crate::finding::Severity,
    message: &'a str,
    path: &'a str,
    line: usize,
    column: usize,
    team: &'a str,
}

fn json_finding<'a>(finding: &'a Finding) -> JsonFinding<'a> {
    JsonFinding {
        rule: finding.rule,
        severity: finding.severity,
        message: &finding.message,
        path: &finding.location.path,
        line: finding.location.start.line,
        column: finding.location.start.column,
        team: &finding.team,
    }
}

#[derive(serde::Serialize)]
struct JsonChanges<'a> {
    version: u32,
    summary: String,
    failed: bool,
    charters: &'a [CharterChange],
    introduced: Vec<JsonFinding<'a>>,
    resolved: Vec<JsonFinding<'a>>,
    raci: &'a [crate::diff::RaciChange],
    statuses: &'a [crate::diff::StatusChange],
    loads: &'a [crate::diff::LoadChange],
}

/// The change as one JSON document.
pub fn json(changes: &Changes<'_>) -> String {
    let document = JsonChanges {
        version: 1,
        summary: headline(changes),
        failed: changes.failed,
        charters: &changes.charters,
        introduced: changes.introduced.iter().map(|finding| json_finding(finding)).collect(),
        resolved: changes.resolved.iter().map(|finding| json_finding(finding)).collect(),
        raci: &changes.raci,
        statuses: &changes.statuses,
        loads: &changes.loads,
    };
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// Appends lines while they fit the comment; counts the ones that did not.
struct Comment {
    out: String,
    left_out: usize,
}

impl Comment {
    /// A heading and its lines, then a blank line; nothing when there are no lines.
    fn section(&mut self, heading: &str, lines: impl Iterator<Item = String>) {
        let mut lines = lines.peekable();
        if lines.peek().is_none() {
            return;
        }
        self.line(heading);
        for line in lines {
            self.line(&line);
        }
        self.line("");
    }

    fn line(&mut self, line: &str) {
        if self.out.chars().count() + line.chars().count() + 1 > COMMENT_BUDGET {
            self.left_out += 1;
        } else {
            self.out.push_str(line);
            self.out.push('\n');
        }
    }
}

/// The change as a pull-request comment, at most [`COMMENT_LIMIT`] characters.
pub fn markdown(changes: &Changes<'_>) -> String {
    let mark = if changes.failed { "❌" } else { "✅" };
    let mut comment = Comment {
        out: format!(
            "## {mark} charterlint: what this change does to ownership\n\n{}.\n\n",
            escape(&headline(changes))
        ),
        left_out: 0,
    };
    comment.section(
        "### Findings introduced\n",
        changes.introduced.iter().map(|finding| {
            let place = &finding.location;
            format!(
                "- **{}** `{}` in `{}` line {}: {}",
                finding.severity.name(),
                finding.rule,
                crate::report::printable(shown(&place.path)),
                place.start.line,
                prose(&finding.message, false)
            )
        }),
    );
    comment.section(
        "### Findings resolved\n",
        changes.resolved.iter().map(|finding| {
            format!(
                "- ~~{}~~ `{}`: {}",
                finding.severity.name(),
                finding.rule,
                prose(&finding.message, false)
            )
        }),
    );
    comment.section(
        "### Responsibilities that changed state\n\n| team | responsibility | before | after |\n|---|---|---|---|",
        changes.statuses.iter().map(|status| {
            let after = if matches!(status.after, "unowned" | "shared") {
                format!("**{}**", status.after)
            } else {
                status.after.to_string()
            };
            format!(
                "| {} | `{}` | {} | {after} |",
                cell(&status.team),
                status.responsibility,
                status.before
            )
        }),
    );
    comment.section(
        "### Who gained or lost what\n\n| team | responsibility | person | before | after |\n|---|---|---|---|---|",
        changes.raci.iter().map(|change| {
            format!(
                "| {} | `{}` | {} | {} | {} |",
                cell(&change.team),
                change.responsibility,
                cell(&change.person),
                letters(&change.before),
                letters(&change.after)
            )
        }),
    );
    comment.section(
        "### Loads that changed\n\n| person | allocation | teams | accountabilities |\n|---|---|---|---|",
        changes.loads.iter().map(|load| {
            format!(
                "| {} | {} → {} | {} → {} | {} → {} |",
                cell(&load.person),
                share_text(load.allocation_before),
                share_text(load.allocation_after),
                load.teams_before,
                load.teams_after,
                load.accountabilities_before,
                load.accountabilities_after
            )
        }),
    );
    comment.section(
        "### Charters\n",
        changes
            .charters
            .iter()
            .map(|change| format!("- {}", prose(&charter_line(change), false))),
    );
    let mut out = comment.out;
    if comment.left_out > 0 {
        let _ = writeln!(
            out,
            "\n*{} left out to fit a comment; `charterlint diff --format json` lists every change.*",
            plural(comment.left_out, "line")
        );
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
