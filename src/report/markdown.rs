//! The gap report a reviewer reads in a pull request or a job summary. It opens with
//! the verdict and, for several teams, the organisation view (which responsibilities
//! are left unowned most often, who carries the most, which teams fail); then the
//! findings grouped by team, failing teams first, each linked to its line; then each
//! team's coverage matrix, folded, worst first. It stays under GitHub's 1 MiB job
//! summary limit whatever the size of the organisation: past its budget a section
//! says how much it left out.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::finding::{Finding, Severity, share_text};
use crate::lint::RunReport;
use crate::report::overview::{Overview, TeamStatus};
use crate::report::{EmitOptions, Emitter, plural};

/// Writes the Markdown report (`--format markdown`).
pub struct MarkdownEmitter {
    /// `root` for linking each finding to its line, `matrix_limit` for which teams'
    /// coverage matrices to show.
    pub options: EmitOptions,
}

/// GitHub's limit for a job summary is 1 MiB; the report keeps well under it.
pub const SIZE_LIMIT: usize = 1_000_000;
/// What the findings section may take of it, so the matrices still get a share.
const FINDINGS_BUDGET: usize = 600_000;
/// Rows of the organisation tables.
const TOP_ROWS: usize = 10;
/// Clean teams named one by one; past this they are counted.
const NAMED_CLEAN_TEAMS: usize = 200;

/// Text for a paragraph, a list item or a heading: Markdown's punctuation escaped,
/// `&` as an entity, line breaks as spaces and control characters made visible.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in crate::report::printable(&one_line(text)).chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' | '!' => {
                escaped.push('\\');
                escaped.push(character);
            }
            _ => escaped.push(character),
        }
    }
    escaped
}

/// Text on one line: a line break of any kind becomes a space.
fn one_line(text: &str) -> String {
    text.replace("\r\n", " ").replace(['\n', '\r'], " ")
}

/// Text inside an HTML element such as `<summary>`, where Markdown is not read:
/// HTML's special characters as entities.
fn html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in crate::report::printable(&one_line(text)).chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            _ => escaped.push(character),
        }
    }
    escaped
}

/// Text for a table cell: as [`escape`], and `|` escaped, which only a table needs.
pub fn cell(text: &str) -> String {
    escape(text).replace('|', "\\|")
}

/// Inline code that stays inline code whatever it holds; in a table a `|` must be
/// escaped even inside code, elsewhere a backslash would show.
fn code(text: &str, in_table: bool) -> String {
    let mut cleaned = crate::report::printable(&one_line(text)).into_owned();
    if in_table {
        cleaned = cleaned.replace('|', "\\|");
    }
    if cleaned.contains('`') {
        format!("`` {cleaned} ``")
    } else {
        format!("`{cleaned}`")
    }
}

/// A message or help text: its `code spans` stay code, everything else is escaped.
pub(crate) fn prose(text: &str, in_table: bool) -> String {
    if text.matches('`').count() % 2 == 1 {
        return if in_table { cell(text) } else { escape(text) };
    }
    let mut escaped = String::with_capacity(text.len());
    for (index, part) in text.split('`').enumerate() {
        if index % 2 == 1 {
            escaped.push_str(&code(part, in_table));
        } else if in_table {
            escaped.push_str(&cell(part));
        } else {
            escaped.push_str(&escape(part));
        }
    }
    escaped
}

/// A link destination: the characters a Markdown link cannot hold percent-encoded.
fn destination(path: &str) -> String {
    let mut encoded = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            encoded.push(byte as char);
        } else {
            let _ = write!(encoded, "%{byte:02X}");
        }
    }
    encoded
}

/// `path:line:column` as code, linked to the line (`path#L12`) when the file lies in
/// the repository, so a reviewer lands on it.
fn place(place: crate::source::Place<'_>, options: &EmitOptions) -> String {
    let shown = code(&place.to_string(), false);
    if crate::report::is_outside(place.path, &options.root) {
        return shown;
    }
    let relative = crate::report::repository_path(place.path, &options.root);
    format!("[{shown}]({}#L{})", destination(&relative), place.position.line)
}

fn severity_badge(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "**error**",
        Severity::Warning => "**warning**",
        Severity::Info => "info",
    }
}

fn status_mark(team: &TeamStatus<'_>) -> &'static str {
    match team.verdict() {
        "failing" => "❌",
        "warnings" => "⚠️",
        "notes" => "ℹ️",
        _ => "✅",
    }
}

/// "2 errors, 1 warning", or "no findings".
fn counts(errors: usize, warnings: usize, infos: usize) -> String {
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(plural(errors, "error"));
    }
    if warnings > 0 {
        parts.push(plural(warnings, "warning"));
    }
    if infos > 0 {
        parts.push(format!("{infos} info"));
    }
    if parts.is_empty() {
        "no findings".to_string()
    } else {
        parts.join(", ")
    }
}

fn verdict(report: &RunReport, overview: &Overview<'_>, out: &mut String) {
    let people: std::collections::BTreeSet<&str> = report
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
    let summary = report.summary;
    let _ = write!(
        out,
        "{verdict}: {} with {} and {} checked; {}",
        plural(report.files.len(), "team"),
        plural(roles, "role"),
        plural(people.len(), "person"),
        counts(summary.error, summary.warning, summary.info),
    );
    if summary.accepted > 0 {
        let _ = write!(out, "; {} accepted", summary.accepted);
    }
    if summary.known > 0 {
        let _ = write!(out, "; {} known from the baseline", summary.known);
    }
    if !report.input_errors.is_empty() {
        let _ = write!(
            out,
            "; {} could not be checked",
            plural(report.input_errors.len(), "file")
        );
    }
    if report.files.len() > 1 {
        let _ = write!(out, " ({} failing, {} clean)", overview.failing(), overview.clean());
    }
    out.push_str(".\n\n");
}

fn organisation(overview: &Overview<'_>, out: &mut String) {
    out.push_str("## Organisation\n\n");
    let gaps: Vec<_> = overview
        .heat
        .iter()
        .filter(|row| row.unowned_in + row.shared_in > 0)
        .collect();
    if gaps.is_empty() {
        out.push_str("Every core responsibility has one owner in every team.\n\n");
    } else {
        out.push_str("### Responsibilities left unowned or shared\n\n| area | responsibility | core in | unowned in | shared in |\n|---|---|--:|--:|--:|\n");
        let mut rows = gaps.clone();
        rows.sort_by(|left, right| {
            left.responsibility
                .entry()
                .area
                .cmp(&right.responsibility.entry().area)
                .then((right.unowned_in + right.shared_in).cmp(&(left.unowned_in + left.shared_in)))
                .then(left.responsibility.cmp(&right.responsibility))
        });
        for row in rows {
            let entry = &row.responsibility.entry();
            let heat = |count: usize| {
                if count == 0 {
                    String::new()
                } else {
                    format!("**{count}**")
                }
            };
            let _ = writeln!(
                out,
                "| {} | {} {} | {} | {} | {} |",
                entry.area.name(),
                code(entry.id, true),
                cell(entry.name),
                plural(row.core_in, "team"),
                heat(row.unowned_in),
                heat(row.shared_in)
            );
        }
        out.push('\n');
    }
    let heavy: Vec<_> = overview
        .loads
        .iter()
        .filter(|load| load.teams.len() > 1 || load.overloaded)
        .take(TOP_ROWS)
        .collect();
    if !heavy.is_empty() {
        out.push_str("### Highest loads across teams\n\n| person | allocation | teams | accountabilities | overloaded |\n|---|--:|---|--:|:-:|\n");
        for load in heavy {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                cell(load.person),
                share_text(load.allocation),
                load.teams.iter().map(|team| cell(team)).collect::<Vec<_>>().join(", "),
                load.accountabilities,
                if load.overloaded { "**yes**" } else { "" }
            );
        }
        out.push('\n');
    }
    let worst: Vec<_> = overview
        .teams
        .iter()
        .filter(|team| !team.findings.is_empty())
        .take(TOP_ROWS)
        .collect();
    if !worst.is_empty() {
        out.push_str("### Teams with the most serious findings\n\n| team | file | status | errors | warnings | info |\n|---|---|---|--:|--:|--:|\n");
        for team in worst {
            let _ = writeln!(
                out,
                "| {} {} | {} | {} | {} | {} | {} |",
                status_mark(team),
                cell(&team.file.team),
                code(&team.file.path, true),
                team.verdict(),
                team.errors,
                team.warnings,
                team.infos
            );
        }
        out.push('\n');
    }
}

fn finding_item(finding: &Finding, options: &EmitOptions, out: &mut String) {
    let location = &finding.location;
    let _ = writeln!(
        out,
        "- {} {} {}: {}",
        severity_badge(finding.severity),
        code(finding.rule, false),
        place(location.place(), options),
        prose(&finding.message, false)
    );
    if let Some(help) = &finding.help {
        let _ = writeln!(out, "  - help: {}", prose(help, false));
    }
}

fn findings(overview: &Overview<'_>, options: &EmitOptions, out: &mut String) {
    out.push_str("## Findings\n\n");
    let start = out.len();
    let with_findings: Vec<&TeamStatus<'_>> = overview.teams.iter().filter(|team| !team.findings.is_empty()).collect();
    if with_findings.is_empty() && overview.org_findings.is_empty() {
        out.push_str("No findings.\n\n");
    }
    let mut left_out = (0usize, 0usize);
    for team in with_findings {
        if out.len() - start > FINDINGS_BUDGET {
            left_out.0 += 1;
            left_out.1 += team.findings.len();
            continue;
        }
        let _ = writeln!(
            out,
            "### {} {} ({}): {}\n",
            status_mark(team),
            escape(&team.file.team),
            code(&team.file.path, false),
            counts(team.errors, team.warnings, team.infos)
        );
        for finding in &team.findings {
            finding_item(finding, options, out);
        }
        out.push('\n');
    }
    if !overview.org_findings.is_empty() {
        out.push_str("### Organisation policy\n\n");
        for finding in &overview.org_findings {
            finding_item(finding, options, out);
        }
        out.push('\n');
    }
    if left_out.0 > 0 {
        let _ = writeln!(
            out,
            "{} of {} more are left out to keep this report readable; the JSON, SARIF or HTML report lists every one.\n",
            plural(left_out.1, "finding"),
            plural(left_out.0, "team")
        );
    }
    let clean: Vec<&TeamStatus<'_>> = overview.teams.iter().filter(|team| team.findings.is_empty()).collect();
    if clean.is_empty() || overview.teams.len() == 1 {
        return;
    }
    let _ = write!(
        out,
        "<details><summary>✅ {} with no findings</summary>\n\n",
        plural(clean.len(), "team")
    );
    for team in clean.iter().take(NAMED_CLEAN_TEAMS) {
        let _ = writeln!(out, "- {} ({})", escape(&team.file.team), code(&team.file.path, false));
    }
    if clean.len() > NAMED_CLEAN_TEAMS {
        let _ = writeln!(out, "- and {} more", plural(clean.len() - NAMED_CLEAN_TEAMS, "team"));
    }
    out.push_str("\n</details>\n\n");
}

fn load_table(overview: &Overview<'_>, out: &mut String) {
    if overview.loads.is_empty() {
        return;
    }
    out.push_str("## Load per person\n\n| person | allocation | teams | accountabilities | overloaded |\n|---|--:|---|--:|:-:|\n");
    for load in &overview.loads {
        let allocation = share_text(load.allocation);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(load.person),
            if load.allocation > 1.0 + 1e-9 {
                format!("**{allocation}**")
            } else {
                allocation
            },
            load.teams.iter().map(|team| cell(team)).collect::<Vec<_>>().join(", "),
            load.accountabilities,
            if load.overloaded { "**yes**" } else { "" }
        );
    }
    out.push('\n');
}

/// One team's coverage matrix, folded under its status.
fn matrix(team: &TeamStatus<'_>, out: &mut String) {
    let file = team.file;
    let Some(coverage) = &file.coverage else {
        return;
    };
    let _ = write!(
        out,
        "<details><summary>{} {} (<code>{}</code>): {}</summary>\n\n",
        status_mark(team),
        html(&file.team),
        html(&file.path),
        counts(team.errors, team.warnings, team.infos)
    );
    let _ = writeln!(
        out,
        "{} · {} · {}\n",
        plural(coverage.delivery_teams as usize, "delivery team"),
        coverage.methodology.name(),
        plural(coverage.roles.len(), "role")
    );
    if coverage.rows.is_empty() {
        out.push_str("No responsibilities to show.\n\n</details>\n\n");
        return;
    }
    out.push_str("| responsibility | core |");
    for role in &coverage.roles {
        let holders = if role.holders.is_empty() {
            "*vacant*".to_string()
        } else {
            role.holders
                .iter()
                .map(|holder| cell(holder))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let scope = role
            .scope
            .as_ref()
            .map_or(String::new(), |scope| format!(" ({})", cell(scope)));
        let _ = write!(out, " {}{scope}<br>{holders} |", code(&role.id, true));
    }
    out.push_str(" status |\n|---|:-:|");
    for _ in &coverage.roles {
        out.push_str(":-:|");
    }
    out.push_str("---|\n");
    let mut area = None;
    for row in &coverage.rows {
        let entry = &row.responsibility.entry();
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
            .map(|owner| cell(owner))
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
            code(entry.id, true),
            cell(entry.name),
            if row.core { "✓" } else { "" }
        );
        for raci in &row.cells {
            let _ = write!(out, " {} |", raci.letters());
        }
        let _ = writeln!(out, " {status} |");
    }
    out.push_str("\n</details>\n\n");
}

fn matrices(overview: &Overview<'_>, options: &EmitOptions, out: &mut String) {
    if overview.teams.iter().all(|team| team.file.coverage.is_none()) {
        return;
    }
    out.push_str("## Coverage\n\nA: accountable (owns) · R: responsible (does) · C: consulted · I: informed. ");
    out.push_str("Core responsibilities are ticked; the last column names the owners, ");
    out.push_str(
        "a **gap** is a core responsibility nobody owns and **shared** means owners whose scopes overlap.\n\n",
    );
    let all = overview.teams.len() <= options.matrix_limit;
    let mut left_out = 0;
    for team in &overview.teams {
        let shown = (all || team.failing) && out.len() < SIZE_LIMIT - 100_000;
        if shown {
            matrix(team, out);
        } else {
            left_out += 1;
        }
    }
    if left_out > 0 {
        let _ = writeln!(
            out,
            "{} without a matrix here{}; the HTML report (`--format html`) has every team's.\n",
            plural(left_out, "team"),
            if all {
                ""
            } else {
                " (only failing teams get one past --matrices teams)"
            }
        );
    }
}

fn accepted(report: &RunReport, options: &EmitOptions, out: &mut String) {
    if report.accepted.is_empty() {
        return;
    }
    out.push_str("## Accepted risks\n\n| rule | finding | reason | until | accepted at |\n|---|---|---|---|---|\n");
    let mut left_out = 0;
    for accepted in &report.accepted {
        if out.len() > SIZE_LIMIT - 50_000 {
            left_out += 1;
            continue;
        }
        let at = &accepted.accepted_at;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            code(accepted.finding.rule, true),
            prose(&accepted.finding.message, true),
            cell(&accepted.reason),
            accepted.until.as_deref().unwrap_or("no end date"),
            place(at.place(), options).replace('|', "\\|"),
        );
    }
    out.push('\n');
    if left_out > 0 {
        let _ = writeln!(out, "{} more accepted risks are left out.\n", left_out);
    }
}

fn input_errors(report: &RunReport, options: &EmitOptions, out: &mut String) {
    if report.input_errors.is_empty() {
        return;
    }
    out.push_str("## Files that could not be checked\n\n");
    for failure in &report.input_errors {
        for (position, error) in failure.located_messages() {
            let at = match position {
                Some(position) => place(crate::source::Place::new(&failure.source.path, position), options),
                None => code(&failure.source.path, false),
            };
            let _ = write!(out, "- {at}: {}", prose(&error.message, false));
            if let Some(help) = &error.help {
                let _ = write!(out, " (help: {})", prose(help, false));
            }
            out.push('\n');
        }
    }
    out.push('\n');
}

/// The whole report as Markdown, at most [`SIZE_LIMIT`] bytes.
pub fn render(report: &RunReport, options: &EmitOptions) -> String {
    let overview = Overview::new(report);
    let mut out = String::from("# charterlint gap report\n\n");
    verdict(report, &overview, &mut out);
    if report.files.len() > 1 {
        organisation(&overview, &mut out);
    }
    // Files that could not be checked come early: a reviewer must not miss them.
    input_errors(report, options, &mut out);
    findings(&overview, options, &mut out);
    if report.files.len() <= options.matrix_limit {
        load_table(&overview, &mut out);
    }
    matrices(&overview, options, &mut out);
    accepted(report, options, &mut out);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

impl From<crate::report::EmitOptions> for MarkdownEmitter {
    fn from(options: crate::report::EmitOptions) -> Self {
        MarkdownEmitter { options }
    }
}

impl Emitter for MarkdownEmitter {
    fn emit(&self, report: &RunReport, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(render(report, &self.options).as_bytes())
    }
}
