//! The human report, in the style of rustc: header, location, source line with a
//! caret, help, and a closing summary.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::charter::LoadFailure;
use crate::finding::{Finding, Location, Severity};
use crate::lint::RunReport;
use crate::report::Emitter;

/// Writes the text report (`--format text`).
pub struct TextEmitter {
    /// Color the report with terminal escape codes.
    pub color: bool,
    /// Leave out the closing summary line.
    pub quiet: bool,
}

/// The snippet renderer, with or without color.
pub fn renderer(color: bool) -> Renderer {
    if color { Renderer::styled() } else { Renderer::plain() }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

fn snippet<'a>(
    location: &'a Location,
    label: Option<&'a str>,
    kind: AnnotationKind,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let annotation = kind.span(location.excerpt.span.clone());
    let annotation = match label {
        Some(label) if !label.is_empty() => annotation.label(label),
        _ => annotation,
    };
    let snippet = Snippet::source(&location.excerpt.text).line_start(location.excerpt.first_line);
    // A window of a long line would make the renderer count columns from the cut.
    let snippet = if location.excerpt.starts_mid_line {
        snippet
    } else {
        snippet.path(&*location.path)
    };
    snippet.annotation(annotation)
}

/// Puts back the ` --> path:line:column` line the renderer leaves out for a window.
fn with_location_line(rendered: String, location: &Location) -> String {
    if !location.excerpt.starts_mid_line {
        return rendered;
    }
    let Some((title, rest)) = rendered.split_once('\n') else {
        return rendered;
    };
    let gutter = " ".repeat(location.excerpt.first_line.to_string().len());
    format!("{title}\n{gutter}--> {location}\n{rest}")
}

/// One finding, rendered like a compiler diagnostic.
pub fn render_finding(renderer: &Renderer, finding: &Finding) -> String {
    let message = crate::report::printable(&finding.message);
    let help = finding.help.as_deref().map(crate::report::printable);
    let mut group = level(finding.severity)
        .primary_title(&*message)
        .id(finding.rule)
        .element(snippet(&finding.location, None, AnnotationKind::Primary));
    if let Some(help) = &help {
        group = group.element(Level::HELP.message(&**help));
    }
    with_location_line(renderer.render(&[group]), &finding.location)
}

/// Every error of a file that could not be loaded.
pub fn render_load_failure(renderer: &Renderer, failure: &LoadFailure) -> String {
    let mut rendered = Vec::new();
    for error in &failure.errors {
        let message = crate::report::printable(&error.message);
        let help = error.help.as_deref().map(crate::report::printable);
        let Some(span) = &error.span else {
            let mut text = format!("error: {message}");
            if let Some(help) = &help {
                text.push_str(&format!("\n  = help: {help}"));
            }
            rendered.push(text);
            continue;
        };
        let primary = Location::new(&failure.source, span);
        let related = error
            .related
            .as_ref()
            .map(|(span, label)| (Location::new(&failure.source, span), label.as_str()));
        let mut group: Group<'_> = Level::ERROR.primary_title(&*message).element(snippet(
            &primary,
            Some(&error.label),
            AnnotationKind::Primary,
        ));
        if let Some((location, label)) = &related {
            group = group.element(snippet(location, Some(label), AnnotationKind::Context));
        }
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(&**help));
        }
        rendered.push(with_location_line(renderer.render(&[group]), &primary));
    }
    rendered.join("\n\n")
}

/// The closing line: what was checked and what was found.
pub fn summary_line(report: &RunReport) -> String {
    let summary = report.summary;
    let plural = crate::report::plural;
    let mut line = format!(
        "checked {}: {}, {}, {} info",
        plural(report.files.len(), "charter"),
        plural(summary.error, "error"),
        plural(summary.warning, "warning"),
        summary.info
    );
    if summary.accepted > 0 {
        line.push_str(&format!(" ({} accepted)", summary.accepted));
    }
    if summary.known > 0 {
        line.push_str(&format!(" ({} known from the baseline)", summary.known));
    }
    if !report.input_errors.is_empty() {
        line.push_str(&format!(
            "; {} could not be checked",
            plural(report.input_errors.len(), "file")
        ));
    }
    line
}

impl From<crate::report::EmitOptions> for TextEmitter {
    fn from(options: crate::report::EmitOptions) -> Self {
        TextEmitter {
            color: options.color,
            quiet: options.quiet,
        }
    }
}

impl Emitter for TextEmitter {
    fn emit(&self, report: &RunReport, out: &mut dyn Write) -> io::Result<()> {
        let renderer = renderer(self.color);
        for failure in &report.input_errors {
            writeln!(out, "{}\n", render_load_failure(&renderer, failure))?;
        }
        for finding in &report.findings {
            writeln!(out, "{}\n", render_finding(&renderer, finding))?;
        }
        if !self.quiet {
            writeln!(out, "{}", summary_line(report))?;
        }
        Ok(())
    }
}
