//! charterlint: a linter for team charters.
//!
//! A charter names a team's roles, the people who hold them and the duties each role
//! carries. charterlint maps the duties onto a catalog of product ownership
//! responsibilities and reports gaps, overloads and blurred boundaries. The library
//! never prints: it returns findings and errors, and the binary chooses how to show
//! them.

#![warn(unreachable_pub)]
#![warn(missing_docs)]

// The public surface: what the binary, the tests, the benchmarks and the fuzz target
// drive: loading charters (`charter`, `discover`), the run (`lint`, `policy`,
// `rules`, `mapping`, `catalog`), its results (`finding`, `source`, `baseline`,
// `diff`), the reports (`report`, `output`, `schema`) and what the other commands
// compute (`corpus`, `import`, `export`, `git`, `wording`). The rest is how they work;
// the commands' own texts live in the binary.
pub mod baseline;
pub mod catalog;
pub mod charter;
pub mod corpus;
pub(crate) mod coverage;
pub mod diff;
pub mod discover;
pub mod export;
pub mod finding;
pub(crate) mod fingerprint;
pub mod git;
pub mod import;
pub(crate) mod likeness;
pub mod lint;
pub mod mapping;
pub mod output;
pub(crate) mod phrase_index;
pub mod policy;
pub(crate) mod pool;
pub mod report;
pub mod rules;
pub mod schema;
pub mod source;
pub mod wording;
pub(crate) mod words;
