//! The machine report: one JSON document; its schema is `schemas/report.schema.json`.

use std::io::{self, Write};

use schemars::JsonSchema;
use serde::Serialize;

use crate::finding::{Category, Finding, Severity, Summary};
use crate::lint::RunReport;
use crate::report::Emitter;

/// Writes the JSON report (`--format json`).
pub struct JsonEmitter;

/// The JSON report of a `charterlint check` run.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "charterlint report")]
pub struct JsonReport<'a> {
    /// Version of this report format.
    pub version: u32,
    /// Every charter checked, in path order.
    pub files: Vec<JsonFile<'a>>,
    /// Findings, sorted by path, line, column and rule.
    pub findings: Vec<JsonFinding<'a>>,
    /// Findings silenced by an accepted risk, with the reason.
    pub accepted: Vec<JsonAccepted<'a>>,
    /// Findings the `--baseline` knows: they never fail the run.
    pub known: Vec<JsonFinding<'a>>,
    /// Files that could not be read or are not valid charters.
    pub errors: Vec<JsonInputError<'a>>,
    /// Counts of `findings` by severity, and of `accepted`.
    pub summary: Summary,
}

/// One charter checked.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonFile<'a> {
    /// The path as given or found while walking a folder.
    pub path: &'a str,
    /// The team's name, from the charter.
    pub team: &'a str,
    /// How many roles the charter lists.
    pub roles: usize,
}

/// One finding.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonFinding<'a> {
    /// The name of the rule that found it.
    pub rule: &'a str,
    /// The kind of problem, from the rule.
    pub category: Category,
    /// The severity after policy.
    pub severity: Severity,
    /// Lowercase, no final period; names the responsibility, the roles and the people.
    pub message: &'a str,
    /// The charter the finding points into.
    pub path: &'a str,
    /// 1-based line of the entry that causes the finding.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// 1-based line where the entry that causes the finding ends.
    pub end_line: usize,
    /// 1-based column just past the end of the entry, in characters.
    pub end_column: usize,
    /// The team the finding is about; empty for a finding in no charter (about the
    /// org-wide policy or the baseline).
    pub team: &'a str,
    /// The catalog id of the responsibility the finding is about; absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responsibility: Option<&'a str>,
    /// The role ids the finding is about; empty when it is about the team.
    pub roles: &'a [String],
    /// The people the finding is about; empty when it names nobody.
    pub people: &'a [String],
    /// How to fix it; absent when the rule has no advice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
}

impl<'a> JsonFinding<'a> {
    /// The finding as the report writes it, borrowing from it.
    pub fn new(finding: &'a Finding) -> Self {
        let location = &finding.location;
        JsonFinding {
            rule: finding.rule,
            category: finding.category,
            severity: finding.severity,
            message: &finding.message,
            path: &location.path,
            line: location.start.line,
            column: location.start.column,
            end_line: location.end.line,
            end_column: location.end.column,
            team: &finding.team,
            responsibility: finding.responsibility,
            roles: &finding.roles,
            people: &finding.people,
            help: finding.help.as_deref(),
        }
    }
}

/// A finding silenced by an accepted risk.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonAccepted<'a> {
    /// The finding the acceptance silenced.
    pub finding: JsonFinding<'a>,
    /// Why the risk is accepted.
    pub reason: &'a str,
    /// The acceptance's last day (YYYY-MM-DD); absent when it does not expire.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<&'a str>,
    /// Where the acceptance is written: `path:line:column`.
    pub accepted_at: String,
}

/// A file that could not be used.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonInputError<'a> {
    /// The path as given or found while walking a folder.
    pub path: &'a str,
    /// 1-based line of the error; absent when the file could not be read at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column of the error, in characters; absent along with `line`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// What is wrong.
    pub message: &'a str,
    /// How to fix it; absent when there is no advice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
}

/// Every message of every file that could not be used, with its position.
pub fn input_errors(report: &RunReport) -> Vec<JsonInputError<'_>> {
    report
        .input_errors
        .iter()
        .flat_map(|failure| {
            failure
                .located_messages()
                .into_iter()
                .map(move |(position, error)| JsonInputError {
                    path: &failure.source.path,
                    line: position.map(|position| position.line),
                    column: position.map(|position| position.column),
                    message: &error.message,
                    help: error.help.as_deref(),
                })
        })
        .collect()
}

impl<'a> JsonReport<'a> {
    /// The report of a run, borrowing from it.
    pub fn new(report: &'a RunReport) -> Self {
        JsonReport {
            version: 1,
            files: report
                .files
                .iter()
                .map(|file| JsonFile {
                    path: &file.path,
                    team: &file.team,
                    roles: file.role_count,
                })
                .collect(),
            findings: report.findings.iter().map(JsonFinding::new).collect(),
            accepted: report
                .accepted
                .iter()
                .map(|accepted| JsonAccepted {
                    finding: JsonFinding::new(&accepted.finding),
                    reason: &accepted.reason,
                    until: accepted.until.as_deref(),
                    accepted_at: accepted.accepted_at.to_string(),
                })
                .collect(),
            known: report.known.iter().map(JsonFinding::new).collect(),
            errors: input_errors(report),
            summary: report.summary,
        }
    }
}

impl From<crate::report::EmitOptions> for JsonEmitter {
    /// The JSON report takes no options.
    fn from(_: crate::report::EmitOptions) -> Self {
        JsonEmitter
    }
}

impl Emitter for JsonEmitter {
    fn emit(&self, report: &RunReport, out: &mut dyn Write) -> io::Result<()> {
        // Streamed: a report of a quarter million findings is never held as one string.
        let mut out = io::BufWriter::new(out);
        serde_json::to_writer_pretty(&mut out, &JsonReport::new(report)).map_err(io::Error::other)?;
        out.write_all(b"\n")?;
        out.flush()
    }
}

/// The JSON Schema of the report, as checked in at `schemas/report.schema.json`.
pub fn report_schema() -> String {
    crate::schema::schema_text::<JsonReport<'static>>()
}
