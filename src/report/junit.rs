//! JUnit XML for GitLab, Jenkins and Azure pipelines: one test suite per file, one
//! test case per rule, failures for findings at or above `fail_on`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::finding::Finding;
use crate::lint::RunReport;
use crate::report::Emitter;
use crate::rules::RULES;

/// Writes the JUnit XML report (`--format junit`).
pub struct JunitEmitter;

/// Escapes text for an XML attribute or element, dropping characters XML 1.0 forbids.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\n' => escaped.push_str("&#10;"),
            '\t' | '\r' => escaped.push(' '),
            character if (character as u32) < 0x20 || matches!(character, '\u{FFFE}' | '\u{FFFF}') => {}
            character => escaped.push(character),
        }
    }
    escaped
}

fn describe(finding: &Finding) -> String {
    let heading = format!(
        "{}: {}[{}]: {}",
        finding.location,
        finding.severity.name(),
        finding.rule,
        finding.message
    );
    crate::report::with_help(&heading, finding.help.as_deref())
}

/// The class name of a file's test cases: Jenkins splits a class name at its last dot
/// into package and class, so the file's own dots become underscores under a
/// `charterlint` package.
pub fn class_name(path: &str) -> String {
    format!("charterlint.{}", path.trim_start_matches("./").replace('.', "_"))
}

/// One test suite: a file's test case per rule.
fn suite(path: &str, findings: &[&Finding], fails: &dyn Fn(&Finding) -> bool) -> String {
    let mut cases = String::new();
    let mut failures = 0;
    for rule in RULES {
        let of_rule: Vec<&Finding> = findings
            .iter()
            .copied()
            .filter(|finding| finding.rule == rule.name)
            .collect();
        let _ = write!(
            cases,
            "    <testcase classname=\"{}\" name=\"{}\"",
            escape(&class_name(path)),
            rule.name
        );
        if of_rule.is_empty() {
            cases.push_str("/>\n");
            continue;
        }
        cases.push_str(">\n");
        let (failing, passing): (Vec<&Finding>, Vec<&Finding>) = of_rule.iter().partition(|finding| fails(finding));
        if let Some(first) = failing.first() {
            failures += 1;
            let body = failing
                .iter()
                .map(|finding| describe(finding))
                .collect::<Vec<_>>()
                .join("\n");
            // Test reports show only the message: it says how many findings there are.
            let message = match failing.len() {
                1 => first.message.clone(),
                count => format!("{count} findings, the first: {}", first.message),
            };
            let _ = writeln!(
                cases,
                "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                first.severity.name(),
                escape(&message),
                escape(&body)
            );
        }
        if !passing.is_empty() {
            let body = passing
                .iter()
                .map(|finding| describe(finding))
                .collect::<Vec<_>>()
                .join("\n");
            let _ = writeln!(cases, "      <system-out>{}</system-out>", escape(&body));
        }
        cases.push_str("    </testcase>\n");
    }
    format!(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\">\n{cases}  </testsuite>\n",
        escape(path),
        RULES.len()
    )
}

/// Writes the whole document, one suite at a time.
pub fn write(report: &RunReport, out: &mut dyn Write) -> io::Result<()> {
    // Every file checked, plus any other file a finding points into (an org policy).
    let mut by_path: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for file in &report.files {
        by_path.entry(&file.path).or_default();
    }
    for finding in &report.findings {
        by_path.entry(&finding.location.path).or_default().push(finding);
    }
    let policies: HashMap<&str, &crate::policy::ResolvedPolicy> =
        report.files.iter().map(|file| (&*file.path, &file.policy)).collect();
    let fails = |finding: &Finding| {
        policies
            .get(&*finding.location.path)
            .map_or(report.failed, |policy| policy.fails(finding.severity))
    };
    // The header carries the totals, so they are counted before any suite is written.
    let failing_cases: HashSet<(&str, &str)> = report
        .findings
        .iter()
        .filter(|finding| fails(finding))
        .map(|finding| (&*finding.location.path, finding.rule))
        .collect();
    let total_tests = by_path.len() * RULES.len() + report.input_errors.len();
    write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"charterlint\" tests=\"{total_tests}\" failures=\"{}\" errors=\"{}\">\n",
        failing_cases.len(),
        report.input_errors.len()
    )?;
    for (path, findings) in &by_path {
        out.write_all(suite(path, findings, &fails).as_bytes())?;
    }
    for failure in &report.input_errors {
        let path = &failure.source.path;
        let body = failure
            .located_messages()
            .into_iter()
            .map(|(position, error)| {
                let located = match position {
                    Some(position) => format!("{}: {}", crate::source::Place::new(path, position), error.message),
                    None => format!("{path}: {}", error.message),
                };
                crate::report::with_help(&located, error.help.as_deref())
            })
            .collect::<Vec<_>>()
            .join("\n");
        let first = failure.errors.first().map_or("", |error| error.message.as_str());
        write!(
            out,
            "  <testsuite name=\"{0}\" tests=\"1\" failures=\"0\" errors=\"1\">\n    <testcase classname=\"{3}\" name=\"load\">\n      <error type=\"input-error\" message=\"{1}\">{2}</error>\n    </testcase>\n  </testsuite>\n",
            escape(path),
            escape(first),
            escape(&body),
            escape(&class_name(path))
        )?;
    }
    out.write_all(b"</testsuites>\n")
}

impl From<crate::report::EmitOptions> for JunitEmitter {
    /// The JUnit report takes no options.
    fn from(_: crate::report::EmitOptions) -> Self {
        JunitEmitter
    }
}

impl Emitter for JunitEmitter {
    fn emit(&self, report: &RunReport, out: &mut dyn Write) -> io::Result<()> {
        write(report, out)
    }
}
