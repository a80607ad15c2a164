//! The coverage matrix of one team: responsibilities by role, in RACI terms, as the
//! Markdown gap report shows it. Plain data: `lint` fills it from the mapped charter.

use crate::catalog::ResponsibilityId;
use crate::charter::Raci;

/// One role as a column of the coverage matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleColumn {
    pub id: String,
    pub title: String,
    pub holders: Vec<String>,
    pub scope: Option<String>,
}

/// One responsibility as a row of the coverage matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageRow {
    /// Index into the catalog.
    pub responsibility: ResponsibilityId,
    pub core: bool,
    /// Per role column: the RACI relations of the role's duties that map here.
    pub cells: Vec<RaciSet>,
    /// Core and owned by no role with holders.
    pub unowned: bool,
    /// Owned by people whose scopes overlap.
    pub shared: bool,
}

/// Who does what in one team: the gap report's matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub delivery_teams: u32,
    pub methodology: crate::charter::Methodology,
    pub roles: Vec<RoleColumn>,
    /// Core responsibilities and every other one a duty mentions, in catalog order.
    pub rows: Vec<CoverageRow>,
}

/// The RACI relations one role has to one responsibility.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RaciSet(u8);

impl RaciSet {
    const ORDER: [Raci; 4] = [Raci::Accountable, Raci::Responsible, Raci::Consulted, Raci::Informed];

    fn bit(raci: Raci) -> u8 {
        1 << Self::ORDER.iter().position(|entry| *entry == raci).unwrap_or(0)
    }

    pub fn insert(&mut self, raci: Raci) {
        self.0 |= Self::bit(raci);
    }

    pub fn contains(self, raci: Raci) -> bool {
        self.0 & Self::bit(raci) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// "A", "R/C": the letters in RACI order.
    pub fn letters(self) -> &'static str {
        // Indexed by the set's bits: A is 1, R 2, C 4, I 8.
        const LETTERS: [&str; 16] = [
            "", "A", "R", "A/R", "C", "A/C", "R/C", "A/R/C", "I", "A/I", "R/I", "A/R/I", "C/I", "A/C/I", "R/C/I",
            "A/R/C/I",
        ];
        LETTERS[usize::from(self.0 & 0xf)]
    }
}

impl Coverage {
    /// The coverage without its matrix: each row's status (core, unowned, shared) but
    /// no roles and no cells, for a team whose matrix a report leaves out.
    pub fn without_matrix(mut self) -> Coverage {
        self.roles = Vec::new();
        for row in &mut self.rows {
            row.cells = Vec::new();
        }
        self.rows.shrink_to_fit();
        self
    }

    /// The people who own a row's responsibility: holders of the roles marked A, sorted.
    pub fn owners(&self, row: &CoverageRow) -> Vec<&str> {
        let mut owners: Vec<&str> = self
            .roles
            .iter()
            .zip(&row.cells)
            .filter(|(_, cell)| cell.contains(Raci::Accountable))
            .flat_map(|(role, _)| role.holders.iter().map(String::as_str))
            .collect();
        owners.sort_unstable();
        owners.dedup();
        owners
    }
}
