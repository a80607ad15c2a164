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
