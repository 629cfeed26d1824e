//! The service errors the simulator can produce on demand (see [`super::Faults`]): the token bucket
//! in virtual time, and the messages each error carries.

use serde::Serialize;

use super::settings::Throttling;
use crate::json::{FromJson, ToJson};

/// The throttling bucket's state: tokens left and when they were counted (epoch ms).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ToJson, FromJson)]
#[json(expected = "a token bucket {\"tokens\", \"updatedAtMillis\"}")]
#[serde(rename_all = "camelCase")]
pub struct TokenBucket {
    pub tokens: f64,
    pub updated_at_millis: i64,
}

impl TokenBucket {
    /// A full bucket at `now`.
    pub fn full(config: Throttling, now: i64) -> Self {
        TokenBucket { tokens: f64::from(config.burst), updated_at_millis: now }
    }

    fn refill(&mut self, config: Throttling, now: i64) {
        let elapsed = (now - self.updated_at_millis).max(0) as f64 / 1000.0;
        self.tokens = (self.tokens + elapsed * config.rate_per_second).min(f64::from(config.burst));
        self.updated_at_millis = now;
    }

    /// Takes a token if one is there. Otherwise returns the milliseconds until one will be.
    pub fn take(&mut self, config: Throttling, now: i64) -> Result<(), u64> {
        self.refill(config, now);
        // A small tolerance so that 0.5 s at 2/s gives the whole token that arithmetic says it should.
        if self.tokens >= 1.0 - 1e-9 {
            self.tokens = (self.tokens - 1.0).max(0.0);
            Ok(())
        } else {
            // The tolerance keeps float noise (1.0000000000000009 ms) from adding a millisecond.
            let wait = ((1.0 - self.tokens) / config.rate_per_second * 1000.0 - 1e-6).ceil();
            Err(if wait.is_finite() && wait > 0.0 { wait as u64 } else { 1 })
        }
    }
}

/// The message of the AccessDeniedException the simulator returns.
pub const ACCESS_DENIED_MESSAGE: &str = "You do not have sufficient access to perform this action. \
SendChatIntegrationEvent can only be called by AWS End User Messaging.";

/// ThrottlingException's message (AWS's usual text).
pub const THROTTLED_MESSAGE: &str = "Rate exceeded";

/// InternalServiceException's message.
pub const INTERNAL_ERROR_MESSAGE: &str = "Request processing failed because of an error or failure with the service.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_allows_a_burst_then_the_rate() {
        let cfg = Throttling { rate_per_second: 2.0, burst: 5 };
        let mut b = TokenBucket::full(cfg, 0);
        for i in 0..5 {
            assert_eq!(b.take(cfg, 0), Ok(()), "burst request {i}");
        }
        assert_eq!(b.take(cfg, 0), Err(500));
        assert_eq!(b.take(cfg, 499), Err(1));
        assert_eq!(b.take(cfg, 500), Ok(()));
        assert_eq!(b.take(cfg, 500), Err(500));
        // Refill stops at the burst size.
        assert_eq!((0..7).filter(|_| b.take(cfg, 1_000_000).is_ok()).count(), 5);
    }
}
