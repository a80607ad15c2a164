//! GitHub Actions workflow commands: each finding becomes an annotation on the line
//! that causes it.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::finding::Severity;
use crate::lint::RunReport;
use crate::report::Emitter;
use crate::report::text::summary_line;

/// Writes GitHub Actions workflow commands (`--format github`).
pub struct GithubEmitter {
    /// Only `root` is used: annotations name files relative to it.
    pub options: crate::report::EmitOptions,
}

/// Escapes the message part of a workflow command, as `@actions/core` does; other
/// control characters are shown as their control pictures, never sent raw to the log.
pub fn escape_data(text: &str) -> String {
    let escaped = text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    crate::report::printable(&escaped).into_owned()
}

/// Escapes a property value of a workflow command.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The workflow commands of a run, one per line: input errors, then findings, then the
/// summary; paths relative to `root`.
pub fn render(report: &RunReport, root: &std::path::Path) -> String {
    let mut out = String::new();
    for failure in &report.input_errors {
        for (position, error) in failure.located_messages() {
            let mut properties = format!(
                "file={}",
                escape_property(&crate::report::repository_path(&failure.source.path, root))
            );
            if let Some(position) = position {
                let _ = write!(properties, ",line={},col={}", position.line, position.column);
            }
            let message = crate::report::with_help(&error.message, error.help.as_deref());
            let _ = writeln!(
                out,
                "::error {properties},title={}::{}",
                escape_property("charterlint: invalid charter"),
                escape_data(&message)
            );
        }
    }
    for finding in &report.findings {
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let place = &finding.location;
        let message = crate::report::with_help(&finding.message, finding.help.as_deref());
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&crate::report::repository_path(&place.path, root)),
            place.start.line,
            place.start.column,
            place.end.line,
            place.end.column,
            escape_property(&format!("charterlint {}", finding.rule)),
            escape_data(&message)
        );
    }
    let _ = writeln!(out, "{}", summary_line(report));
    out
}

impl From<crate::report::EmitOptions> for GithubEmitter {
    fn from(options: crate::report::EmitOptions) -> Self {
        GithubEmitter { options }
    }
}

impl Emitter for GithubEmitter {
    fn emit(&self, report: &RunReport, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(render(report, &self.options.root).as_bytes())
    }
}
