//! Validation of a request against every rule of the service model, AWS's docs and the channels.
//! (Placeholder signatures; the rules land with the validator.)

use crate::{Diagnostic, SendChatIntegrationEventRequest};

/// Every problem in a typed request.
pub fn validate(_request: &SendChatIntegrationEventRequest) -> Vec<Diagnostic> {
    Vec::new()
}

/// Every problem in a request given as JSON text, wrong types and unknown members included.
pub fn validate_json(_text: &str) -> Vec<Diagnostic> {
    Vec::new()
}
