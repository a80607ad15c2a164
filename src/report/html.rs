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

/// Writes the HTML report (`--format html`).
pub struct HtmlEmitter {
    /// Only `matrix_limit` is used: up to that many teams, every team is in the page's
    /// static HTML.
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
struct MatrixRow<'a> {
    id: &'static str,
    name: &'static str,
    area: &'static str,
    core: bool,
    cells: Vec<&'static str>,
    status: &'static str,
    owners: Vec<&'a str>,
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
    matrix: Vec<MatrixRow<'a>>,
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
    teams: LazyTeams<'a>,
    loads: &'a [LoadData<'a>],
}

/// The teams' data, made one team at a time as it is written: 10,000 teams' matrices
/// never sit in memory at once.
struct LazyTeams<'a> {
    teams: &'a [TeamStatus<'a>],
    columns: &'a [Column],
}

impl Serialize for LazyTeams<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.teams.iter().map(|team| team_data(team, self.columns)))
    }
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
                        .find(|row| row.responsibility.entry().id == column.id)
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
                    let entry = &row.responsibility.entry();
                    let owners = coverage.owners(row);
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

/// The data as JSON that is safe inside a `<script>` element, plain when it is small,
/// else gzipped and in base64 (`None`, then the second value): written straight into
/// the compressor, so the plain text of a large organisation is never held whole.
fn script_data<T: Serialize>(value: &T) -> io::Result<(Option<String>, Option<String>)> {
    use base64::Engine as _;
    use flate2::{Compression, write::GzEncoder};
    // Buffered: the compressor pays per call, and serde writes a few bytes at a time.
    let encoder = io::BufWriter::with_capacity(1 << 16, GzEncoder::new(Vec::new(), Compression::default()));
    let mut compressed = ScriptSafe::new(encoder);
    serde_json::to_writer(&mut compressed, value).map_err(io::Error::other)?;
    let plain_bytes = compressed.written;
    let gzip = compressed
        .finish()?
        .into_inner()
        .map_err(io::IntoInnerError::into_error)?
        .finish()?;
    if plain_bytes <= PLAIN_DATA_BYTES {
        let mut plain = ScriptSafe::new(Vec::with_capacity(plain_bytes));
        serde_json::to_writer(&mut plain, value).map_err(io::Error::other)?;
        let text = String::from_utf8(plain.finish()?).map_err(io::Error::other)?;
        return Ok((Some(text), None));
    }
    Ok((None, Some(base64::engine::general_purpose::STANDARD.encode(gzip))))
}

/// Writes JSON with `<`, U+2028 and U+2029 escaped, so no `</script>` can close the
/// element early and no line separator can break the script; counts what it writes.
struct ScriptSafe<W: Write> {
    inner: W,
    /// The start of a UTF-8 sequence that may be U+2028 or U+2029 (E2 80 …).
    pending: Vec<u8>,
    written: usize,
}

impl<W: Write> ScriptSafe<W> {
    fn new(inner: W) -> Self {
        ScriptSafe {
            inner,
            pending: Vec::new(),
            written: 0,
        }
    }

    fn emit(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.written += bytes.len();
        self.inner.write_all(bytes)
    }

    fn finish(mut self) -> io::Result<W> {
        let pending = std::mem::take(&mut self.pending);
        self.emit(&pending)?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for ScriptSafe<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        if self.pending.is_empty() && memchr::memchr2(b'<', 0xE2, bytes).is_none() {
            self.emit(bytes)?;
            return Ok(bytes.len());
        }
        let mut start = 0;
        for (at, &byte) in bytes.iter().enumerate() {
            if !self.pending.is_empty() {
                self.pending.push(byte);
                match self.pending.as_slice() {
                    [0xE2] | [0xE2, 0x80] => {}
                    [0xE2, 0x80, last @ (0xA8 | 0xA9)] => {
                        let escape: &[u8] = if *last == 0xA8 { b"\\u2028" } else { b"\\u2029" };
                        self.pending.clear();
                        self.emit(escape)?;
                    }
                    _ => {
                        let pending = std::mem::take(&mut self.pending);
                        self.emit(&pending)?;
                    }
                }
                start = at + 1;
                continue;
            }
            match byte {
                b'<' => {
                    self.emit(&bytes[start..at])?;
                    self.emit(b"\\u003c")?;
                    start = at + 1;
                }
                0xE2 => {
                    self.emit(&bytes[start..at])?;
                    self.pending.push(byte);
                    start = at + 1;
                }
                _ => {}
            }
        }
        self.emit(&bytes[start..])?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The whole page; an error only when the template fails to render.
pub fn render(report: &RunReport, options: &EmitOptions) -> io::Result<String> {
    let overview = Overview::new(report);
    let columns = columns();
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
    let errors = crate::report::json::input_errors(report);
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
    let (data_json, data_gzip) = script_data(&Data {
        columns: &columns,
        teams: LazyTeams {
            teams: &overview.teams,
            columns: &columns,
        },
        loads: &loads[..loads.len().min(EMBEDDED_PEOPLE)],
    })?;
    // Few teams are written into the page itself, so it reads without JavaScript.
    let static_teams: Vec<TeamData<'_>> = if overview.teams.len() <= options.matrix_limit {
        overview.teams.iter().map(|team| team_data(team, &columns)).collect()
    } else {
        Vec::new()
    };
    let template = environment().get_template("report.html").map_err(io::Error::other)?;
    template
        .render(minijinja::context! {
            title => "charterlint report",
            css => minijinja::Value::from_safe_string(STYLE.to_string()),
            js => minijinja::Value::from_safe_string(SCRIPT.to_string()),
            data_json => minijinja::Value::from_safe_string(data_json.unwrap_or_default()),
            data_gzip => data_gzip.map(minijinja::Value::from_safe_string),
            summary => serialized(&summary),
            static_teams => serialized(&static_teams),
            columns => serialized(&columns),
            loads => serialized(&loads[..loads.len().min(CHARTED_PEOPLE)]),
            errors => serialized(&errors),
        })
        .map_err(io::Error::other)
}

/// The template, parsed once however many reports a process renders.
fn environment() -> &'static minijinja::Environment<'static> {
    static ENVIRONMENT: std::sync::OnceLock<minijinja::Environment<'static>> = std::sync::OnceLock::new();
    ENVIRONMENT.get_or_init(|| {
        let mut environment = minijinja::Environment::new();
        environment.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        // The template is part of the binary and a test renders it: a failure here
        // is a build defect, which the first `get_template` reports.
        let _ = environment.add_template("report.html", TEMPLATE);
        environment
    })
}

impl From<crate::report::EmitOptions> for HtmlEmitter {
    fn from(options: crate::report::EmitOptions) -> Self {
        HtmlEmitter { options }
    }
}

impl Emitter for HtmlEmitter {
    fn emit(&self, report: &RunReport, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(render(report, &self.options)?.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_data_escapes_what_could_end_a_script_even_across_writes() {
        let text = "a</script>\u{2028}b\u{2029}c\u{e9}\u{2603}";
        let expected = "a\\u003c/script>\\u2028b\\u2029c\u{e9}\u{2603}";
        // Every split of the bytes into two writes gives the same output.
        for split in 0..=text.len() {
            let mut safe = ScriptSafe::new(Vec::new());
            safe.write_all(&text.as_bytes()[..split]).expect("in memory");
            safe.write_all(&text.as_bytes()[split..]).expect("in memory");
            let written = safe.written;
            let out = String::from_utf8(safe.finish().expect("in memory")).expect("UTF-8");
            assert_eq!(out, expected, "split at {split}");
            assert_eq!(written, expected.len());
        }
    }

    #[test]
    fn large_data_is_gzipped_and_small_data_is_plain() {
        let small = script_data(&vec!["x"; 10]).expect("in memory");
        assert_eq!(
            small,
            (Some(r#"["x","x","x","x","x","x","x","x","x","x"]"#.to_string()), None)
        );
        let large = script_data(&vec!["<x>"; 400_000]).expect("in memory");
        assert!(large.0.is_none());
        use base64::Engine as _;
        let gzip = base64::engine::general_purpose::STANDARD
            .decode(large.1.expect("gzipped"))
            .expect("base64");
        let mut plain = String::new();
        use std::io::Read as _;
        flate2::read::GzDecoder::new(&gzip[..])
            .read_to_string(&mut plain)
            .expect("gzip");
        assert!(plain.starts_with(r#"["\u003cx>","#), "{}", &plain[..20]);
    }
}
