//! The organisation view of a run, shared by the Markdown and HTML reports: each
//! team's status, worst first; how often each responsibility is left unowned or
//! shared; and the people who carry the most across teams.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{PerResponsibility, ResponsibilityId};
use crate::finding::{Category, Finding, Severity};
use crate::lint::RunReport;
use crate::rules::CheckedFile;

/// One checked team and what was found in its file.
#[derive(Debug)]
pub struct TeamStatus<'a> {
    /// The team's checked file.
    pub file: &'a CheckedFile,
    /// Its findings, in report order.
    pub findings: Vec<&'a Finding>,
    /// Its findings of severity error.
    pub errors: usize,
    /// Its findings of severity warning.
    pub warnings: usize,
    /// Its findings of severity info.
    pub infos: usize,
    /// Whether a finding reaches the file's `fail_on`.
    pub failing: bool,
}

impl TeamStatus<'_> {
    /// Worst first: failing teams, then by errors, warnings and infos, then by path.
    fn rank(&self) -> (bool, usize, usize, usize) {
        (
            !self.failing,
            usize::MAX - self.errors,
            usize::MAX - self.warnings,
            usize::MAX - self.infos,
        )
    }

    /// "failing", "warnings", "notes" or "clean".
    pub fn verdict(&self) -> &'static str {
        if self.failing {
            "failing"
        } else if self.errors + self.warnings > 0 {
            "warnings"
        } else if self.infos > 0 {
            "notes"
        } else {
            "clean"
        }
    }
}

/// How one responsibility fares across the teams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeatRow {
    /// Index into the catalog.
    pub responsibility: ResponsibilityId,
    /// Teams for which it is core.
    pub core_in: usize,
    /// Teams for which it is core and nobody owns it.
    pub unowned_in: usize,
    /// Teams in which owners with overlapping scopes share it.
    pub shared_in: usize,
}

/// One person's load across every team checked.
#[derive(Debug)]
pub struct Load<'a> {
    /// The person, as the charters name them.
    pub person: &'a str,
    /// Share of the person's time over every role in every team; above 1.0 is more than
    /// full time.
    pub allocation: f64,
    /// Distinct product ownership responsibilities owned, summed over teams.
    pub accountabilities: usize,
    /// The teams, in path order.
    pub teams: Vec<&'a str>,
    /// Named by an overload finding (over-allocated, too many accountabilities,
    /// spread too thin, combined roles at warning level or above).
    pub overloaded: bool,
}

/// The organisation view of one run.
#[derive(Debug)]
pub struct Overview<'a> {
    /// Every team checked, worst first.
    pub teams: Vec<TeamStatus<'a>>,
    /// Per product ownership responsibility that any team holds core, in catalog order.
    pub heat: Vec<HeatRow>,
    /// The people, heaviest first: overloaded ones, then by allocation and
    /// accountabilities.
    pub loads: Vec<Load<'a>>,
    /// Findings that point into no checked file (an org-wide policy's acceptances).
    pub org_findings: Vec<&'a Finding>,
}

impl<'a> Overview<'a> {
    /// The organisation view of a run: its teams, responsibilities and people.
    pub fn new(report: &'a RunReport) -> Self {
        let index: BTreeMap<&str, usize> = report
            .files
            .iter()
            .enumerate()
            .map(|(position, file)| (&*file.path, position))
            .collect();
        let mut teams: Vec<TeamStatus<'a>> = report
            .files
            .iter()
            .map(|file| TeamStatus {
                file,
                findings: Vec::new(),
                errors: 0,
                warnings: 0,
                infos: 0,
                failing: false,
            })
            .collect();
        let mut org_findings = Vec::new();
        let mut overloaded: BTreeSet<&str> = BTreeSet::new();
        for finding in &report.findings {
            if finding.category == Category::Overload && finding.severity >= Severity::Warning {
                overloaded.extend(finding.people.iter().map(String::as_str));
            }
            let Some(&position) = index.get(&*finding.location.path) else {
                org_findings.push(finding);
                continue;
            };
            let team = &mut teams[position];
            team.findings.push(finding);
            match finding.severity {
                Severity::Error => team.errors += 1,
                Severity::Warning => team.warnings += 1,
                Severity::Info => team.infos += 1,
            }
            team.failing |= team.file.policy.fails(finding.severity);
        }
        teams.sort_by(|left, right| {
            left.rank()
                .cmp(&right.rank())
                .then(left.file.path.cmp(&right.file.path))
        });
        Overview {
            heat: heat(&report.files),
            loads: loads(&report.files, &overloaded),
            teams,
            org_findings,
        }
    }

    /// Teams whose findings reach their `fail_on`.
    pub fn failing(&self) -> usize {
        self.teams.iter().filter(|team| team.failing).count()
    }

    /// Teams without a single finding.
    pub fn clean(&self) -> usize {
        self.teams.iter().filter(|team| team.findings.is_empty()).count()
    }
}

fn heat(files: &[CheckedFile]) -> Vec<HeatRow> {
    let mut rows = PerResponsibility::from_fn(|responsibility| HeatRow {
        responsibility,
        core_in: 0,
        unowned_in: 0,
        shared_in: 0,
    });
    for coverage in files.iter().filter_map(|file| file.coverage.as_ref()) {
        for row in &coverage.rows {
            let heat = &mut rows[row.responsibility];
            heat.core_in += usize::from(row.core);
            heat.unowned_in += usize::from(row.unowned);
            heat.shared_in += usize::from(row.shared);
        }
    }
    let mut rows = rows.into_values();
    rows.retain(|row| row.responsibility.entry().is_product_ownership() && row.core_in + row.shared_in > 0);
    rows
}

fn loads<'a>(files: &'a [CheckedFile], overloaded: &BTreeSet<&str>) -> Vec<Load<'a>> {
    let mut by_person: BTreeMap<&'a str, Load<'a>> = BTreeMap::new();
    for file in files {
        for (person, team) in &file.people {
            let load = by_person.entry(person.as_str()).or_insert_with(|| Load {
                person,
                allocation: 0.0,
                accountabilities: 0,
                teams: Vec::new(),
                overloaded: overloaded.contains(person.as_str()),
            });
            load.allocation += team.roles.iter().map(|(_, share)| share).sum::<f64>();
            load.accountabilities += team.owned;
            load.teams.push(&team.team);
        }
    }
    let mut loads: Vec<Load<'a>> = by_person.into_values().collect();
    loads.sort_by(|left, right| {
        right
            .overloaded
            .cmp(&left.overloaded)
            .then(right.allocation.total_cmp(&left.allocation))
            .then(right.accountabilities.cmp(&left.accountabilities))
            .then(right.teams.len().cmp(&left.teams.len()))
            .then(left.person.cmp(right.person))
    });
    loads
}
