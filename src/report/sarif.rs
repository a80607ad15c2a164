//! SARIF 2.1.0 for GitHub code scanning: one rule entry per rule, results with
//! physical locations and fingerprints that survive unrelated edits.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::finding::{Finding, Severity};
use crate::fingerprint::{encode_path, fingerprint_basis, fnv1a, relative_uri};
use crate::lint::RunReport;
use crate::report::Emitter;
use crate::rules::{RULES, Rule};

/// Writes the SARIF log (`--format sarif`).
pub struct SarifEmitter {
    /// `root` makes paths relative to the repository; `provenance` names the commit.
    pub options: crate::report::EmitOptions,
}

/// The `$schema` of every SARIF log charterlint writes.
pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The project's repository, from `Cargo.toml`: the tool's `informationUri` and the
/// base of each rule's `helpUri`.
pub const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    version_control_provenance: Vec<VersionControl>,
    results: Vec<SarifResult<'a>>,
    invocations: [Invocation; 1],
    column_kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct VersionControl {
    repository_uri: String,
    revision_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    branch: Option<String>,
    mapped_to: MappedTo,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MappedTo {
    uri_base_id: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    name: String,
    short_description: Text,
    full_description: Text,
    help_uri: String,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    category: &'static str,
    tags: [&'static str; 2],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<ResultLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    partial_fingerprints: Option<Fingerprints>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression<'a>>,
    properties: ResultProperties<'a>,
}

/// An accepted risk, as code scanning shows a dismissed alert.
#[derive(Serialize)]
struct Suppression<'a> {
    kind: &'static str,
    justification: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultLocation {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
    #[serde(skip_serializing_if = "Option::is_none")]
    context_region: Option<ContextRegion>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    /// Left out for a file outside the repository, whose `uri` is absolute.
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text>,
}

/// The whole lines around a region, for viewers that show context.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ContextRegion {
    start_line: usize,
    end_line: usize,
    snippet: Text,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "charterlint/v1")]
    charterlint: String,
}

#[derive(Serialize)]
struct ResultProperties<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    team: &'a str,
    /// What to do about this finding (the rule's `help` says it in general).
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    responsibility: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    people: &'a [String],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Notification {
    level: &'static str,
    message: Text,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<ResultLocation>,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Where a file is: relative to `%SRCROOT%` when it lies in the repository, else an
/// absolute `file://` URI with no base (a base with an absolute path is an error).
fn artifact(path: &str, root: &std::path::Path) -> ArtifactLocation {
    if crate::report::is_outside(path, root) {
        ArtifactLocation {
            uri: format!("file://{}", encode_path(path)),
            uri_base_id: None,
        }
    } else {
        ArtifactLocation {
            uri: relative_uri(path, root),
            uri_base_id: Some("%SRCROOT%"),
        }
    }
}

/// Where each rule is documented: its section of `docs/rules.md`.
pub fn help_uri(rule: &str) -> String {
    format!("{INFORMATION_URI}/blob/main/docs/rules.md#{rule}")
}

fn rule_descriptor(rule: &Rule) -> RuleDescriptor {
    let documentation = rule.documentation();
    RuleDescriptor {
        id: rule.name,
        name: rule.name.split('-').map(capitalized).collect(),
        short_description: Text {
            text: rule.summary.to_string(),
        },
        full_description: Text {
            text: first_paragraph(&documentation),
        },
        help_uri: help_uri(rule.name),
        help: Help {
            text: documentation.clone(),
            markdown: documentation,
        },
        default_configuration: Configuration {
            level: level(rule.default_severity),
        },
        properties: RuleProperties {
            category: rule.category.name(),
            tags: ["charterlint", rule.category.name()],
        },
    }
}

fn capitalized(word: &str) -> String {
    let mut characters = word.chars();
    characters
        .next()
        .map_or(String::new(), |first| first.to_uppercase().chain(characters).collect())
}

/// The text of the "What it checks" section, as one paragraph.
fn first_paragraph(documentation: &str) -> String {
    documentation
        .lines()
        .skip_while(|line| line.starts_with('#') || line.trim().is_empty())
        .take_while(|line| !line.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The rule of input errors, listed after the rules: a charter that cannot be read is
/// a result in code scanning, not only a note about the run.
const INPUT_ERROR_RULE: &str = "input-error";

fn input_error_descriptor() -> RuleDescriptor {
    let text = "A charter that could not be read or is not a valid charter: the file is not \
                checked until the error is fixed. The message says what was expected and the \
                help how to fix it.";
    RuleDescriptor {
        id: INPUT_ERROR_RULE,
        name: "InputError".to_string(),
        short_description: Text {
            text: "a charter could not be read or is not valid".to_string(),
        },
        full_description: Text { text: text.to_string() },
        help_uri: help_uri(INPUT_ERROR_RULE),
        help: Help {
            text: text.to_string(),
            markdown: text.to_string(),
        },
        default_configuration: Configuration { level: "error" },
        properties: RuleProperties {
            category: "input",
            tags: ["charterlint", "input"],
        },
    }
}

fn physical(location: &crate::finding::Location, root: &std::path::Path) -> PhysicalLocation {
    let excerpt = &location.excerpt;
    let pointed = excerpt.text.get(excerpt.span.clone()).unwrap_or_default();
    let lines = excerpt.text.lines().count().max(1);
    PhysicalLocation {
        artifact_location: artifact(&location.path, root),
        region: Region {
            start_line: location.start.line,
            start_column: location.start.column,
            end_line: location.end.line,
            end_column: location.end.column.max(location.start.column + 1),
            snippet: (!pointed.is_empty()).then(|| Text {
                text: pointed.to_string(),
            }),
        },
        // A window of a minified line is not whole lines: no context region then.
        context_region: (!excerpt.starts_mid_line && !excerpt.text.is_empty()).then(|| ContextRegion {
            start_line: excerpt.first_line,
            end_line: excerpt.first_line + lines - 1,
            snippet: Text {
                text: excerpt.text.clone(),
            },
        }),
    }
}

struct Fingerprinter<'r> {
    seen: HashMap<String, usize>,
    root: &'r std::path::Path,
}

impl Fingerprinter<'_> {
    fn next(&mut self, finding: &Finding) -> Fingerprints {
        let basis = fingerprint_basis(finding, self.root);
        let occurrence = self.seen.entry(basis.clone()).or_insert(0);
        *occurrence += 1;
        Fingerprints {
            charterlint: format!("{:016x}:{occurrence}", fnv1a(&basis)),
        }
    }
}

fn finding_result<'a>(
    finding: &'a Finding,
    fingerprints: &mut Fingerprinter<'_>,
    suppressions: Vec<Suppression<'a>>,
) -> SarifResult<'a> {
    SarifResult {
        rule_id: finding.rule,
        rule_index: RULES.iter().position(|rule| rule.name == finding.rule).unwrap_or(0),
        level: level(finding.severity),
        message: Text {
            text: finding.message.clone(),
        },
        locations: vec![ResultLocation {
            physical_location: physical(&finding.location, fingerprints.root),
        }],
        partial_fingerprints: Some(fingerprints.next(finding)),
        suppressions,
        properties: ResultProperties {
            team: &finding.team,
            help: finding.help.as_deref(),
            responsibility: finding.responsibility,
            people: &finding.people,
        },
    }
}

/// The whole SARIF log as pretty-printed JSON, ending in a newline.
pub fn render(report: &RunReport, options: &crate::report::EmitOptions) -> String {
    let root = options.root.as_path();
    let mut fingerprints = Fingerprinter {
        seen: HashMap::new(),
        root,
    };
    let mut results: Vec<SarifResult<'_>> = Vec::new();
    let mut notifications = Vec::new();
    for failure in &report.input_errors {
        for error in &failure.errors {
            let location = error
                .span
                .as_ref()
                .map(|span| crate::finding::Location::new(&failure.source, span));
            let message = Text {
                text: error.message.clone(),
            };
            let locations: Vec<ResultLocation> = match &location {
                Some(location) => vec![ResultLocation {
                    physical_location: physical(location, root),
                }],
                None => vec![ResultLocation {
                    physical_location: PhysicalLocation {
                        artifact_location: artifact(&failure.source.path, root),
                        region: Region {
                            start_line: 1,
                            start_column: 1,
                            end_line: 1,
                            end_column: 2,
                            snippet: None,
                        },
                        context_region: None,
                    },
                }],
            };
            notifications.push(Notification {
                level: "error",
                message: Text {
                    text: error.message.clone(),
                },
                locations: match &location {
                    Some(location) => vec![ResultLocation {
                        physical_location: physical(location, root),
                    }],
                    None => Vec::new(),
                },
            });
            let basis = format!(
                "{INPUT_ERROR_RULE}\u{1f}{}\u{1f}{}",
                relative_uri(&failure.source.path, root),
                error.message
            );
            let occurrence = fingerprints.seen.entry(basis.clone()).or_insert(0);
            *occurrence += 1;
            results.push(SarifResult {
                rule_id: INPUT_ERROR_RULE,
                rule_index: RULES.len(),
                level: "error",
                message,
                locations,
                partial_fingerprints: Some(Fingerprints {
                    charterlint: format!("{:016x}:{occurrence}", fnv1a(&basis)),
                }),
                suppressions: Vec::new(),
                properties: ResultProperties {
                    team: "",
                    help: error.help.as_deref(),
                    responsibility: None,
                    people: &[],
                },
            });
        }
    }
    for finding in &report.findings {
        results.push(finding_result(finding, &mut fingerprints, Vec::new()));
    }
    for accepted in &report.accepted {
        let suppression = Suppression {
            kind: "external",
            justification: &accepted.reason,
        };
        results.push(finding_result(&accepted.finding, &mut fingerprints, vec![suppression]));
    }
    for known in &report.known {
        let suppression = Suppression {
            kind: "external",
            justification: "known from the baseline",
        };
        results.push(finding_result(known, &mut fingerprints, vec![suppression]));
    }
    let mut rules: Vec<RuleDescriptor> = RULES.iter().map(|rule| rule_descriptor(rule)).collect();
    rules.push(input_error_descriptor());
    // The commit describes only files in the repository: with a file outside it, a
    // reader could not place that file in the commit, so none is named.
    let all_inside = report
        .files
        .iter()
        .map(|file| &*file.path)
        .chain(report.input_errors.iter().map(|failure| &*failure.source.path))
        .all(|path| !crate::report::is_outside(path, root));
    let version_control_provenance = options
        .provenance
        .iter()
        .filter(|_| all_inside)
        .map(|provenance| VersionControl {
            repository_uri: provenance.repository_uri.clone(),
            revision_id: provenance.revision.clone(),
            branch: provenance.branch.clone(),
            mapped_to: MappedTo {
                uri_base_id: "%SRCROOT%",
            },
        })
        .collect();
    let log = Log {
        schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "charterlint",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules,
                },
            },
            version_control_provenance,
            results,
            invocations: [Invocation {
                execution_successful: notifications.is_empty(),
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
        }],
    };
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

impl From<crate::report::EmitOptions> for SarifEmitter {
    fn from(options: crate::report::EmitOptions) -> Self {
        SarifEmitter { options }
    }
}

impl Emitter for SarifEmitter {
    fn emit(&self, report: &RunReport, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(render(report, &self.options).as_bytes())
    }
}
