//! Which files `check` reads: explicit files as given, folders walked for charters.
//!
//! Nothing is skipped without a word: hidden folders are walked (`.git` itself
//! excepted), symlinks are followed with loop detection, and every entry the walk
//! cannot read comes back as a [`WalkProblem`].

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Whether a file name marks a charter when found while walking a folder.
pub fn is_charter_name(name: &str) -> bool {
    name.ends_with(".charter.toml") || name.ends_with(".charter.json")
}

/// A charter to read: the path to open, and how reports name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharterPath {
    /// The path as the operating system knows it (it may not be UTF-8).
    pub path: PathBuf,
    /// The path as given or found, shown lossily when it is not UTF-8.
    pub display: String,
}

impl CharterPath {
    fn new(path: PathBuf) -> Self {
        let display = path.to_string_lossy().into_owned();
        CharterPath { path, display }
    }
}

/// Something the walk could not read: a missing path, a symlink loop, a folder
/// without permission. Each one is an input error of the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkProblem {
    /// The path that could not be read, as named or as found while walking.
    pub path: String,
    /// What went wrong, naming the path.
    pub message: String,
    /// How to fix it, when there is advice to give.
    pub help: Option<String>,
}

/// What a walk found besides the charters themselves.
#[derive(Debug, Default)]
pub struct Walked {
    /// Every entry the walk could not read, in the order met.
    pub problems: Vec<WalkProblem>,
    /// The path of every charter handed out, so that callers can refuse to write
    /// over one of them.
    pub inputs_read: Vec<PathBuf>,
}

/// What makes two paths the same file: on Unix its device and inode (one `stat`,
/// where canonicalizing costs one per path component), elsewhere its canonical path.
#[derive(Debug, PartialEq, Eq, Hash)]
enum FileIdentity {
    StandardInput,
    #[cfg(unix)]
    Inode(u64, u64),
    Path(PathBuf),
}

fn file_identity(path: &Path) -> FileIdentity {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(metadata) = std::fs::metadata(path) {
            return FileIdentity::Inode(metadata.dev(), metadata.ino());
        }
    }
    FileIdentity::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
}

/// Calls `found` once per charter of the given files and folders. Folders are walked
/// recursively in name order, honouring `.gitignore`; the same file reached twice
/// (`x.toml` and `./x.toml`, a folder and its symlink) is read once.
pub fn for_each_charter(inputs: &[impl AsRef<Path>], mut found: impl FnMut(CharterPath)) -> Walked {
    let mut seen = HashSet::new();
    let mut walked = Walked::default();
    let mut report = |charter: CharterPath, walked: &mut Walked| {
        if charter.display == "-" {
            // Standard input is read once, however often it is named.
            if seen.insert(FileIdentity::StandardInput) {
                found(charter);
            }
            return;
        }
        // A path whose file cannot be found is still read, so its error is reported.
        if seen.insert(file_identity(&charter.path)) {
            walked.inputs_read.push(charter.path.clone());
            found(charter);
        }
    };
    for input in inputs {
        let path = input.as_ref();
        if path == Path::new("-") {
            report(CharterPath::new(PathBuf::from("-")), &mut walked);
            continue;
        }
        // A name that is not UTF-8 is used as the system gives it, shown lossily.
        let shown = path.to_string_lossy();
        match std::fs::metadata(path) {
            Ok(metadata) if metadata.is_dir() => walk_folder(path, &shown, &mut walked, &mut report),
            Ok(_) => report(
                CharterPath {
                    path: path.to_path_buf(),
                    display: shown.into_owned(),
                },
                &mut walked,
            ),
            Err(error) => walked.problems.push(missing_input(path, &shown, &error)),
        }
    }
    walked
}

fn walk_folder(folder: &Path, input: &str, walked: &mut Walked, report: &mut impl FnMut(CharterPath, &mut Walked)) {
    let walker = ignore::WalkBuilder::new(folder)
        .require_git(false)
        .hidden(false)
        .follow_links(true)
        .filter_entry(|entry| entry.file_name() != ".git")
        .sort_by_file_name(|left, right| left.cmp(right))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|kind| kind.is_file());
                if is_file && is_charter_name(&entry.file_name().to_string_lossy()) {
                    report(CharterPath::new(entry.into_path()), walked);
                }
            }
            Err(error) => walked.problems.push(walk_problem(input, &error)),
        }
    }
}

/// Counts the charters below the folders that ignore files (`.gitignore`, `.ignore`,
/// git's excludes) hide; for explaining a walk that found nothing.
pub fn ignored_charters(inputs: &[impl AsRef<Path>]) -> usize {
    inputs
        .iter()
        .map(AsRef::as_ref)
        .filter(|input| input.is_dir())
        .map(|input| {
            ignore::WalkBuilder::new(input)
                .standard_filters(false)
                .follow_links(true)
                .filter_entry(|entry| entry.file_name() != ".git")
                .build()
                .flatten()
                .filter(|entry| entry.file_type().is_some_and(|kind| kind.is_file()))
                .filter(|entry| is_charter_name(&entry.file_name().to_string_lossy()))
                .count()
        })
        .sum()
}

/// Why a path named on the command line cannot be read.
fn missing_input(path: &Path, input: &str, error: &std::io::Error) -> WalkProblem {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|metadata| metadata.file_type().is_symlink());
    let (message, help) = if is_link && error.raw_os_error() == Some(40) {
        (
            format!("cannot read `{input}`: it is a symlink loop"),
            Some("point the link at a charter or a folder".to_string()),
        )
    } else if is_link {
        (
            format!("cannot read `{input}`: it is a symlink to nothing"),
            Some("point the link at a charter or a folder, or remove it".to_string()),
        )
    } else {
        match error.kind() {
            std::io::ErrorKind::NotFound => (format!("cannot read `{input}`: no such file or folder"), None),
            std::io::ErrorKind::PermissionDenied => (
                format!(
                    "cannot read `{input}`: permission denied on `{}`",
                    refusing_folder(path).display()
                ),
                Some("charterlint needs permission to search every folder on the way".to_string()),
            ),
            _ => (format!("cannot read `{input}`: {error}"), None),
        }
    };
    WalkProblem {
        path: input.to_string(),
        message,
        help,
    }
}

/// The first folder on the way to `path` that refuses to be searched.
fn refusing_folder(path: &Path) -> PathBuf {
    path.ancestors()
        .skip(1)
        .filter(|folder| !folder.as_os_str().is_empty())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .find(|folder| std::fs::read_dir(folder).is_err())
        .map_or_else(|| path.to_path_buf(), Path::to_path_buf)
}

/// An error met while walking a folder, as an input error naming the entry.
fn walk_problem(input: &str, error: &ignore::Error) -> WalkProblem {
    let mut error = error;
    let mut path: Option<&Path> = None;
    loop {
        match error {
            ignore::Error::WithPath { path: at, err } => {
                path = Some(at);
                error = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => error = err,
            _ => break,
        }
    }
    let shown = |path: &Path| path.to_string_lossy().into_owned();
    let mut at = path.map_or_else(|| input.to_string(), shown);
    if let ignore::Error::Loop { child, .. } = error {
        at = shown(child);
    }
    let (message, help) = match error {
        ignore::Error::Loop { ancestor, child } => (
            format!(
                "cannot walk `{}`: it is a symlink loop back to `{}`",
                shown(child),
                shown(ancestor)
            ),
            Some("remove the link or point it outside the folder it is in".to_string()),
        ),
        ignore::Error::Io(io) if io.kind() == std::io::ErrorKind::PermissionDenied => (
            format!("cannot read `{at}`: permission denied"),
            Some("grant read and search permission, or check the charters below it by name".to_string()),
        ),
        ignore::Error::Io(io) if io.kind() == std::io::ErrorKind::NotFound => (
            format!("cannot read `{at}`: it is a symlink to nothing"),
            Some("point the link at a charter or a folder, or remove it".to_string()),
        ),
        other => (format!("cannot read `{at}`: {other}"), None),
    };
    WalkProblem {
        path: at,
        message,
        help,
    }
}
