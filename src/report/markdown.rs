//! The gap report a reviewer reads in a pull request: summary, coverage matrix per
//! team, per-person load, findings by category, accepted risks.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::catalog::{Area, CATALOG};
use crate::finding::{Category, Finding, Severity};
use crate::lint::RunReport;
use crate::report::Emitter;
use crate::rules::CheckedFile;
use crate::rules::over_allocated::share_text;
use crate::rules::people_across;

pub struct MarkdownEmitter {
    pub options: crate::report::EmitOptions,
}

/// Text made safe for a Markdown table cell or paragraph.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\n' | '\r' => escaped.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' => {
                escaped.push('\\');
                escaped.push(character);
            }
            _ => escaped.push(character),
        }
    }
    escaped
}

/// A message or help text: its `code spans` stay code, everything else is escaped.
pub fn escape_prose(text: &str) -> String {
    if text.matches('`').count() % 2 == 1 {
        return escape(text);
    }
    let mut escaped = String::with_capacity(text.len());
    for (index, part) in text.split('`').enumerate() {
        if index % 2 == 1 {
            escaped.push('`');
            escaped.push_str(&part.replace(['\n', '\r'], " ").replace('|', "\\|"));
            escaped.push('`');
        } else {
            escaped.push_str(&escape(part));
        }
    }
    escaped
}

/// Inline code that stays inline code whatever it holds.
fn code(text: &str) -> String {
    let cleaned = text.replace(['\n', '\r'], " ").replace('|', "\\|");
    let fence = if cleaned.contains('`') { "`` " } else { "`" };
    let closing = if cleaned.contains('`') { " ``" } else { "`" };
    format!("{fence}{cleaned}{closing}")
}

fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("{count} {word}")
    } else {
        format!("{count} {word}s")
    }
}

fn location(finding: &Finding) -> String {
    let place = &finding.location;
    code(&format!("{}:{}:{}", place.path, place.start.line, place.start.column))
}

fn summary(report: &RunReport, out: &mut String) {
    let people: BTreeSet<&str> = report
        .files
        .iter()
        .flat_map(|file| file.people.keys().map(String::as_str))
        .collect();
    let roles: usize = report.files.iter().map(|file| file.role_count).sum();
    let verdict = match report.exit_code() {
        0 => "**Passed**",
        1 => "**Failed**",
        _ => "**Failed: some files could not be checked**",
    };
    let counts = report.summary;
    let _ = write!(
        out,
        "{verdict}: {} with {} and {} checked; {}, {}, {} info",
        plural(report.files.len(), "team"),
        plural(roles, "role"),
        plural(people.len(), "person").replace("persons", "people"),
        plural(counts.error, "error"),
        plural(counts.warning, "warning"),
        counts.info,
    );
    if counts.accepted > 0 {
        let _ = write!(out, "; {} accepted", counts.accepted);
    }
    if !report.input_errors.is_empty() {
        let _ = write!(
            out,
            "; {} could not be checked",
            plural(report.input_errors.len(), "file")
        );
    }
    out.push_str(".\n\n");
}

fn coverage(file: &CheckedFile, out: &mut String) {
    let Some(coverage) = &file.coverage else {
        return;
    };
    let _ = writeln!(out, "### {} ({})\n", escape(&file.team), code(&file.path));
    let _ = writeln!(
        out,
        "{} · {} · {}\n",
        plural(coverage.delivery_teams as usize, "delivery team"),
        coverage.methodology.name(),
        plural(coverage.roles.len(), "role")
    );
    if coverage.rows.is_empty() {
        out.push_str("No responsibilities to show.\n\n");
        return;
    }
    out.push_str("| responsibility | core |");
    for role in &coverage.roles {
        let holders = if role.holders.is_empty() {
            "*vacant*".to_string()
        } else {
            role.holders
                .iter()
                .map(|holder| escape(holder))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let scope = role
            .scope
            .as_ref()
            .map_or(String::new(), |scope| format!(" ({})", escape(scope)));
        let _ = write!(out, " {}{scope}<br>{holders} |", code(&role.id));
    }
    out.push_str(" status |\n|---|:-:|");
    for _ in &coverage.roles {
        out.push_str(":-:|");
    }
    out.push_str("---|\n");
    let mut area = None;
    for row in &coverage.rows {
        let entry = &CATALOG[row.responsibility];
        if area != Some(entry.area) {
            area = Some(entry.area);
            let _ = write!(out, "| **{}** | |", entry.area.name());
            for _ in &coverage.roles {
                out.push_str(" |");
            }
            out.push_str(" |\n");
        }
        let owners = coverage
            .owners(row)
            .iter()
            .map(|owner| escape(owner))
            .collect::<Vec<_>>()
            .join(", ");
        let status = if row.unowned {
            "**gap**: unowned".to_string()
        } else if row.shared {
            format!("**shared**: {owners}")
        } else if owners.is_empty() {
            "not owned".to_string()
        } else {
            owners
        };
        let _ = write!(
            out,
            "| {} {} | {} |",
            code(entry.id),
            escape(entry.name),
            if row.core { "✓" } else { "" }
        );
        for cell in &row.cells {
            let _ = write!(out, " {} |", cell.letters());
        }
        let _ = writeln!(out, " {status} |");
    }
    out.push('\n');
}

fn load_table(report: &RunReport, out: &mut String) {
    let people = people_across(&report.files);
    if people.is_empty() {
        return;
    }
    out.push_str("## Load per person\n\n| person | responsibilities owned | areas | allocation | teams |\n|---|--:|---|--:|---|\n");
    for (person, teams) in people {
        let owned: usize = teams.iter().map(|(_, team)| team.owned).sum();
        let areas: BTreeSet<Area> = teams.iter().flat_map(|(_, team)| team.areas.iter().copied()).collect();
        let allocation: f64 = teams
            .iter()
            .flat_map(|(_, team)| team.roles.iter())
            .map(|(_, share)| share)
            .sum();
        let area_names = areas.iter().map(|area| area.name()).collect::<Vec<_>>().join(", ");
        let team_names = teams
            .iter()
            .map(|(_, team)| escape(&team.team))
            .collect::<Vec<_>>()
            .join(", ");
        let flagged = if allocation > 1.0 + 1e-9 {
            format!("**{}**", share_text(allocation))
        } else {
            share_text(allocation)
        };
        let _ = writeln!(
            out,
            "| {} | {owned} | {area_names} | {flagged} | {team_names} |",
            escape(person)
        );
    }
    out.push('\n');
}

fn findings(report: &RunReport, out: &mut String) {
    out.push_str("## Findings\n\n");
    if report.findings.is_empty() {
        out.push_str("No findings.\n\n");
        return;
    }
    for category in Category::ALL {
        let in_category: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|finding| finding.category == category)
            .collect();
        if in_category.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### {} ({})\n", category.name(), in_category.len());
        for finding in in_category {
            let badge = match finding.severity {
                Severity::Error => "**error**",
                Severity::Warning => "**warning**",
                Severity::Info => "info",
            };
            let _ = writeln!(
                out,
                "- {badge} {} at {}: {}",
                code(finding.rule),
                location(finding),
                escape_prose(&finding.message)
            );
            if let Some(help) = &finding.help {
                let _ = writeln!(out, "  - help: {}", escape_prose(help));
            }
        }
        out.push('\n');
    }
}

fn accepted(report: &RunReport, out: &mut String) {
    if report.accepted.is_empty() {
        return;
    }
    out.push_str("## Accepted risks\n\n| rule | finding | reason | until | accepted at |\n|---|---|---|---|---|\n");
    for accepted in &report.accepted {
        let place = &accepted.accepted_at;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            code(accepted.finding.rule),
            escape_prose(&accepted.finding.message),
            escape(&accepted.reason),
            accepted.until.as_deref().unwrap_or("no end date"),
            code(&format!("{}:{}:{}", place.path, place.start.line, place.start.column)),
        );
    }
    out.push('\n');
}

fn input_errors(report: &RunReport, out: &mut String) {
    if report.input_errors.is_empty() {
        return;
    }
    out.push_str("## Files that could not be checked\n\n");
    for failure in &report.input_errors {
        for (position, error) in failure.located_messages() {
            let place = match position {
                Some(position) => format!("{}:{}:{}", failure.source.path, position.line, position.column),
                None => failure.source.path.to_string(),
            };
            let _ = write!(out, "- {}: {}", code(&place), escape_prose(&error.message));
            if let Some(help) = &error.help {
                let _ = write!(out, " (help: {})", escape_prose(help));
            }
            out.push('\n');
        }
    }
    out.push('\n');
}

/// The whole report as Markdown.
/// Writes the whole report. Each team's matrix is written as soon as it is rendered,
/// so a report of thousands of teams never sits in memory whole.
pub fn write(report: &RunReport, out: &mut dyn Write) -> io::Result<()> {
    let mut head = String::from("# charterlint gap report\n\n");
    summary(report, &mut head);
    if !report.files.is_empty() {
        head.push_str("## Coverage\n\nA: accountable (owns) · R: responsible (does) · C: consulted · I: informed. ");
        head.push_str("Core responsibilities are ticked; the last column names the owners, ");
        head.push_str(
            "a **gap** is a core responsibility nobody owns and **shared** means owners whose scopes overlap.\n\n",
        );
    }
    out.write_all(head.as_bytes())?;
    let mut block = String::new();
    for file in &report.files {
        block.clear();
        coverage(file, &mut block);
        out.write_all(block.as_bytes())?;
    }
    let mut tail = String::new();
    load_table(report, &mut tail);
    findings(report, &mut tail);
    accepted(report, &mut tail);
    input_errors(report, &mut tail);
    while tail.ends_with("\n\n") {
        tail.pop();
    }
    out.write_all(tail.as_bytes())
}

impl Emitter for MarkdownEmitter {
    fn emit(&self, report: &RunReport, out: &mut dyn Write) -> io::Result<()> {
        write(report, out)
    }
}
