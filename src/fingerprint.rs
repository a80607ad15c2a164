//! What identifies a finding across runs: a hash of its rule, file, responsibility,
//! roles, people and the text it points at, never its line. SARIF carries it as a
//! partial fingerprint and the baseline files name findings by it, so an unrelated
//! edit that moves a line neither raises a new alert nor brings back a known one.

use crate::finding::Finding;

/// Percent-encodes a path for a URI, keeping `/` and the unreserved characters.
pub(crate) fn encode_path(path: &str) -> String {
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

/// A path as a URI reference relative to the repository root.
pub(crate) fn relative_uri(path: &str, root: &std::path::Path) -> String {
    encode_path(&crate::source::repository_path(path, root))
}

/// 64-bit FNV-1a: a hash whose value never changes between builds or platforms.
pub(crate) fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// What identifies a finding whatever else changes in the file: its rule, file,
/// responsibility, roles, people and the text it points at, never its line number.
pub(crate) fn fingerprint_basis(finding: &Finding, root: &std::path::Path) -> String {
    let mut roles = finding.roles.clone();
    roles.sort();
    let mut people = finding.people.clone();
    people.sort();
    let excerpt = &finding.location.excerpt;
    let pointed = excerpt.text.get(excerpt.span.clone()).unwrap_or_default().trim();
    format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        finding.rule,
        relative_uri(&finding.location.path, root),
        finding.responsibility.unwrap_or_default(),
        roles.join(","),
        people.join(","),
        pointed
    )
}

/// Every finding's fingerprint, in order: the hash of its basis and, for findings of
/// the same basis, which one it is (`:1`, `:2`, …).
pub(crate) fn fingerprints<'a>(findings: impl IntoIterator<Item = &'a Finding>, root: &std::path::Path) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    findings
        .into_iter()
        .map(|finding| {
            let basis = fingerprint_basis(finding, root);
            let occurrence = seen.entry(basis.clone()).or_insert(0);
            *occurrence += 1;
            format!("{:016x}:{occurrence}", fnv1a(&basis))
        })
        .collect()
}
