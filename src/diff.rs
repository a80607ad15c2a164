//! What a change does to ownership: two runs over two states of the same charters
//! (two folders, two files, or the working tree and a git revision), compared team by
//! team. It names the findings the change introduces and resolves, who gained or lost
//! which RACI letter on which responsibility, the responsibilities that became
//! unowned or shared, the people whose load changed, and the charters that were
//! added, removed or renamed. A duty reworded into the same responsibility changes
//! nothing here: ownership is compared by responsibility, never by wording.

use std::collections::{BTreeMap, BTreeSet};

use crate::finding::Finding;
use crate::lint::RunReport;
use crate::rules::CheckedFile;

/// How a charter fared between the two states.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "change", rename_all = "lowercase")]
pub enum CharterChange {
    /// A charter only the new state has.
    Added {
        /// The charter's path in the new state.
        path: String,
        /// The team's name, from the charter.
        team: String,
    },
    /// A charter only the old state has.
    Removed {
        /// The charter's path in the old state.
        path: String,
        /// The team's name, from the charter.
        team: String,
    },
    /// Moved to another path, recognised by its team's name.
    Renamed {
        /// The path in the old state.
        from: String,
        /// The path in the new state.
        to: String,
        /// The team, whose name is the same in both states.
        team: String,
    },
}

/// A person's relation to one responsibility in one team, before and after.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RaciChange {
    /// The team, as the new state names it.
    pub team: String,
    /// The catalog id of the responsibility.
    pub responsibility: &'static str,
    /// The person, as the charters name them.
    pub person: String,
    /// RACI letters before (`A`, `R/C`), empty when none.
    pub before: String,
    /// RACI letters after, in the same form; empty when none.
    pub after: String,
}

/// A responsibility whose ownership changed state in a team.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StatusChange {
    /// The team, as the new state names it.
    pub team: String,
    /// The catalog id of the responsibility.
    pub responsibility: &'static str,
    /// `owned`, `unowned`, `shared` or `not core`.
    pub before: &'static str,
    /// The status after, in the same words.
    pub after: &'static str,
}

/// A person whose load changed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LoadChange {
    /// The person, as the charters name them.
    pub person: String,
    /// Share of the person's time over every role in every team before (1.0 is full
    /// time).
    pub allocation_before: f64,
    /// Share of the person's time over every role in every team after.
    pub allocation_after: f64,
    /// How many of the charters name the person as a holder before.
    pub teams_before: usize,
    /// How many of the charters name the person as a holder after.
    pub teams_after: usize,
    /// Distinct product ownership responsibilities the person owns before, summed over
    /// teams.
    pub accountabilities_before: usize,
    /// Distinct product ownership responsibilities the person owns after, summed over
    /// teams.
    pub accountabilities_after: usize,
}

/// Everything a change does, sorted.
#[derive(Debug, Clone)]
pub struct Changes<'a> {
    /// Charters added, removed or renamed: the old state's in path order, then the
    /// added ones.
    pub charters: Vec<CharterChange>,
    /// Findings the new state has and the old one does not, in report order.
    pub introduced: Vec<&'a Finding>,
    /// Findings the old state has and the new one does not, in report order.
    pub resolved: Vec<&'a Finding>,
    /// RACI letters gained or lost, team by team, by responsibility id and then person.
    pub raci: Vec<RaciChange>,
    /// Responsibilities that became or stopped being unowned or shared, team by team,
    /// by id.
    pub statuses: Vec<StatusChange>,
    /// People whose allocation, number of teams or accountabilities changed, by name.
    pub loads: Vec<LoadChange>,
    /// Whether an introduced finding reaches its file's `fail_on`.
    pub failed: bool,
}

impl Changes<'_> {
    /// Whether the change does nothing to ownership: no charter, finding, letter,
    /// status or load changed.
    pub fn is_empty(&self) -> bool {
        self.charters.is_empty()
            && self.introduced.is_empty()
            && self.resolved.is_empty()
            && self.raci.is_empty()
            && self.statuses.is_empty()
            && self.loads.is_empty()
    }
}

/// The path a file is matched by: relative to the folder or file it was found under.
fn key_of(path: &str, base: &str) -> String {
    let relative = std::path::Path::new(path)
        .strip_prefix(base)
        .map_or_else(|_| path.to_string(), |relative| relative.to_string_lossy().into_owned());
    let relative = relative.trim_start_matches("./").to_string();
    if relative.is_empty() {
        // A file compared with a file: they are the same charter whatever their names.
        String::from(".")
    } else {
        relative
    }
}

/// Pairs the files of the two runs: by path below their bases, then, for the rest,
/// by team name.
fn pair<'a>(
    old: &'a RunReport,
    new: &'a RunReport,
    old_base: &str,
    new_base: &str,
) -> (Vec<(&'a CheckedFile, &'a CheckedFile)>, Vec<CharterChange>) {
    let old_files: BTreeMap<String, &CheckedFile> = old
        .files
        .iter()
        .map(|file| (key_of(&file.path, old_base), file))
        .collect();
    let mut new_files: BTreeMap<String, &CheckedFile> = new
        .files
        .iter()
        .map(|file| (key_of(&file.path, new_base), file))
        .collect();
    let mut pairs = Vec::new();
    let mut unmatched_old = Vec::new();
    for (key, file) in old_files {
        match new_files.remove(&key) {
            Some(new_file) => pairs.push((file, new_file)),
            None => unmatched_old.push(file),
        }
    }
    let mut changes = Vec::new();
    for old_file in unmatched_old {
        let renamed = new_files
            .iter()
            .find(|(_, new_file)| new_file.team == old_file.team)
            .map(|(key, _)| key.clone());
        match renamed.and_then(|key| new_files.remove(&key)) {
            Some(new_file) => {
                changes.push(CharterChange::Renamed {
                    from: old_file.path.to_string(),
                    to: new_file.path.to_string(),
                    team: new_file.team.clone(),
                });
                pairs.push((old_file, new_file));
            }
            None => changes.push(CharterChange::Removed {
                path: old_file.path.to_string(),
                team: old_file.team.clone(),
            }),
        }
    }
    for new_file in new_files.into_values() {
        changes.push(CharterChange::Added {
            path: new_file.path.to_string(),
            team: new_file.team.clone(),
        });
    }
    (pairs, changes)
}

/// What identifies a finding across the two states: its rule, its team, its
/// responsibility, roles and people, and for a duty's wording rules the wording.
fn identity(finding: &Finding, team: &str) -> String {
    let mut roles = finding.roles.clone();
    roles.sort();
    let mut people = finding.people.clone();
    people.sort();
    let about_wording = [
        &crate::rules::UNKNOWN_DUTY,
        &crate::rules::UNKNOWN_SPECIALIST_DUTY,
        &crate::rules::AMBIGUOUS_DUTY,
    ];
    let wording = if about_wording.iter().any(|rule| rule.name == finding.rule) {
        finding.message.as_str()
    } else {
        ""
    };
    format!(
        "{}\u{1f}{team}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{wording}",
        finding.rule,
        finding.responsibility.unwrap_or_default(),
        roles.join(","),
        people.join(",")
    )
}

/// Each finding with its identity and occurrence, so that two alike findings of a
/// team stay two.
fn identities<'a>(report: &'a RunReport, team_of: &BTreeMap<&str, String>) -> BTreeMap<(String, usize), &'a Finding> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = BTreeMap::new();
    for finding in &report.findings {
        let team = team_of
            .get(&*finding.location.path)
            .cloned()
            .unwrap_or_else(|| finding.team.clone());
        let base = identity(finding, &team);
        let occurrence = seen.entry(base.clone()).or_insert(0);
        *occurrence += 1;
        out.insert((base, *occurrence), finding);
    }
    out
}

/// Per (responsibility, person): the RACI letters a team gives them.
fn letters(file: &CheckedFile) -> BTreeMap<(&'static str, String), String> {
    let mut out: BTreeMap<(&'static str, String), BTreeSet<char>> = BTreeMap::new();
    if let Some(coverage) = &file.coverage {
        for row in &coverage.rows {
            for (role, cell) in coverage.roles.iter().zip(&row.cells) {
                for holder in &role.holders {
                    let entry = out.entry((row.responsibility.entry().id, holder.clone())).or_default();
                    entry.extend(cell.letters().chars().filter(|letter| *letter != '/'));
                }
            }
        }
    }
    out.into_iter()
        .filter(|(_, letters)| !letters.is_empty())
        .map(|(key, letters)| {
            let ordered: Vec<String> = "ARCI"
                .chars()
                .filter(|letter| letters.contains(letter))
                .map(String::from)
                .collect();
            (key, ordered.join("/"))
        })
        .collect()
}

/// Per responsibility: `owned`, `unowned`, `shared`, or `not core` when neither
/// core nor owned.
fn statuses(file: &CheckedFile) -> BTreeMap<&'static str, &'static str> {
    let mut out = BTreeMap::new();
    if let Some(coverage) = &file.coverage {
        for row in &coverage.rows {
            let status = if row.unowned {
                "unowned"
            } else if row.shared {
                "shared"
            } else if coverage.owners(row).is_empty() {
                "not core"
            } else {
                "owned"
            };
            out.insert(row.responsibility.entry().id, status);
        }
    }
    out
}

/// (allocation, teams, accountabilities) per person across a run.
fn loads(report: &RunReport) -> BTreeMap<&str, (f64, usize, usize)> {
    let mut out: BTreeMap<&str, (f64, usize, usize)> = BTreeMap::new();
    for file in &report.files {
        for (person, team) in &file.people {
            let entry = out.entry(person.as_str()).or_default();
            entry.0 += team.roles.iter().map(|(_, share)| share).sum::<f64>();
            entry.1 += 1;
            entry.2 += team.owned;
        }
    }
    out
}

/// Compares two runs; `old_base` and `new_base` are the folders (or files) each was
/// made from, so that files are matched by their path below them. Both runs must keep
/// coverage matrices.
pub fn compare<'a>(old: &'a RunReport, new: &'a RunReport, old_base: &str, new_base: &str) -> Changes<'a> {
    let (pairs, charters) = pair(old, new, old_base, new_base);
    // A finding's team is named by the new side's path, so a renamed file's findings
    // are the same findings.
    let mut old_team: BTreeMap<&str, String> = BTreeMap::new();
    let mut new_team: BTreeMap<&str, String> = BTreeMap::new();
    for (old_file, new_file) in &pairs {
        old_team.insert(&old_file.path, new_file.path.to_string());
        new_team.insert(&new_file.path, new_file.path.to_string());
    }
    let old_findings = identities(old, &old_team);
    let mut new_findings = identities(new, &new_team);
    let mut resolved = Vec::new();
    for (key, finding) in old_findings {
        if new_findings.remove(&key).is_none() {
            resolved.push(finding);
        }
    }
    let mut introduced: Vec<&Finding> = new_findings.into_values().collect();
    introduced.sort_by(|left, right| left.sort_key().cmp(&right.sort_key()));
    resolved.sort_by(|left, right| left.sort_key().cmp(&right.sort_key()));
    let policy_of: BTreeMap<&str, &crate::policy::ResolvedPolicy> =
        new.files.iter().map(|file| (&*file.path, &file.policy)).collect();
    let failed = introduced.iter().any(|finding| {
        policy_of
            .get(&*finding.location.path)
            .is_none_or(|policy| policy.fails(finding.severity))
    });

    let mut raci = Vec::new();
    let mut status_changes = Vec::new();
    for (old_file, new_file) in &pairs {
        // Letters and statuses come from the coverage alone: an unchanged one has none
        // to report, and most files of a change are unchanged.
        if old_file.coverage == new_file.coverage {
            continue;
        }
        let (before, after) = (letters(old_file), letters(new_file));
        let keys: BTreeSet<&(&'static str, String)> = before.keys().chain(after.keys()).collect();
        for key in keys {
            let (was, is) = (before.get(key), after.get(key));
            if was != is {
                raci.push(RaciChange {
                    team: new_file.team.clone(),
                    responsibility: key.0,
                    person: key.1.clone(),
                    before: was.cloned().unwrap_or_default(),
                    after: is.cloned().unwrap_or_default(),
                });
            }
        }
        let (before, after) = (statuses(old_file), statuses(new_file));
        let keys: BTreeSet<&&'static str> = before.keys().chain(after.keys()).collect();
        for key in keys {
            let was = before.get(*key).copied().unwrap_or("not core");
            let is = after.get(*key).copied().unwrap_or("not core");
            if was != is && (matches!(is, "unowned" | "shared") || matches!(was, "unowned" | "shared")) {
                status_changes.push(StatusChange {
                    team: new_file.team.clone(),
                    responsibility: key,
                    before: was,
                    after: is,
                });
            }
        }
    }

    let (before, after) = (loads(old), loads(new));
    let people: BTreeSet<&str> = before.keys().chain(after.keys()).copied().collect();
    let mut load_changes = Vec::new();
    for person in people {
        let was = before.get(person).copied().unwrap_or_default();
        let is = after.get(person).copied().unwrap_or_default();
        if (was.0 - is.0).abs() > 1e-9 || was.1 != is.1 || was.2 != is.2 {
            load_changes.push(LoadChange {
                person: person.to_string(),
                allocation_before: was.0,
                allocation_after: is.0,
                teams_before: was.1,
                teams_after: is.1,
                accountabilities_before: was.2,
                accountabilities_after: is.2,
            });
        }
    }
    Changes {
        charters,
        introduced,
        resolved,
        raci,
        statuses: status_changes,
        loads: load_changes,
        failed,
    }
}
