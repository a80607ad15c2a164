//! Which files `check` reads: explicit files as given, folders walked for charters.

use std::path::Path;

/// Whether a file name marks a charter when found while walking a folder.
pub fn is_charter_name(name: &str) -> bool {
    name.ends_with(".charter.toml") || name.ends_with(".charter.json")
}

/// A path given on the command line that names nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingPath(pub String);

/// Calls `found` with each charter path of files and folders, once per path. Folders
/// are walked recursively, honouring `.gitignore` and skipping hidden entries. Returns
/// the inputs that name nothing.
pub fn for_each_charter(inputs: &[String], mut found: impl FnMut(String)) -> Vec<MissingPath> {
    let mut seen = std::collections::HashSet::new();
    let mut missing = Vec::new();
    let mut report = |path: String| {
        if seen.insert(path.clone()) {
            found(path);
        }
    };
    for input in inputs {
        let path = Path::new(input);
        if path.is_dir() {
            let walker = ignore::WalkBuilder::new(path)
                .require_git(false)
                .sort_by_file_name(|left, right| left.cmp(right))
                .build();
            for entry in walker.flatten() {
                let is_file = entry.file_type().is_some_and(|kind| kind.is_file());
                if is_file && is_charter_name(&entry.file_name().to_string_lossy()) {
                    report(entry.path().to_string_lossy().into_owned());
                }
            }
        } else if path.exists() || input == "-" {
            report(input.clone());
        } else {
            missing.push(MissingPath(input.clone()));
        }
    }
    missing
}
