use crate::charter::Date;
use crate::finding::Finding;
use crate::policy::ResolvedPolicy;
use crate::rules::Details;
use crate::rules::{declare_rule, policy_finding};

declare_rule! {
    /// ## What it checks
    ///
    /// Whether an accepted risk (`[[lint.accept]]`) has an `until` date that has
    /// passed. An expired acceptance silences nothing: the findings it covered are
    /// reported again, and this finding points at the date.
    ///
    /// Today is the date in UTC, whatever the machine's time zone (`TZ` is not
    /// read), so a CI runner and a laptop agree: an acceptance `until = "2027-03-31"`
    /// holds through 31 March in UTC and expires when 1 April begins in UTC.
    ///
    /// ## Why it matters
    ///
    /// Accepting a risk is a decision with a reason and a horizon: "one product person
    /// until the Q3 hire". When the horizon passes, the decision needs to be made
    /// again, not silently kept. An acceptance that never expires turns a known,
    /// temporary compromise into the permanent shape of the team.
    ///
    /// ## How to fix it
    ///
    /// Fix what the acceptance covered, or, if the risk is still accepted, renew the
    /// decision with a new `until` date and an updated `reason`.
    ///
    /// ## Example
    ///
    /// ```toml
    /// [[lint.accept]]
    /// rule = "combined-roles"
    /// target = "Dana"
    /// reason = "one product person until the Q3 hire"
    /// until = "2020-09-30"        # in the past: expired-acceptance
    /// ```
    ///
    /// Fixed:
    ///
    /// ```toml
    /// until = "2027-03-31"
    /// ```
    pub(crate) static EXPIRED_ACCEPTANCE = {
        name: "expired-acceptance",
        category: Policy,
        severity: Warning,
        summary: "an accepted risk's until date has passed",
        check: crate::rules::RuleCheck::Policy(check),
    };
}

pub(super) fn check(view: &crate::rules::AcceptanceView<'_>) -> Vec<Finding> {
    let (policy, team, today): (&ResolvedPolicy, &str, Date) = (view.policy, view.team, view.today);
    policy
        .acceptances
        .iter()
        .filter(|acceptance| acceptance.is_expired(today))
        .filter_map(|acceptance| {
            let until = acceptance.until?;
            let target = acceptance.target.as_ref().map_or(String::new(), |target| format!(" for `{target}`"));
            policy_finding(
                &EXPIRED_ACCEPTANCE,
                policy,
                team,
                || acceptance.until_location.clone().unwrap_or_else(|| acceptance.location.clone()),
                format!("accepted risk `{}`{target} expired on {until}", acceptance.rule),
                Details {
                    help: Some(format!(
                        "the findings it covered are reported again; fix them, or renew the decision with a new `until` (reason was: \"{}\")",
                        acceptance.reason
                    )),
                    ..Details::default()
                },
            )
        })
        .collect()
}
