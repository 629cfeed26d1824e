//! `import::import`: pasted text of any format (JSON, YAML or a command), detected and read.

use chat_event_core::import;

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = import::detect(text);
    let _ = import::import(text);
}
