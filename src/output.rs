//! Writing a report to a file without ever losing one.
//!
//! A report replaces a regular file atomically: it is written to an exclusively
//! created temporary file with a random name beside the target, then renamed over
//! it. A symlink is followed to the file it names. A device, FIFO or socket
//! (`/dev/stdout`, `>(…)`) is written straight through, since a rename would
//! replace the node itself. A file the run read is never a target.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written right now, removed by [`remove_pending`] when the
/// process is interrupted before it can rename them.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// How long a temporary file of a killed run may lie before a later run removes it.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// The marker in every temporary file name, so that a leftover is obviously ours.
const TEMPORARY_MARKER: &str = ".charterlint-";

/// Removes the temporary files of writes still in progress. Called from a signal
/// handler: it takes the same lock as a write, so a rename and a removal never race.
pub fn remove_pending() {
    let pending = match PENDING.lock() {
        Ok(pending) => pending,
        Err(poisoned) => poisoned.into_inner(),
    };
    for path in pending.iter() {
        let _ = std::fs::remove_file(path);
    }
}

/// Follows a chain of symlinks to the path it ends at (which need not exist yet).
fn follow_symlinks(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // The same bound the kernel applies before it reports a loop.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if target.is_relative() => parent.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other(format!(
        "cannot write `{}`: it is a symlink loop",
        path.display()
    )))
}

/// Whether two paths name the same file: the same canonical path, or on Unix the
/// same device and inode (a hard link).
fn same_file(left: &Path, right: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(left), Ok(right)) = (std::fs::metadata(left), std::fs::metadata(right)) {
            return left.dev() == right.dev() && left.ino() == right.ino();
        }
    }
    match (std::fs::canonicalize(left), std::fs::canonicalize(right)) {
        (Ok(left), Ok(right)) => left == right,
        _ => false,
    }
}

/// Refuses a report target that is one of the files the run read.
pub fn refuse_inputs(target: &Path, inputs: &[PathBuf]) -> io::Result<()> {
    if !target.exists() {
        return Ok(());
    }
    if inputs.iter().any(|input| same_file(target, input)) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "refusing to write the report over `{}`: it is an input of this run",
                target.display()
            ),
        ));
    }
    Ok(())
}

/// Writes a report to `target`: atomically for a regular file, straight through for
/// a device or FIFO. The previous file is left as it was when anything fails.
pub fn write_report(target: &Path, contents: &[u8]) -> io::Result<()> {
    // A pipe or device behind a link the kernel resolves itself (`/dev/fd/63` from a
    // shell's `>(…)`, `/dev/stdout`) has no path to follow: open the link as given.
    if let Ok(metadata) = std::fs::metadata(target)
        && !metadata.is_file()
        && !metadata.is_dir()
    {
        return write_through(target, contents)
            .map_err(|error| io::Error::new(error.kind(), format!("cannot write `{}`: {error}", target.display())));
    }
    let resolved = follow_symlinks(target)?;
    match std::fs::metadata(&resolved) {
        Ok(metadata) if metadata.is_dir() => Err(io::Error::other(format!(
            "cannot write `{}`: it is a folder",
            target.display()
        ))),
        Ok(metadata) if !metadata.is_file() => write_through(&resolved, contents)
            .map_err(|error| io::Error::new(error.kind(), format!("cannot write `{}`: {error}", target.display()))),
        Ok(_) | Err(_) => write_atomically(&resolved, contents),
    }
}

fn write_through(path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    file.write_all(contents)?;
    file.flush()
}

/// Writes a regular file whole or not at all, through an exclusively created
/// temporary file in the same folder and a rename.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "report".into(), |name| name.to_string_lossy().into_owned());
    let prefix = format!(".{name}{TEMPORARY_MARKER}");
    remove_stale_temporaries(&folder, &prefix);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A report is an ordinary file: readable as the umask allows, unlike the
        // owner-only default of a temporary file. An existing file keeps its mode.
        let mode = std::fs::metadata(path).map_or(0o666, |metadata| metadata.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut temporary = builder.tempfile_in(&folder).map_err(|error| {
        io::Error::new(
            error.kind(),
            format!(
                "cannot write `{}`: cannot create a file in the folder `{}`: {}",
                path.display(),
                folder.display(),
                plain_reason(&error)
            ),
        )
    })?;
    let temporary_path = temporary.path().to_path_buf();
    lock_pending().push(temporary_path.clone());
    let result = (|| {
        temporary.write_all(contents)?;
        temporary.as_file().sync_all()?;
        let mut pending = lock_pending();
        let persisted = temporary.persist(path).map(drop).map_err(|error| error.error);
        pending.retain(|pending| pending != &temporary_path);
        persisted
    })();
    // On failure the temporary file was dropped, which removed it.
    lock_pending().retain(|pending| pending != &temporary_path);
    result.map_err(|error| {
        io::Error::new(
            error.kind(),
            format!("cannot write `{}`: {}", path.display(), plain_reason(&error)),
        )
    })
}

fn lock_pending() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    match PENDING.lock() {
        Ok(pending) => pending,
        Err(poisoned) => poisoned.into_inner(),
    }
}

/// An I/O error's reason without the path that tempfile appends to some of them.
fn plain_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::NotFound => "no such folder".to_string(),
        _ => {
            let text = error.to_string();
            text.split(" at path ").next().unwrap_or(&text).to_string()
        }
    }
}

/// Removes the temporary files a killed run left beside this target, once they are
/// old enough that no running write can own them.
fn remove_stale_temporaries(folder: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(prefix) && name.ends_with(".tmp")) {
            continue;
        }
        let old_enough = entry
            .metadata()
            .and_then(|metadata| metadata.modified())
            .is_ok_and(|modified| now.duration_since(modified).is_ok_and(|age| age > STALE_AFTER));
        if old_enough {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_symlink_is_followed_and_stays_a_symlink() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let real = folder.path().join("real.json");
        std::fs::write(&real, "old").expect("written");
        let link = folder.path().join("link.json");
        std::os::unix::fs::symlink(&real, &link).expect("linked");
        write_report(&link, b"new").expect("written through the link");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("exists")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&real).expect("readable"), "new");
    }

    #[test]
    fn a_stale_temporary_file_of_ours_is_removed_and_a_fresh_one_kept() {
        let folder = tempfile::tempdir().expect("temporary folder");
        let stale = folder.path().join(".report.json.charterlint-abc123.tmp");
        let fresh = folder.path().join(".report.json.charterlint-def456.tmp");
        let unrelated = folder.path().join(".report.json.other.tmp");
        for path in [&stale, &fresh, &unrelated] {
            std::fs::write(path, "x").expect("written");
        }
        let long_ago = std::time::SystemTime::now() - STALE_AFTER * 2;
        std::fs::File::options()
            .write(true)
            .open(&stale)
            .and_then(|file| file.set_modified(long_ago))
            .expect("dated");
        write_report(&folder.path().join("report.json"), b"{}").expect("written");
        assert!(!stale.exists());
        assert!(fresh.exists());
        assert!(unrelated.exists());
    }

    #[test]
    fn an_existing_report_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().expect("temporary folder");
        let report = folder.path().join("report.json");
        std::fs::write(&report, "old").expect("written");
        std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o640)).expect("set");
        write_report(&report, b"new").expect("written");
        let mode = std::fs::metadata(&report).expect("exists").permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}
