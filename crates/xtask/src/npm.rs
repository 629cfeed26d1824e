//! Builds the npm package `chat-event-lab` from crates/wasm and www/npm, and tests it as a consumer.
//! (The package lands with the npm issue; until then there is nothing to build.)

use std::path::PathBuf;

use crate::tools::Tools;
use crate::Result;

/// Builds the package and returns the path of its `npm pack` tarball.
pub fn build_package(_tools: &Tools) -> Result<Option<PathBuf>> {
    Ok(None)
}

/// Installs the tarball into a fresh project and runs the consumer tests there.
pub fn test_package(_tools: &Tools, _tarball: &Option<PathBuf>) -> Result<()> {
    Ok(())
}
