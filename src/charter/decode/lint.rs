//! Decoding of a charter's or policy file's `[lint]` table: severities, required and
//! optional responsibilities, thresholds and accepted risks.

use super::*;

impl Decoder<'_> {
    pub(super) fn lint(&mut self, node: &mut Node<'_>) -> LintConfig {
        let Some(entries) = self.table(node, &LINT_PATH, LINT_KEYS) else {
            return LintConfig::default();
        };
        let mut lint = LintConfig::default();
        for entry in entries.iter_mut() {
            let value = &mut entry.value;
            let path = KeyPath::Key(&LINT_PATH, &entry.key);
            match &*entry.key {
                "fail_on" => lint.fail_on = self.choice(value, &path, &FailOn::NAMES, FailOn::parse),
                "severity" => lint.severity = self.severity(value),
                "require" => lint.require = self.responsibility_ids(value, &path),
                "optional" => lint.optional = self.responsibility_ids(value, &path),
                "max_accountabilities" => lint.max_accountabilities = self.integer(value, &path, 1),
                "max_teams_per_person" => lint.max_teams_per_person = self.integer(value, &path, 1),
                "combined_roles_warn_at" => lint.combined_roles_warn_at = self.integer(value, &path, 1),
                "accept" => lint.accept = self.acceptances(value),
                _ => {}
            }
        }
        lint
    }

    fn responsibility_ids(&mut self, node: &mut Node<'_>, path: &KeyPath<'_>) -> Vec<Spanned<String>> {
        let ids = self.string_list(node, path);
        ids.into_iter()
            .enumerate()
            .filter(|(index, id)| self.responsibility_id(id, &KeyPath::Index(path, *index)).is_some())
            .map(|(_, id)| id)
            .collect()
    }

    fn rule_name(&mut self, text: &Spanned<String>, path: &KeyPath<'_>) -> bool {
        if self.rules.contains(&text.value.as_str()) {
            return true;
        }
        let help = match did_you_mean(&text.value, self.rules.iter().copied()) {
            Some(close) => format!("did you mean `{close}`? `charterlint explain` lists every rule"),
            None => "`charterlint explain` lists every rule".to_string(),
        };
        self.error(
            text.span.clone(),
            format!("unknown rule `{}` in `{path}`", text.value),
            "expected a rule name",
            Some(help),
        );
        false
    }

    fn severity(&mut self, node: &mut Node<'_>) -> SeverityOverrides {
        let Value::Table(entries) = &mut node.value else {
            self.wrong_type(node, &SEVERITY_PATH, "a table of rule = severity");
            return SeverityOverrides::default();
        };
        let mut overrides = Vec::new();
        for entry in entries.iter_mut() {
            let rule = Spanned::new(entry.key.to_string(), entry.key_span.clone());
            let path = KeyPath::Key(&SEVERITY_PATH, &entry.key);
            let known = self.rule_name(&rule, &SEVERITY_PATH);
            let level = self.choice(&mut entry.value, &path, &RuleLevel::NAMES, RuleLevel::parse);
            if let (true, Some(level)) = (known, level) {
                overrides.push((rule, level));
            }
        }
        SeverityOverrides(overrides)
    }

    fn acceptances(&mut self, node: &mut Node<'_>) -> Vec<Acceptance> {
        let Value::Array(items) = &mut node.value else {
            self.wrong_type(node, &ACCEPT_PATH, "an array of tables");
            return Vec::new();
        };
        items
            .iter_mut()
            .enumerate()
            .filter_map(|(index, item)| self.acceptance(item, index))
            .collect()
    }

    fn acceptance(&mut self, node: &mut Node<'_>, index: usize) -> Option<Acceptance> {
        let path = KeyPath::Index(&ACCEPT_PATH, index);
        let span = node.span.clone();
        let entries = self.table(node, &path, ACCEPT_KEYS)?;
        let errors_before = self.errors.len();
        let mut rule = None;
        let mut target = None;
        let mut reason = None;
        let mut until = None;
        for entry in entries.iter_mut() {
            let value = &mut entry.value;
            let key_path = KeyPath::Key(&path, &entry.key);
            match &*entry.key {
                "rule" => {
                    rule = self
                        .string(value, &key_path)
                        .filter(|name| self.rule_name(name, &key_path));
                }
                "target" => target = self.non_empty_string(value, &key_path, "a person, role id or responsibility id"),
                "reason" => reason = self.non_empty_string(value, &key_path, "why the risk is accepted"),
                "until" => until = self.date(value, &key_path),
                _ => {}
            }
        }
        for (key, example) in [
            ("rule", "\"combined-roles\""),
            ("reason", "\"one product person until the Q3 hire\""),
        ] {
            if !entries.iter().any(|entry| entry.key == key) {
                self.missing(&span, &path, key, example);
            }
        }
        if self.errors.len() != errors_before {
            return None;
        }
        Some(Acceptance {
            rule: rule?,
            target,
            reason: reason?,
            until,
            span: self.head(&span),
        })
    }

    fn date(&mut self, node: &mut Node<'_>, path: &KeyPath<'_>) -> Option<Spanned<Date>> {
        let text: &str = match &node.value {
            Value::String(text) => text,
            Value::Datetime(text) => text,
            _ => {
                self.wrong_type(node, path, "a date (YYYY-MM-DD)");
                return None;
            }
        };
        match Date::parse(text) {
            Some(date) => Some(Spanned::new(date, node.span.clone())),
            None => {
                self.error(
                    node.span.clone(),
                    format!("invalid date `{text}` in `{path}`"),
                    "expected a calendar date as YYYY-MM-DD",
                    Some(format!("for example {}", self.example("until", "\"2027-03-31\""))),
                );
                None
            }
        }
    }
}
