//! AWS CLI shorthand syntax (`Type=MESSAGE,ContentType=text/plain,Content=hi`), in the CLI's two layers:
//!
//! - [`parse`]: the generic parser. Any shorthand text becomes a [`ShorthandValue`] exactly as awscli's
//!   `ShorthandParser` produces it, before any model is applied, so it serves any AWS CLI parameter.
//! - [`model`]: the model-aware layer for `--event` and `--new-session-details` (JSON detection, the
//!   single-item-to-list fix-up, type errors with hints).
//! - [`generate`]: the shortest shorthand that the CLI parses back to a given value, or
//!   [`NotExpressible`] when shorthand cannot say it; [`generate_explained`] also says, for each string
//!   it had to quote or escape, why ([`ScalarNote`]).

pub(crate) mod error;
mod generate;
pub mod model;
mod parser;

pub use error::{ShorthandError, ShorthandErrorKind};
pub use generate::{generate, generate_explained, Generated, NotExpressible, QuoteReason, ScalarNote, Written};
pub use parser::parse;

use crate::json::ToJson;
use serde::Serialize;

/// A shorthand map's members, in their order.
pub type Members = crate::ordered_map::OrderedMap<ShorthandValue>;

/// A parsed shorthand value. Shorthand has only strings, lists and maps: types such as numbers or
/// booleans come later, from the model. Written as plain JSON (`"x"`, `[..]`, `{..}`), which is
/// what the CLI hands to botocore.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToJson)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[cfg_attr(feature = "tsify", tsify(type = "string | ShorthandValue[] | { [key: string]: ShorthandValue }"))]
#[serde(untagged)]
pub enum ShorthandValue {
    String(String),
    List(Vec<ShorthandValue>),
    /// Keys keep their order, as in the CLI (Python dicts are ordered).
    Map(Members),
}

impl ShorthandValue {
    /// The value from JSON; `None` when JSON holds something shorthand cannot (numbers, booleans, null).
    pub fn from_json(value: &serde_json::Value) -> Option<ShorthandValue> {
        Some(match value {
            serde_json::Value::String(s) => ShorthandValue::String(s.clone()),
            serde_json::Value::Array(items) => {
                ShorthandValue::List(items.iter().map(Self::from_json).collect::<Option<Vec<_>>>()?)
            }
            serde_json::Value::Object(map) => ShorthandValue::Map(
                map.iter().map(|(k, v)| Some((k.clone(), Self::from_json(v)?))).collect::<Option<Members>>()?,
            ),
            _ => return None,
        })
    }
}
