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

/// Writes a file whole or not at all: a temporary file in the same folder, then a
/// rename over the target, so an interrupted run never leaves half a report.
pub fn write_atomically(path: &std::path::Path, contents: &[u8]) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "report".into(), |name| name.to_string_lossy().into_owned());
    let temporary = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result.map_err(|error| io::Error::new(error.kind(), format!("cannot write `{}`: {error}", path.display())))
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
