use crate::finding::Finding;
use crate::rules::Details;
use crate::rules::{declare_rule, policy_finding};

declare_rule! {
    /// ## What it checks
    ///
    /// Whether every entry of the baseline given with `--baseline` still matches a
    /// finding of this run. An entry whose finding is gone is reported at its place in
    /// the baseline file.
    ///
    /// ## Why it matters
    ///
    /// A baseline is how an organisation adopts charterlint without fixing everything
    /// on day one: the findings it records are known debt. It should only ever shrink.
    /// An entry that matches nothing is debt already paid; left in the file it hides
    /// the progress, and a later finding that happens to look the same would be
    /// silenced by it.
    ///
    /// ## How to fix it
    ///
    /// Remove the entry, or rewrite the file without every stale entry:
    /// `charterlint check --baseline FILE --prune-baseline`.
    ///
    /// ## Example
    ///
    /// ```toml
    /// [[finding]]
    /// path = "teams/checkout.charter.toml"
    /// rule = "vacant-role"
    /// fingerprint = "9a1c0f3e2b7d4a66:1"
    /// message = "role `po` (Product Owner) has no holders"
    /// # the role has a holder now: stale-baseline
    /// ```
    ///
    /// Fixed: delete the block, or run with `--prune-baseline`.
    pub static STALE_BASELINE = {
        name: "stale-baseline",
        category: Policy,
        severity: Info,
        summary: "a baseline entry matches no finding any more",
        check: crate::rules::RuleCheck::Baseline(check),
    };
}

pub(super) fn check(view: &crate::rules::BaselineView<'_>) -> Vec<Finding> {
    view.stale
        .iter()
        .filter_map(|entry| {
            policy_finding(
                &STALE_BASELINE,
                view.policy,
                "",
                || crate::finding::Location::new(view.source, &entry.span),
                format!(
                    "baseline entry for `{}` in `{}` matches no finding: it was fixed",
                    entry.rule, entry.path
                ),
                Details {
                    help: Some("remove the entry, or rewrite the baseline with `--prune-baseline`".to_string()),
                    ..Details::default()
                },
            )
        })
        .collect()
}
