//! What charterlint asks of git: the commit the charters were checked at, and the
//! files of another revision. It runs the `git` program the user already has, so
//! every repository layout, worktree, alternate and config that git understands
//! works the same here; a machine without git only loses these extras.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The commit a run checked, as SARIF's `versionControlProvenance` names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// The top folder of the working tree.
    pub root: PathBuf,
    /// The full commit id of `HEAD`.
    pub revision: String,
    /// The checked-out branch, if `HEAD` is on one.
    pub branch: Option<String>,
    /// The `origin` remote, as an absolute URI.
    pub repository_uri: String,
}

/// Runs git in `folder` and returns its standard output, trimmed, when it succeeds.
fn git(folder: &Path, arguments: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(arguments)
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// The top folder of the git working tree that holds `folder`.
pub fn work_tree_root(folder: &Path) -> Option<PathBuf> {
    git(folder, &["rev-parse", "--show-toplevel"]).map(PathBuf::from)
}

/// The commit `folder` is checked out at, when it is inside a git working tree with
/// an `origin` remote (SARIF requires the repository's address).
pub fn provenance(folder: &Path) -> Option<Provenance> {
    let root = work_tree_root(folder)?;
    let revision = git(&root, &["rev-parse", "--verify", "HEAD"])?;
    let branch = git(&root, &["symbolic-ref", "--quiet", "--short", "HEAD"]).filter(|branch| !branch.is_empty());
    let repository_uri = git(&root, &["config", "--get", "remote.origin.url"]).and_then(|url| absolute_uri(&url))?;
    Some(Provenance {
        root,
        revision,
        branch,
        repository_uri,
    })
}

/// The charter files of a revision below `paths` (relative to `folder`, the working
/// folder), with their contents, read from the repository without a checkout: one
/// `git ls-tree` and one `git cat-file --batch` whatever the number of files.
/// Paths come back relative to `folder`, as the working tree's walk names them.
pub fn charters_at(folder: &Path, revision: &str, paths: &[String]) -> Result<Vec<(String, Vec<u8>)>, String> {
    use std::io::{Read, Write};
    let verified = git(
        folder,
        &["rev-parse", "--verify", "--quiet", &format!("{revision}^{{commit}}")],
    )
    .ok_or_else(|| format!("`{revision}` is not a commit of this git repository"))?;
    let listing = Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(["ls-tree", "-r", "-z", &verified, "--"])
        .args(paths)
        .output()
        .map_err(|error| format!("cannot run git: {error}"))?;
    if !listing.status.success() {
        return Err(String::from_utf8_lossy(&listing.stderr).trim().to_string());
    }
    // Entries are "<mode> <type> <object>\t<path>": the blob is asked for by its
    // object id, which git finds at once, where `rev:path` walks the trees each time.
    let (mut names, mut objects) = (Vec::new(), Vec::new());
    for entry in listing
        .stdout
        .split(|byte| *byte == 0)
        .filter(|entry| !entry.is_empty())
    {
        let Some(tab) = entry.iter().position(|byte| *byte == b'\t') else {
            continue;
        };
        let name = String::from_utf8_lossy(&entry[tab + 1..]).into_owned();
        let mut fields = entry[..tab].split(|byte| *byte == b' ');
        let (Some(_mode), Some(kind), Some(object)) = (fields.next(), fields.next(), fields.next()) else {
            continue;
        };
        if kind == b"blob" && (name.ends_with(".charter.toml") || name.ends_with(".charter.json")) {
            names.push(name);
            objects.push(String::from_utf8_lossy(object).into_owned());
        }
    }
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(folder)
        .args(["cat-file", "--batch"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot run git: {error}"))?;
    let mut stdin = child.stdin.take().ok_or("git cat-file has no input")?;
    let requests: String = objects.iter().map(|object| format!("{object}\n")).collect();
    // Written from a thread: git answers while it reads, and a full pipe would stall both.
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let mut output = Vec::new();
    child
        .stdout
        .take()
        .ok_or("git cat-file has no output")?
        .read_to_end(&mut output)
        .map_err(|error| format!("cannot read from git: {error}"))?;
    let _ = writer.join();
    let _ = child.wait();
    let mut files = Vec::with_capacity(names.len());
    let mut rest = output.as_slice();
    for name in names {
        let header_end = rest
            .iter()
            .position(|byte| *byte == b'\n')
            .ok_or("git cat-file ended early")?;
        let header = String::from_utf8_lossy(&rest[..header_end]).into_owned();
        rest = &rest[header_end + 1..];
        let size: usize = header
            .rsplit(' ')
            .next()
            .and_then(|size| size.parse().ok())
            .ok_or_else(|| format!("git cannot read `{name}` at `{revision}`: {header}"))?;
        if rest.len() < size + 1 {
            return Err("git cat-file ended early".to_string());
        }
        files.push((name, rest[..size].to_vec()));
        rest = &rest[size + 1..];
    }
    Ok(files)
}

/// A remote as an absolute URI: `git@github.com:owner/name.git` becomes
/// `https://github.com/owner/name`, a local clone's `/srv/repo` becomes
/// `file:///srv/repo`; credentials in a URL are dropped.
fn absolute_uri(remote: &str) -> Option<String> {
    let remote = remote.trim();
    if remote.starts_with('/') {
        return Some(format!("file://{}", remote.trim_end_matches('/')));
    }
    if let Some(rest) = remote.strip_prefix("git@")
        && let Some((host, path)) = rest.split_once(':')
    {
        return Some(format!("https://{host}/{}", path.trim_end_matches(".git")));
    }
    let (scheme, rest) = remote.split_once("://")?;
    let rest = rest.rsplit_once('@').map_or(rest, |(_, host_and_path)| host_and_path);
    Some(format!("{scheme}://{}", rest.trim_end_matches(".git")))
}

#[cfg(test)]
mod tests {
    use super::absolute_uri;

    #[test]
    fn remotes_become_absolute_uris_without_credentials() {
        assert_eq!(
            absolute_uri("git@github.com:acme/charters.git").as_deref(),
            Some("https://github.com/acme/charters")
        );
        assert_eq!(
            absolute_uri("https://token@github.com/acme/charters.git").as_deref(),
            Some("https://github.com/acme/charters")
        );
        assert_eq!(absolute_uri("/srv/charters/").as_deref(), Some("file:///srv/charters"));
        assert_eq!(absolute_uri("../local-mirror"), None);
    }
}
