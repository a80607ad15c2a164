//! Baselines: adopting charterlint on charters that already have findings. A baseline
//! file records today's findings by their fingerprint; a later run against it lists
//! those as known (apart, never failing) and reports the rest as usual, and an entry
//! whose finding is gone is reported so that the file shrinks over time.
//!
//! The file is TOML, one `[[finding]]` block per finding, sorted by file, rule and
//! fingerprint, so a pull request that changes it reads as a diff of findings.

use std::path::Path;

use crate::charter::tree::{InputFormat, Node, Value};
use crate::charter::{InputError, LoadFailure};
use crate::finding::Finding;
use crate::source::{SourceFile, Span};

/// One finding a baseline knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineEntry {
    /// The finding's fingerprint: a hash of what identifies it, never its line; the
    /// only key a finding is matched by.
    pub fingerprint: String,
    /// The file, relative to the repository root.
    pub path: String,
    /// The name of the finding's rule.
    pub rule: String,
    /// The finding's message when the baseline was written, for readers of the file.
    pub message: String,
    /// Where the entry's table starts in the baseline file.
    pub span: Span,
}

/// A baseline file, read.
#[derive(Debug, Clone)]
pub struct Baseline {
    /// The baseline file itself, where the findings about stale entries point.
    pub source: SourceFile,
    /// The entries, in file order.
    pub entries: Vec<BaselineEntry>,
}

const KEYS: &[&str] = &["fingerprint", "path", "rule", "message"];

fn error(span: Span, message: String, label: &str, help: Option<String>) -> InputError {
    InputError {
        span: Some(span),
        message,
        label: label.to_string(),
        help,
        related: None,
    }
}

/// Reads a baseline file; a missing, unreadable or malformed one is an input error
/// with its location.
pub fn load(path: &std::path::Path, max_file_size: u64) -> Result<Baseline, Box<LoadFailure>> {
    let shown = path.to_string_lossy();
    let bytes = crate::charter::read_limited(path, max_file_size).map_err(|mut failure| {
        for error in &mut failure.errors {
            error.help.get_or_insert_with(|| {
                "write one with `charterlint check --write-baseline FILE`, or leave out `--baseline`".to_string()
            });
        }
        failure
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Box::new(LoadFailure {
            source: SourceFile::new(&*shown, String::new()),
            errors: vec![InputError::unlocated(
                format!("the baseline `{shown}` is not UTF-8"),
                None,
            )],
        })
    })?;
    let source = SourceFile::new(&*shown, text);
    let entries = match crate::charter::tree::parse(&source.text, InputFormat::Toml) {
        Ok(root) => decode(&root),
        Err(syntax) => Err(vec![InputError::from(*syntax)]),
    };
    match entries {
        Ok(entries) => Ok(Baseline { source, entries }),
        Err(errors) => Err(Box::new(LoadFailure { source, errors })),
    }
}

fn decode(root: &Node<'_>) -> Result<Vec<BaselineEntry>, Vec<InputError>> {
    let mut errors = Vec::new();
    let mut entries = Vec::new();
    let Value::Table(top) = &root.value else {
        return Err(vec![error(
            0..0,
            "a baseline is a TOML table".to_string(),
            "expected a table",
            None,
        )]);
    };
    let mut saw_version = false;
    for entry in top {
        match &*entry.key {
            "version" => {
                saw_version = true;
                if entry.value.value != Value::Integer(1) {
                    errors.push(error(
                        entry.value.span.clone(),
                        "unsupported baseline version".to_string(),
                        "only version 1 is supported",
                        Some("write a new baseline with `charterlint check --write-baseline FILE`".to_string()),
                    ));
                }
            }
            "finding" => match &entry.value.value {
                Value::Array(items) => {
                    for item in items {
                        match finding(item) {
                            Ok(found) => entries.push(found),
                            Err(mut more) => errors.append(&mut more),
                        }
                    }
                }
                _ => errors.push(error(
                    entry.value.span.clone(),
                    "`finding` must be an array of tables".to_string(),
                    "expected `[[finding]]` tables",
                    None,
                )),
            },
            other => errors.push(error(
                entry.key_span.clone(),
                format!("unknown key `{other}` in the baseline"),
                "unknown key",
                Some("a baseline holds `version` and `[[finding]]` tables".to_string()),
            )),
        }
    }
    if !saw_version {
        errors.push(error(
            0..0,
            "missing required key `version` in the baseline".to_string(),
            "the baseline starts here",
            Some("add `version = 1`".to_string()),
        ));
    }
    if errors.is_empty() { Ok(entries) } else { Err(errors) }
}

fn finding(item: &Node<'_>) -> Result<BaselineEntry, Vec<InputError>> {
    let Value::Table(keys) = &item.value else {
        return Err(vec![error(
            item.span.clone(),
            "a baseline finding must be a table".to_string(),
            "expected a `[[finding]]` table",
            None,
        )]);
    };
    let mut errors = Vec::new();
    let mut values: [Option<String>; 4] = Default::default();
    for entry in keys {
        match KEYS.iter().position(|key| *key == entry.key) {
            Some(index) => match &entry.value.value {
                Value::String(text) => values[index] = Some(text.to_string()),
                _ => errors.push(error(
                    entry.value.span.clone(),
                    format!("`{}` must be a string", entry.key),
                    "expected a string",
                    None,
                )),
            },
            None => errors.push(error(
                entry.key_span.clone(),
                format!("unknown key `{}` in a baseline finding", entry.key),
                "unknown key",
                Some("a finding holds `fingerprint`, `path`, `rule` and `message`".to_string()),
            )),
        }
    }
    for key in KEYS {
        if !keys.iter().any(|entry| entry.key == *key) {
            errors.push(error(
                item.span.start..item.span.start,
                format!("missing required key `{key}` in a baseline finding"),
                "this finding",
                Some("write the baseline again with `charterlint check --write-baseline FILE`".to_string()),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let [fingerprint, path, rule, message] = values.map(Option::unwrap_or_default);
    Ok(BaselineEntry {
        fingerprint,
        path,
        rule,
        message,
        span: item.span.clone(),
    })
}

/// TOML's basic string, quoted and escaped.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            character if character.is_control() => out.push_str(&format!("\\u{:04X}", character as u32)),
            character => out.push(character),
        }
    }
    out.push('"');
    out
}

/// The text of a baseline file: a header, then one block per entry, sorted by file,
/// rule and fingerprint.
fn render(mut rows: Vec<(String, String, String, String)>) -> String {
    rows.sort();
    let mut out = String::from(
        "# charterlint baseline: findings known when it was written. `charterlint check --baseline`\n\
         # lists these apart and never fails on them; an entry whose finding is gone is reported.\n\
         # Regenerate with `charterlint check --write-baseline`, or drop stale entries with\n\
         # `charterlint check --baseline FILE --prune-baseline`.\n\
         version = 1\n",
    );
    for (path, rule, fingerprint, message) in rows {
        out.push_str(&format!(
            "\n[[finding]]\npath = {}\nrule = {}\nfingerprint = {}\nmessage = {}\n",
            quoted(&path),
            quoted(&rule),
            quoted(&fingerprint),
            quoted(&message)
        ));
    }
    out
}

/// A baseline of `findings`, paths relative to `root`.
pub fn write(findings: &[Finding], root: &Path) -> String {
    let fingerprints = crate::fingerprint::fingerprints(findings, root);
    render(
        findings
            .iter()
            .zip(fingerprints)
            .map(|(finding, fingerprint)| {
                (
                    crate::source::repository_path(&finding.location.path, root),
                    finding.rule.to_string(),
                    fingerprint,
                    finding.message.clone(),
                )
            })
            .collect(),
    )
}

/// What a baseline makes of a run's findings.
#[derive(Debug, Clone, Default)]
pub struct Split {
    /// Findings the baseline does not know.
    pub new: Vec<Finding>,
    /// Findings it knows.
    pub known: Vec<Finding>,
    /// Its entries whose finding is gone, in file order.
    pub stale: Vec<BaselineEntry>,
}

/// Sorts findings into those the baseline knows and the rest.
pub fn split(findings: Vec<Finding>, baseline: &Baseline, root: &Path) -> Split {
    let fingerprints = crate::fingerprint::fingerprints(&findings, root);
    let mut remaining: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (index, entry) in baseline.entries.iter().enumerate() {
        remaining.entry(entry.fingerprint.as_str()).or_insert(index);
    }
    let mut used = vec![false; baseline.entries.len()];
    let mut result = Split::default();
    for (finding, fingerprint) in findings.into_iter().zip(&fingerprints) {
        match remaining.remove(fingerprint.as_str()) {
            Some(index) => {
                used[index] = true;
                result.known.push(finding);
            }
            None => result.new.push(finding),
        }
    }
    result.stale = baseline
        .entries
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(entry, _)| entry.clone())
        .collect();
    result
}

/// The baseline without its stale entries: the entries that still match, as written.
pub fn pruned(baseline: &Baseline, stale: &[BaselineEntry]) -> String {
    render(
        baseline
            .entries
            .iter()
            .filter(|entry| !stale.contains(entry))
            .map(|entry| {
                (
                    entry.path.clone(),
                    entry.rule.clone(),
                    entry.fingerprint.clone(),
                    entry.message.clone(),
                )
            })
            .collect(),
    )
}
