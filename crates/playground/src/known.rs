//! Stand-ins for facts that core's channel module provides once it lands.
pub const SUBTYPES: &[&str] = &["connect:sms", "connect:WhatsApp"];
