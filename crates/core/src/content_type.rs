//! Content types named by AWS's documentation (connectparticipant SendMessage and SendEvent, and
//! NewSessionDetails). None of these lists is in the service model: they are checked by the service.

pub const TEXT_PLAIN: &str = "text/plain";
pub const TEXT_MARKDOWN: &str = "text/markdown";
pub const APPLICATION_JSON: &str = "application/json";
pub const INTERACTIVE: &str = "application/vnd.amazonaws.connect.message.interactive";
pub const INTERACTIVE_RESPONSE: &str = "application/vnd.amazonaws.connect.message.interactive.response";

pub const TYPING: &str = "application/vnd.amazonaws.connect.event.typing";
/// Deprecated since 2024-12-31 (replaced by a CreateParticipantConnection field).
pub const CONNECTION_ACKNOWLEDGED: &str = "application/vnd.amazonaws.connect.event.connection.acknowledged";
pub const MESSAGE_DELIVERED: &str = "application/vnd.amazonaws.connect.event.message.delivered";
pub const MESSAGE_READ: &str = "application/vnd.amazonaws.connect.event.message.read";

/// `ContentType` values SendMessage accepts, so the ones a `MESSAGE` event may carry.
pub const MESSAGE_CONTENT_TYPES: [&str; 4] = [TEXT_PLAIN, TEXT_MARKDOWN, APPLICATION_JSON, INTERACTIVE_RESPONSE];

/// `ContentType` values SendEvent accepts, so the ones an `EVENT` event may carry.
pub const EVENT_CONTENT_TYPES: [&str; 4] = [TYPING, CONNECTION_ACKNOWLEDGED, MESSAGE_DELIVERED, MESSAGE_READ];

/// Values allowed in `NewSessionDetails.SupportedMessagingContentTypes`; `text/plain` is mandatory.
pub const SUPPORTED_MESSAGING_CONTENT_TYPES: [&str; 5] =
    [TEXT_PLAIN, TEXT_MARKDOWN, APPLICATION_JSON, INTERACTIVE, INTERACTIVE_RESPONSE];

/// Read and delivered receipts: their Content is JSON `{"messageId":"..."}` naming an earlier message.
pub fn is_receipt(content_type: &str) -> bool {
    content_type == MESSAGE_DELIVERED || content_type == MESSAGE_READ
}
