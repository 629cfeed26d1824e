//! `cargo xtask bench`: the corpora every runner reads ([`corpus`]) and the table made from every
//! runner's results ([`report`]). See crates/bench/README.md for the pieces and their files.

pub mod corpus;
pub mod report;
