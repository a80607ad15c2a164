//! Reports: one module per output format behind one trait.

use std::io::{self, Write};

use crate::lint::RunReport;

pub mod github;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod text;

/// Writes a whole run in one format.
pub trait Emitter {
    fn emit(&self, report: &RunReport, out: &mut dyn Write) -> io::Result<()>;
}

/// The report formats `check` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    Markdown,
    Sarif,
    Github,
    Junit,
}

impl ReportFormat {
    pub const ALL: [ReportFormat; 6] = [
        ReportFormat::Text,
        ReportFormat::Json,
        ReportFormat::Markdown,
        ReportFormat::Sarif,
        ReportFormat::Github,
        ReportFormat::Junit,
    ];

    pub fn emitter(self, color: bool, quiet: bool) -> Box<dyn Emitter> {
        match self {
            ReportFormat::Text => Box::new(text::TextEmitter { color, quiet }),
            ReportFormat::Json => Box::new(json::JsonEmitter),
            ReportFormat::Markdown => Box::new(markdown::MarkdownEmitter),
            ReportFormat::Sarif => Box::new(sarif::SarifEmitter),
            ReportFormat::Github => Box::new(github::GithubEmitter),
            ReportFormat::Junit => Box::new(junit::JunitEmitter),
        }
    }
}

/// A path as CI systems want it: relative to the working directory (the repository
/// root in CI) when it lies below it, with forward slashes and no leading `./`.
pub fn repository_path(path: &str) -> String {
    let mut path = path.replace('\\', "/");
    if let Ok(root) = std::env::current_dir()
        && let Ok(relative) = std::path::Path::new(&path).strip_prefix(&root)
    {
        path = relative.to_string_lossy().replace('\\', "/");
    }
    path.trim_start_matches("./").to_string()
}

/// A message with its help on the next line, as the plain-text CI formats show them.
pub fn with_help(message: &str, help: Option<&str>) -> String {
    match help {
        Some(help) => format!("{message}\nhelp: {help}"),
        None => message.to_string(),
    }
}
