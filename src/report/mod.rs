//! Reports: one module per output format behind one trait.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::lint::RunReport;

pub mod changes;
pub mod github;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod overview;
pub mod sarif;
pub mod text;

/// Writes a whole run in one format.
pub trait Emitter {
    /// Writes the report of the run to `out`.
    fn emit(&self, report: &RunReport, out: &mut dyn Write) -> io::Result<()>;
}

/// Where and how a report is written: what an emitter needs besides the run.
#[derive(Debug, Clone)]
pub struct EmitOptions {
    /// Color the text report.
    pub color: bool,
    /// Leave out the closing summary line of the text report.
    pub quiet: bool,
    /// The folder the CI formats make paths relative to: the repository root in CI.
    /// A path outside it stays absolute.
    pub root: PathBuf,
    /// The commit the charters were checked at, for SARIF.
    pub provenance: Option<crate::git::Provenance>,
    /// Up to this many teams, the Markdown report shows every team's coverage matrix;
    /// past it, only failing teams'.
    pub matrix_limit: usize,
}

/// The default of `--matrices`: a matrix per team for a department, failing teams
/// only for a whole organisation.
pub const DEFAULT_MATRIX_LIMIT: usize = 50;

impl Default for EmitOptions {
    fn default() -> Self {
        EmitOptions {
            color: false,
            quiet: false,
            root: PathBuf::new(),
            provenance: None,
            matrix_limit: DEFAULT_MATRIX_LIMIT,
        }
    }
}

impl EmitOptions {
    /// What a run in `root` writes `format` with: SARIF also names the commit when
    /// `root` is in a git working tree.
    pub fn for_run(format: ReportFormat, root: PathBuf) -> Self {
        EmitOptions {
            provenance: (format == ReportFormat::Sarif)
                .then(|| crate::git::provenance(&root))
                .flatten(),
            root,
            ..EmitOptions::default()
        }
    }

    /// Paths relative to `root`; no color, no provenance.
    pub fn relative_to(root: impl Into<PathBuf>) -> Self {
        EmitOptions {
            root: root.into(),
            ..EmitOptions::default()
        }
    }
}

/// The report formats `check` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Findings as rustc shows errors: location, source line, caret and help.
    Text,
    /// One JSON document for scripts, following `schemas/report.schema.json`.
    Json,
    /// A gap report for reviewers, for a pull request or a job summary.
    Markdown,
    /// SARIF 2.1.0 for GitHub code scanning.
    Sarif,
    /// GitHub Actions annotations on the lines that cause findings.
    Github,
    /// JUnit XML for CI test reports (GitLab, Jenkins, Azure Pipelines).
    Junit,
    /// One self-contained HTML page to share.
    Html,
}

impl ReportFormat {
    /// Every format, in the order `--format` lists them.
    pub const ALL: [ReportFormat; 7] = [
        ReportFormat::Text,
        ReportFormat::Json,
        ReportFormat::Markdown,
        ReportFormat::Sarif,
        ReportFormat::Github,
        ReportFormat::Junit,
        ReportFormat::Html,
    ];

    /// Whether the format shows each team's coverage matrix, which a run keeps only
    /// when asked (`RunOptions::coverage`).
    pub fn shows_coverage(self) -> bool {
        matches!(self, ReportFormat::Markdown | ReportFormat::Html)
    }

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ReportFormat::Text => "text",
            ReportFormat::Json => "json",
            ReportFormat::Markdown => "markdown",
            ReportFormat::Sarif => "sarif",
            ReportFormat::Github => "github",
            ReportFormat::Junit => "junit",
            ReportFormat::Html => "html",
        }
    }

    /// The emitter that writes this format, with the options it uses.
    pub fn emitter(self, options: EmitOptions) -> Box<dyn Emitter> {
        match self {
            ReportFormat::Text => Box::new(text::TextEmitter {
                color: options.color,
                quiet: options.quiet,
            }),
            ReportFormat::Json => Box::new(json::JsonEmitter),
            ReportFormat::Markdown => Box::new(markdown::MarkdownEmitter { options }),
            ReportFormat::Sarif => Box::new(sarif::SarifEmitter { options }),
            ReportFormat::Github => Box::new(github::GithubEmitter { options }),
            ReportFormat::Junit => Box::new(junit::JunitEmitter),
            ReportFormat::Html => Box::new(html::HtmlEmitter { options }),
        }
    }
}

pub use crate::source::{is_outside, repository_path};

/// A message with its help on the next line, as the plain-text CI formats show them.
pub fn with_help(message: &str, help: Option<&str>) -> String {
    match help {
        Some(help) => format!("{message}\nhelp: {help}"),
        None => message.to_string(),
    }
}

/// Text with its control characters made visible (`\u{1b}` as `␛`): a name or a duty
/// that holds one must not reach a terminal or a CI log as a raw escape sequence.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(crate::source::is_hidden_control) {
        return text.into();
    }
    text.chars().map(crate::source::visible).collect::<String>().into()
}

pub use crate::wording::plural;
