//! The lint run: each charter is mapped and checked on its own, then the org-wide rules
//! and the accepted risks are applied across every file checked together.

use std::collections::HashMap;

use crate::catalog::PerResponsibility;
use crate::charter::{Date, FailOn, LoadFailure, LoadedCharter};
use crate::coverage::{Coverage, CoverageRow, RaciSet, RoleColumn};
use crate::discover::{CharterPath, Walked};
use crate::finding::{AcceptedFinding, Finding, Location, Summary};
use crate::mapping::Mapper;
use crate::policy::{Acceptances, OrgPolicy, ResolvedPolicy};
use crate::rules::{self, CheckedFile, PersonInTeam, RuleCheck, Sink, TeamView};
use crate::source::SourceFile;

/// The coverage matrix of a checked team, for the Markdown report.
fn coverage_of(view: &TeamView<'_>, findings: &[Finding]) -> Coverage {
    let roles = view
        .charter
        .roles
        .iter()
        .map(|role| RoleColumn {
            id: role.id.value.clone(),
            title: role.title.value.clone(),
            holders: role.holders.iter().map(|holder| holder.value.clone()).collect(),
            scope: role.scope.as_ref().map(|scope| scope.value.clone()),
        })
        .collect();
    let mut cells = PerResponsibility::filled(vec![RaciSet::default(); view.charter.roles.len()]);
    for duty in &view.duties {
        if let Some(responsibility) = duty.responsibility() {
            cells[responsibility][duty.role.index()].insert(duty.raci);
        }
    }
    let rows = cells
        .iter()
        .filter(|&(responsibility, cells)| {
            view.policy.core[responsibility] || cells.iter().any(|cell| !cell.is_empty())
        })
        .map(|(responsibility, cells)| CoverageRow {
            responsibility,
            core: view.policy.core[responsibility],
            cells: cells.clone(),
            unowned: view.policy.core[responsibility] && view.owners[responsibility].is_empty(),
            shared: findings.iter().any(|finding| {
                finding.rule == rules::SHARED_ACCOUNTABILITY.name
                    && finding.responsibility == Some(responsibility.text())
            }),
        })
        .collect();
    Coverage {
        delivery_teams: view.charter.team.delivery_teams,
        methodology: view.charter.team.methodology,
        roles,
        rows,
    }
}

/// Maps and lints one charter.
pub fn check_charter(
    loaded: &LoadedCharter,
    org: &OrgPolicy,
    cli_fail_on: Option<FailOn>,
    with_coverage: bool,
) -> CheckedFile {
    let wanted = if with_coverage {
        CoverageWanted::Always
    } else {
        CoverageWanted::Never
    };
    check_charter_with(loaded, org, cli_fail_on, wanted)
}

/// Which checked files keep their coverage matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CoverageWanted {
    Never,
    Always,
    /// The matrix only for a file that fails, or that the organisation-wide rules
    /// could make fail (past `--matrices` teams the Markdown report shows no other);
    /// every file keeps each responsibility's status for the organisation view.
    IfFailing,
}

fn check_charter_with(
    loaded: &LoadedCharter,
    org: &OrgPolicy,
    cli_fail_on: Option<FailOn>,
    wanted: CoverageWanted,
) -> CheckedFile {
    let policy = ResolvedPolicy::resolve(&loaded.charter, &loaded.source, org, cli_fail_on);
    let mapper = Mapper::new(&loaded.charter.vocabulary);
    let view = TeamView::new(loaded, &policy, &mapper);
    let mut sink = Sink::new(&loaded.source, &policy, view.team_name());
    for rule in rules::RULES {
        if let RuleCheck::Team(check) = rule.check {
            check(&view, &mut sink);
        }
    }
    let team_name: std::sync::Arc<str> = view.team_name().into();
    let people = view
        .people
        .iter()
        .map(|(&person, roles)| {
            let owned = view.owned_by(person);
            let contribution = PersonInTeam {
                team: team_name.clone(),
                path: loaded.source.path.clone(),
                roles: roles
                    .iter()
                    .map(|&role| (view.role(role).id.value.clone(), view.role(role).allocation.value))
                    .collect(),
                owned: owned.len(),
                location: Location::new(&loaded.source, &view.holder_span(person, roles[0])),
            };
            (person.to_string(), contribution)
        })
        .collect();
    let findings = sink.findings;
    let coverage = match wanted {
        CoverageWanted::Never => None,
        CoverageWanted::Always => Some(coverage_of(&view, &findings)),
        CoverageWanted::IfFailing => {
            let could_fail = |rule: &rules::Rule| {
                policy
                    .severity(rule.name, rule.default_severity)
                    .is_some_and(|severity| policy.fails(severity))
            };
            let fails = findings.iter().any(|finding| policy.fails(finding.severity))
                || rules::RULES
                    .iter()
                    .any(|rule| matches!(rule.check, RuleCheck::Org(_)) && could_fail(rule));
            // The organisation view still counts every team's gaps.
            let coverage = coverage_of(&view, &findings);
            Some(if fails { coverage } else { coverage.without_matrix() })
        }
    };
    CheckedFile {
        path: loaded.source.path.clone(),
        team: view.team_name().to_string(),
        role_count: loaded.charter.roles.len(),
        policy,
        findings,
        people,
        coverage,
    }
}

/// Everything a report shows about a run.
#[derive(Debug, Clone, Default)]
pub struct RunReport {
    /// Files checked, in path order.
    pub files: Vec<CheckedFile>,
    /// Files that could not be loaded, in path order.
    pub input_errors: Vec<LoadFailure>,
    /// Findings that count, sorted by path, line, column and rule.
    pub findings: Vec<Finding>,
    /// Findings silenced by an accepted risk, in the same order.
    pub accepted: Vec<AcceptedFinding>,
    /// Findings the `--baseline` knows: listed apart, they never fail the run.
    pub known: Vec<Finding>,
    /// Counts of `findings` by severity, and of the accepted and known findings.
    pub summary: Summary,
    /// Whether any finding is at or above its file's `fail_on`.
    pub failed: bool,
    /// The path of every file the run read, so a report is never written over one
    /// of them.
    pub inputs_read: Vec<std::path::PathBuf>,
}

impl RunReport {
    /// 0 clean, 1 findings at or above `fail_on`, 2 an input could not be used.
    pub fn exit_code(&self) -> u8 {
        if !self.input_errors.is_empty() {
            2
        } else if self.failed {
            1
        } else {
            0
        }
    }
}

/// Runs the org-wide rules over every checked file and applies accepted risks.
pub fn finish(
    mut files: Vec<CheckedFile>,
    mut input_errors: Vec<LoadFailure>,
    org: &OrgPolicy,
    cli_fail_on: Option<FailOn>,
    today: Date,
) -> RunReport {
    files.sort_by(|left, right| left.path.cmp(&right.path));
    input_errors.sort_by(|left, right| left.source.path.cmp(&right.source.path));
    let mut findings: Vec<Finding> = files
        .iter_mut()
        .flat_map(|file| std::mem::take(&mut file.findings))
        .collect();
    findings.extend(rules::org_findings(&files));

    let org_policy = ResolvedPolicy::resolve_org(org, cli_fail_on);
    let file_of: HashMap<&str, usize> = files
        .iter()
        .enumerate()
        .map(|(index, file)| (&*file.path, index))
        .collect();
    let mut acceptances = Acceptances::new(files.iter().map(|file| &file.policy), &org_policy, today);
    let mut kept = Vec::with_capacity(findings.len());
    let mut accepted = Vec::new();
    for finding in findings {
        let file_index = file_of.get(&*finding.location.path).copied();
        match acceptances.covering(file_index, &finding) {
            Some(acceptance) => accepted.push(acceptance.accept(finding)),
            None => kept.push(finding),
        }
    }
    let (used, org_used) = acceptances.used();
    for (file, used) in files.iter().zip(&used) {
        kept.extend(rules::acceptance_findings(&file.policy, used, &file.team, today));
    }
    kept.extend(rules::acceptance_findings(&org_policy, &org_used, "", today));
    kept.sort_by(|left, right| left.sort_key().cmp(&right.sort_key()));
    accepted.sort_by(|left, right| left.finding.sort_key().cmp(&right.finding.sort_key()));
    let failed = kept.iter().any(|finding| {
        let policy = match file_of.get(&*finding.location.path) {
            Some(&index) => &files[index].policy,
            None => &org_policy,
        };
        policy.fails(finding.severity)
    });
    let summary = Summary::count(&kept, accepted.len());
    RunReport {
        files,
        input_errors,
        findings: kept,
        accepted,
        known: Vec::new(),
        summary,
        failed,
        inputs_read: Vec::new(),
    }
}

/// Sets apart the findings a baseline knows, and reports its entries that match no
/// finding any more; `root` is what the baseline's paths are relative to.
pub fn apply_baseline(
    report: &mut RunReport,
    baseline: &crate::baseline::Baseline,
    org: &OrgPolicy,
    cli_fail_on: Option<FailOn>,
    root: &std::path::Path,
) {
    let split = crate::baseline::split(std::mem::take(&mut report.findings), baseline, root);
    let policy = ResolvedPolicy::resolve_org(org, cli_fail_on);
    let mut findings = split.new;
    findings.extend(rules::baseline_findings(&rules::BaselineView {
        source: &baseline.source,
        stale: &split.stale,
        policy: &policy,
    }));
    findings.sort_by(|left, right| left.sort_key().cmp(&right.sort_key()));
    let file_of: HashMap<&str, usize> = report
        .files
        .iter()
        .enumerate()
        .map(|(index, file)| (&*file.path, index))
        .collect();
    report.failed = findings
        .iter()
        .any(|finding| match file_of.get(&*finding.location.path) {
            Some(&index) => report.files[index].policy.fails(finding.severity),
            None => policy.fails(finding.severity),
        });
    report.summary = Summary::count(&findings, report.accepted.len());
    report.summary.known = split.known.len();
    report.findings = findings;
    report.known = split.known;
}

/// What a run needs besides the paths.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// The org-wide policy given with `--config`; empty without one.
    pub org: OrgPolicy,
    /// `--fail-on`, which overrides every policy.
    pub fail_on: Option<FailOn>,
    /// The day acceptances expire against.
    pub today: Date,
    /// Files larger than this many bytes are refused (`--max-file-size`).
    pub max_file_size: u64,
    /// The bytes and format of standard input, for the path `-`.
    pub stdin: Option<(Vec<u8>, crate::charter::InputFormat)>,
    /// Whether to keep each team's coverage matrix: the Markdown and HTML reports
    /// show it (`ReportFormat::shows_coverage`); off by default, as it costs memory
    /// per team.
    pub coverage: bool,
    /// Past this many files, keep the matrix of failing teams only (the Markdown
    /// report's `--matrices`), so an organisation's report does not hold 10,000.
    pub matrices_of_failing_only_past: Option<usize>,
    /// How many files to check at once; 0 uses every core.
    pub threads: usize,
}

impl RunOptions {
    /// A run on `today` with no org-wide policy, the default file size limit, no
    /// coverage matrices and a worker per CPU core.
    pub fn new(today: Date) -> Self {
        RunOptions {
            org: OrgPolicy::default(),
            fail_on: None,
            today,
            max_file_size: crate::charter::DEFAULT_MAX_FILE_SIZE,
            stdin: None,
            coverage: false,
            matrices_of_failing_only_past: None,
            threads: 0,
        }
    }
}

/// The name standard input goes by in reports.
pub const STDIN_PATH: &str = "<stdin>";

/// Loads one input: a path, or standard input for `-`.
pub fn load_input(input: &CharterPath, options: &RunOptions) -> Result<LoadedCharter, Box<LoadFailure>> {
    if input.display != "-" {
        return crate::charter::load_path(&input.path, &input.display, options.max_file_size, rules::names());
    }
    let Some((bytes, format)) = &options.stdin else {
        return Err(Box::new(LoadFailure {
            source: SourceFile::new(STDIN_PATH, String::new()),
            errors: vec![crate::charter::InputError::unlocated(
                "standard input was not read".to_string(),
                None,
            )],
        }));
    };
    if bytes.len() as u64 > options.max_file_size {
        return Err(crate::charter::too_large(STDIN_PATH, options.max_file_size));
    }
    crate::charter::load_bytes(STDIN_PATH, bytes.clone(), *format, rules::names())
}

/// Checks files and folders (walked for `*.charter.toml` / `*.charter.json`): every
/// charter on its own, then the org-wide rules and accepted risks across them all.
pub fn run(inputs: &[impl AsRef<std::path::Path> + Sync], options: &RunOptions) -> RunReport {
    let (checked, mut failures, walked) = check_all(inputs, options);
    failures.extend(walked.problems.into_iter().map(|problem| LoadFailure {
        errors: vec![crate::charter::InputError::unlocated(problem.message, problem.help)],
        source: SourceFile::new(problem.path, String::new()),
    }));
    let mut report = finish(checked, failures, &options.org, options.fail_on, options.today);
    report.inputs_read = walked.inputs_read;
    report
}

/// Checks charters already in memory, such as another revision's files from git:
/// `(path, bytes)`, the format chosen by the path's extension.
pub fn run_sources(sources: Vec<(String, Vec<u8>)>, options: &RunOptions) -> RunReport {
    let threads = crate::pool::workers(options.threads).min(sources.len());
    let (parts, ()) = crate::pool::fan_out(
        threads,
        |send| sources.into_iter().for_each(send),
        |(path, bytes): (String, Vec<u8>), checked: &mut Checked| {
            let format = crate::charter::InputFormat::from_path(&path)
                .unwrap_or_else(|| crate::charter::InputFormat::sniff(&bytes));
            match crate::charter::load_bytes(&path, bytes, format, rules::names()) {
                Ok(loaded) => {
                    checked
                        .files
                        .push(check_charter(&loaded, &options.org, options.fail_on, options.coverage))
                }
                Err(failure) => checked.failures.push(*failure),
            }
        },
    );
    let (files, failures) = Checked::merge(parts);
    finish(files, failures, &options.org, options.fail_on, options.today)
}

/// What one worker checked: the small per-file results, sorted later by `finish`.
#[derive(Default)]
struct Checked {
    files: Vec<CheckedFile>,
    failures: Vec<LoadFailure>,
}

impl Checked {
    fn merge(parts: Vec<Checked>) -> (Vec<CheckedFile>, Vec<LoadFailure>) {
        let (mut files, mut failures) = (Vec::new(), Vec::new());
        for part in parts {
            files.extend(part.files);
            failures.extend(part.failures);
        }
        (files, failures)
    }
}

/// Loads and checks one input; `started` counts the files begun so far.
fn check_one(
    path: &CharterPath,
    options: &RunOptions,
    started: &std::sync::atomic::AtomicUsize,
    checked: &mut Checked,
) {
    let before = started.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    // More files started than the limit means more in the run: the order in which
    // workers take them does not change which matrices the report shows.
    let wanted = match options.matrices_of_failing_only_past {
        _ if !options.coverage => CoverageWanted::Never,
        Some(limit) if before >= limit => CoverageWanted::IfFailing,
        _ => CoverageWanted::Always,
    };
    match load_input(path, options) {
        Ok(loaded) => checked
            .files
            .push(check_charter_with(&loaded, &options.org, options.fail_on, wanted)),
        Err(failure) => checked.failures.push(*failure),
    }
}

/// Walks the inputs on this thread while workers on every core load and check what it
/// finds.
fn check_all(
    inputs: &[impl AsRef<std::path::Path> + Sync],
    options: &RunOptions,
) -> (Vec<CheckedFile>, Vec<LoadFailure>, Walked) {
    let mut threads = crate::pool::workers(options.threads);
    // Files named one by one need no more workers than there are files.
    if inputs.iter().all(|input| !input.as_ref().is_dir()) {
        threads = threads.min(inputs.len());
    }
    let started = std::sync::atomic::AtomicUsize::new(0);
    let (parts, walked) = crate::pool::fan_out(
        threads,
        |send| crate::discover::for_each_charter(inputs, send),
        |path: CharterPath, checked: &mut Checked| check_one(&path, options, &started, checked),
    );
    let (files, failures) = Checked::merge(parts);
    (files, failures, walked)
}
