use crate::charter::Date;
use crate::finding::Finding;
use crate::policy::ResolvedPolicy;
use crate::rules::Details;
use crate::rules::{declare_rule, policy_finding};

declare_rule! {
    /// ## What it checks
    ///
    /// Whether each accepted risk (`[[lint.accept]]`) still silences at least one
    /// finding. Expired acceptances are reported by `expired-acceptance` instead.
    ///
    /// ## Why it matters
    ///
    /// An acceptance that matches nothing is either stale (the problem was fixed, well
    /// done) or wrong (a typo in `target`, so the risk it meant to record is reported
    /// anyway, or worse, a later, different problem will be silenced by it). Either way
    /// the charter no longer says what is true.
    ///
    /// ## How to fix it
    ///
    /// Delete the acceptance if the problem is gone; otherwise correct its `rule` or
    /// `target` (a person's exact name, a role id or a responsibility id).
    ///
    /// ## Example
    ///
    /// ```toml
    /// [[lint.accept]]
    /// rule = "vacant-role"
    /// target = "po"          # the role has a holder now: unused-acceptance
    /// reason = "hiring in Q2"
    /// ```
    ///
    /// Fixed: delete the table.
    pub(crate) static UNUSED_ACCEPTANCE = {
        name: "unused-acceptance",
        category: Policy,
        severity: Info,
        summary: "an accepted risk matches no finding",
        check: crate::rules::RuleCheck::Policy(check),
    };
}

pub(super) fn check(view: &crate::rules::AcceptanceView<'_>) -> Vec<Finding> {
    let (policy, used, team, today): (&ResolvedPolicy, &[bool], &str, Date) =
        (view.policy, view.used, view.team, view.today);
    policy
        .acceptances
        .iter()
        .zip(used)
        .filter(|(acceptance, used)| !**used && !acceptance.is_expired(today))
        .filter_map(|(acceptance, _)| {
            let target = acceptance
                .target
                .as_ref()
                .map_or(String::new(), |target| format!(" for `{target}`"));
            policy_finding(
                &UNUSED_ACCEPTANCE,
                policy,
                team,
                || acceptance.location.clone(),
                format!("accepted risk `{}`{target} matches no finding", acceptance.rule),
                Details {
                    help: Some("delete it if the problem is gone, or correct its `rule` or `target`".to_string()),
                    ..Details::default()
                },
            )
        })
        .collect()
}
