//! SARIF 2.1.0 for GitHub code scanning: one rule entry per rule, results with
//! physical locations and fingerprints that survive unrelated edits.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use crate::finding::{Finding, Severity};
use crate::lint::RunReport;
use crate::report::Emitter;
use crate::rules::{RULES, Rule};

pub struct SarifEmitter;

pub const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
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
    results: Vec<SarifResult<'a>>,
    invocations: [Invocation; 1],
    column_kind: &'static str,
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
    locations: [ResultLocation; 1],
    partial_fingerprints: Fingerprints,
    properties: ResultProperties<'a>,
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
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "charterlint/v1")]
    charterlint: String,
}

#[derive(Serialize)]
struct ResultProperties<'a> {
    team: &'a str,
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

/// A path as a URI reference relative to the repository root.
pub fn relative_uri(path: &str) -> String {
    let path = crate::report::repository_path(path);
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

/// 64-bit FNV-1a: a hash whose value never changes between builds or platforms.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// What identifies a finding whatever else changes in the file: its rule, file,
/// responsibility, roles, people and the text it points at, never its line number.
pub fn fingerprint_basis(finding: &Finding) -> String {
    let mut roles = finding.roles.clone();
    roles.sort();
    let mut people = finding.people.clone();
    people.sort();
    let excerpt = &finding.location.excerpt;
    let pointed = excerpt.text.get(excerpt.span.clone()).unwrap_or_default().trim();
    format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        finding.rule,
        relative_uri(&finding.location.path),
        finding.responsibility.unwrap_or_default(),
        roles.join(","),
        people.join(","),
        pointed
    )
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

fn region(location: &crate::finding::Location) -> Region {
    Region {
        start_line: location.start.line,
        start_column: location.start.column,
        end_line: location.end.line,
        end_column: location.end.column.max(location.start.column + 1),
    }
}

pub fn render(report: &RunReport) -> String {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let results = report
        .findings
        .iter()
        .map(|finding| {
            let basis = fingerprint_basis(finding);
            let occurrence = seen.entry(basis.clone()).or_insert(0);
            *occurrence += 1;
            SarifResult {
                rule_id: finding.rule,
                rule_index: RULES.iter().position(|rule| rule.name == finding.rule).unwrap_or(0),
                level: level(finding.severity),
                message: Text {
                    text: crate::report::with_help(&finding.message, finding.help.as_deref()),
                },
                locations: [ResultLocation {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: relative_uri(&finding.location.path),
                            uri_base_id: "%SRCROOT%",
                        },
                        region: region(&finding.location),
                    },
                }],
                partial_fingerprints: Fingerprints {
                    charterlint: format!("{:016x}:{occurrence}", fnv1a(&basis)),
                },
                properties: ResultProperties {
                    team: &finding.team,
                    responsibility: finding.responsibility,
                    people: &finding.people,
                },
            }
        })
        .collect();
    let notifications = report
        .input_errors
        .iter()
        .flat_map(|failure| {
            failure
                .located_messages()
                .into_iter()
                .map(move |(position, error)| Notification {
                    level: "error",
                    message: Text {
                        text: error.message.clone(),
                    },
                    locations: position
                        .map(|position| ResultLocation {
                            physical_location: PhysicalLocation {
                                artifact_location: ArtifactLocation {
                                    uri: relative_uri(&failure.source.path),
                                    uri_base_id: "%SRCROOT%",
                                },
                                region: Region {
                                    start_line: position.line,
                                    start_column: position.column,
                                    end_line: position.line,
                                    end_column: position.column + 1,
                                },
                            },
                        })
                        .into_iter()
                        .collect(),
                })
        })
        .collect::<Vec<_>>();
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
                    rules: RULES.iter().map(|rule| rule_descriptor(rule)).collect(),
                },
            },
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

impl Emitter for SarifEmitter {
    fn emit(&self, report: &RunReport, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(render(report).as_bytes())
    }
}
