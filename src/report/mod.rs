//! Reports: one module per output format behind one trait.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::lint::RunReport;

pub mod changes;
pub mod overview;

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

/// Declares each format's module and its place in [`ReportFormat`]: adding a format
/// is its file, whose emitter is made `From<EmitOptions>`, and one line here.
macro_rules! formats {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal => $module:ident :: $emitter:ident,)*) => {
        $(pub mod $module;)*

        /// The report formats `check` can write.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
        pub enum ReportFormat {
            $($(#[doc = $doc])* #[value(name = $name)] $variant,)*
        }

        impl ReportFormat {
            /// Every format, in the order `--format` lists them.
            pub const ALL: [ReportFormat; [$($name),*].len()] = [$(ReportFormat::$variant),*];

            /// The format's name on the command line.
            pub fn name(self) -> &'static str {
                match self {
                    $(ReportFormat::$variant => $name,)*
                }
            }

            /// The emitter that writes this format, with the options it uses.
            pub fn emitter(self, options: EmitOptions) -> Box<dyn Emitter> {
                match self {
                    $(ReportFormat::$variant => Box::new($module::$emitter::from(options)),)*
                }
            }
        }
    };
}

formats! {
    /// Findings as rustc shows errors: location, source line, caret and help.
    Text = "text" => text::TextEmitter,
    /// One JSON document for scripts, following `schemas/report.schema.json`.
    Json = "json" => json::JsonEmitter,
    /// A gap report for reviewers, for a pull request or a job summary.
    Markdown = "markdown" => markdown::MarkdownEmitter,
    /// SARIF 2.1.0 for GitHub code scanning.
    Sarif = "sarif" => sarif::SarifEmitter,
    /// GitHub Actions annotations on the lines that cause findings.
    Github = "github" => github::GithubEmitter,
    /// JUnit XML for CI test reports (GitLab, Jenkins, Azure Pipelines).
    Junit = "junit" => junit::JunitEmitter,
    /// One self-contained HTML page to share.
    Html = "html" => html::HtmlEmitter,
}

impl ReportFormat {
    /// Whether the format shows each team's coverage matrix, which a run keeps only
    /// when asked (`RunOptions::coverage`).
    pub fn shows_coverage(self) -> bool {
        matches!(self, ReportFormat::Markdown | ReportFormat::Html)
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
