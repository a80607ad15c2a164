//! The HTML report: one self-contained page (no network, no external file) with the
//! organisation heatmap of teams by responsibilities, the load per person, every
//! team's RACI matrix and its findings. The page is a template
//! (`templates/report.html`, its CSS and script beside it) filled with minijinja; the
//! data the script reads is embedded as JSON, so a page of 10,000 teams renders rows
//! lazily while one of a single team works without JavaScript.

use std::io::{self, Write};

use serde::Serialize;

use crate::catalog::{Area, CATALOG};
use crate::finding::{Severity, share_text};
use crate::lint::RunReport;
use crate::report::overview::{Overview, TeamStatus};
use crate::report::{EmitOptions, Emitter};

pub struct HtmlEmitter {
    pub options: EmitOptions,
}

const TEMPLATE: &str = include_str!("../../templates/report.html");
const STYLE: &str = include_str!("../../templates/report.css");
const SCRIPT: &str = include_str!("../../templates/report.js");

/// People listed in the load chart.
const CHARTED_PEOPLE: usize = 200;
/// People the embedded data holds for the script's chart: the heaviest, which are the
/// ones the chart can show.
const EMBEDDED_PEOPLE: usize = 2_000;
/// Embedded data larger than this is gzipped and base64-encoded: the page of 10,000
/// teams then stays a few megabytes, and the browser unpacks it itself.
const PLAIN_DATA_BYTES: usize = 1 << 20;

#[derive(Serialize)]
struct Column {
    area: &'static str,
    id: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
struct RoleData<'a> {
    id: &'a str,
    title: &'a str,
    holders: &'a [String],
    scope: Option<&'a str>,
}

#[derive(Serialize)]
struct MatrixRow {
    id: &'static str,
    name: &'static str,
    area: &'static str,
    core: bool,
    cells: Vec<String>,
    status: &'static str,
    owners: Vec<String>,
}

#[derive(Serialize)]
struct FindingData<'a> {
    severity: &'static str,
    rule: &'static str,
    message: &'a str,
    line: usize,
    column: usize,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct TeamData<'a> {
    team: &'a str,
    path: &'a str,
    status: &'static str,
    errors: usize,
    warnings: usize,
    infos: usize,
    people: Vec<&'a str>,
    /// One character per column: `O` owned and core, `o` owned, `S` shared, `G` a gap,
    /// `-` neither core nor owned.
    heat: String,
    roles: Vec<RoleData<'a>>,
    matrix: Vec<MatrixRow>,
    findings: Vec<FindingData<'a>>,
}

#[derive(Serialize)]
struct LoadData<'a> {
    person: &'a str,
    allocation: f64,
    allocation_text: String,
    teams: &'a [&'a str],
    accountabilities: usize,
    overloaded: bool,
}

#[derive(Serialize)]
struct ErrorData<'a> {
    path: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct Summary {
    verdict: &'static str,
    teams: usize,
    failing: usize,
    clean: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    accepted: usize,
    unreadable: usize,
}

#[derive(Serialize)]
struct Data<'a> {
    columns: &'a [Column],
    teams: &'a [TeamData<'a>],
    loads: &'a [LoadData<'a>],
}

/// The heatmap's columns: every product ownership responsibility, by area.
fn columns() -> Vec<Column> {
    Area::PRODUCT
        .iter()
        .flat_map(|&area| {
            CATALOG
                .iter()
                .filter(move |entry| entry.area == area)
                .map(move |entry| Column {
                    area: area.name(),
                    id: entry.id,
                    name: entry.name,
                })
        })
        .collect()
}

fn team_data<'a>(team: &TeamStatus<'a>, columns: &[Column]) -> TeamData<'a> {
    let file = team.file;
    let mut people: Vec<&str> = file.people.keys().map(String::as_str).collect();
    people.sort_unstable();
    let (heat, roles, matrix) = match &file.coverage {
        Some(coverage) => {
            let heat = columns
                .iter()
                .map(|column| {
                    match coverage
                        .rows
                        .iter()
                        .find(|row| CATALOG[row.responsibility].id == column.id)
                    {
                        Some(row) if row.unowned => 'G',
                        Some(row) if row.shared => 'S',
                        Some(row) if !coverage.owners(row).is_empty() => {
                            if row.core {
                                'O'
                            } else {
                                'o'
                            }
                        }
                        Some(row) if row.core => 'G',
                        _ => '-',
                    }
                })
                .collect();
            let roles = coverage
                .roles
                .iter()
                .map(|role| RoleData {
                    id: &role.id,
                    title: &role.title,
                    holders: &role.holders,
                    scope: role.scope.as_deref(),
                })
                .collect();
            let matrix = coverage
                .rows
                .iter()
                .map(|row| {
                    let entry = &CATALOG[row.responsibility];
                    let owners: Vec<String> = coverage.owners(row).iter().map(|owner| owner.to_string()).collect();
                    MatrixRow {
                        id: entry.id,
                        name: entry.name,
                        area: entry.area.name(),
                        core: row.core,
                        cells: row.cells.iter().map(|cell| cell.letters()).collect(),
                        status: if row.unowned {
                            "gap"
                        } else if row.shared {
                            "shared"
                        } else if owners.is_empty() {
                            "not owned"
                        } else {
                            "owned"
                        },
                        owners,
                    }
                })
                .collect();
            (heat, roles, matrix)
        }
        None => ("-".repeat(columns.len()), Vec::new(), Vec::new()),
    };
    TeamData {
        team: &file.team,
        path: &file.path,
        status: team.verdict(),
        errors: team.errors,
        warnings: team.warnings,
        infos: team.infos,
        people,
        heat,
        roles,
        matrix,
        findings: team
            .findings
            .iter()
            .map(|finding| FindingData {
                severity: match finding.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "info",
                },
                rule: finding.rule,
                message: &finding.message,
                line: finding.location.start.line,
                column: finding.location.start.column,
                help: finding.help.as_deref(),
            })
            .collect(),
    }
}

/// A value the template reads as it would read the same data in JSON.
fn serialized<T: Serialize>(value: T) -> minijinja::Value {
    minijinja::Value::from(minijinja::value::Serde(value))
}

/// Bytes gzipped and in base64, which a `<script>` element holds safely.
fn gzip_base64(bytes: &[u8]) -> io::Result<String> {
    use base64::Engine as _;
    use flate2::{Compression, write::GzEncoder};
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes)?;
    Ok(base64::engine::general_purpose::STANDARD.encode(encoder.finish()?))
}

/// JSON that is safe inside a `<script>` element: no `<` can close it early.
fn script_json<T: Serialize>(value: &T) -> io::Result<String> {
    let text = serde_json::to_string(value).map_err(io::Error::other)?;
    Ok(text
        .replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029"))
}

pub fn render(report: &RunReport, options: &EmitOptions) -> io::Result<String> {
    let overview = Overview::new(report);
    let columns = columns();
    let teams: Vec<TeamData<'_>> = overview.teams.iter().map(|team| team_data(team, &columns)).collect();
    let team_names: Vec<Vec<&str>> = overview.loads.iter().map(|load| load.teams.clone()).collect();
    let loads: Vec<LoadData<'_>> = overview
        .loads
        .iter()
        .zip(&team_names)
        .map(|(load, teams)| LoadData {
            person: load.person,
            allocation: load.allocation,
            allocation_text: share_text(load.allocation),
            teams,
            accountabilities: load.accountabilities,
            overloaded: load.overloaded,
        })
        .collect();
    let errors: Vec<ErrorData<'_>> = report
        .input_errors
        .iter()
        .flat_map(|failure| {
            failure
                .located_messages()
                .into_iter()
                .map(move |(position, error)| ErrorData {
                    path: &failure.source.path,
                    line: position.map(|position| position.line),
                    column: position.map(|position| position.column),
                    message: &error.message,
                    help: error.help.as_deref(),
                })
        })
        .collect();
    let summary = Summary {
        verdict: match report.exit_code() {
            0 => "Passed",
            1 => "Failed",
            _ => "Failed: some files could not be checked",
        },
        teams: report.files.len(),
        failing: overview.failing(),
        clean: overview.clean(),
        errors: report.summary.error,
        warnings: report.summary.warning,
        infos: report.summary.info,
        accepted: report.summary.accepted,
        unreadable: report.input_errors.len(),
    };
    let data_json = script_json(&Data {
        columns: &columns,
        teams: &teams,
        loads: &loads[..loads.len().min(EMBEDDED_PEOPLE)],
    })?;
    let data_gzip = if data_json.len() > PLAIN_DATA_BYTES {
        Some(gzip_base64(data_json.as_bytes())?)
    } else {
        None
    };
    // Few teams are written into the page itself, so it reads without JavaScript.
    let static_teams: &[TeamData<'_>] = if teams.len() <= options.matrix_limit {
        &teams
    } else {
        &[]
    };
    let mut environment = minijinja::Environment::new();
    environment.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    environment
        .add_template("report.html", TEMPLATE)
        .map_err(io::Error::other)?;
    let template = environment.get_template("report.html").map_err(io::Error::other)?;
    template
        .render(minijinja::context! {
            title => "charterlint report",
            css => minijinja::Value::from_safe_string(STYLE.to_string()),
            js => minijinja::Value::from_safe_string(SCRIPT.to_string()),
            data_json => minijinja::Value::from_safe_string(if data_gzip.is_some() { String::new() } else { data_json }),
            data_gzip => data_gzip.map(minijinja::Value::from_safe_string),
            summary => serialized(&summary),
            static_teams => serialized(static_teams),
            columns => serialized(&columns),
            loads => serialized(&loads[..loads.len().min(CHARTED_PEOPLE)]),
            errors => serialized(&errors),
        })
        .map_err(io::Error::other)
}

impl Emitter for HtmlEmitter {
    fn emit(&self, report: &RunReport, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(render(report, &self.options)?.as_bytes())
    }
}
