//! The channel a chat runs on, read from `Subtype`, and the identifiers each channel expects:
//! E.164 phone numbers for `SourceId`, AWS End User Messaging phone-number ARNs for `DestinationId`
//! and SNS topic ARNs for `StreamingEndpointArn`.
//!
//! None of this is in the service model: `Subtype` is a free string of 1 to 100 characters there.
//! It comes from AWS's documentation and from how SMS and WhatsApp deliver messages.

/// The spelling AWS's reference gives for SMS (`Subtype` "Valid value").
pub const SUBTYPE_SMS: &str = "connect:sms";
/// The upper-case spelling of SMS that the rest of the connect model uses; also accepted.
pub const SUBTYPE_SMS_UPPER: &str = "connect:SMS";
/// WhatsApp. AWS's reference prints it garbled as `connect:"WhatsApp"` (see [`crate::help`]).
pub const SUBTYPE_WHATSAPP: &str = "connect:WhatsApp";

/// Every spelling of a known subtype that AWS itself uses.
pub const KNOWN_SUBTYPES: [&str; 3] = [SUBTYPE_SMS, SUBTYPE_SMS_UPPER, SUBTYPE_WHATSAPP];

/// The channel a request's `Subtype` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// `connect:sms` (or `connect:SMS`): AWS End User Messaging SMS.
    Sms,
    /// `connect:WhatsApp`: AWS End User Messaging Social (WhatsApp).
    WhatsApp,
    /// A subtype AWS does not document, such as a custom integration's.
    Other,
    /// No `Subtype` given.
    None,
}

impl Channel {
    /// The channel a `Subtype` names. Case is ignored here, so `connect:Sms` counts as SMS: the
    /// user's intent is clear and the channel's rules still help them. Whether the spelling is one
    /// AWS uses is a separate question, answered by [`subtype_spelling`].
    ///
    /// ```
    /// use chat_event_core::channel::Channel;
    /// assert_eq!(Channel::from_subtype(Some("connect:sms")), Channel::Sms);
    /// assert_eq!(Channel::from_subtype(Some("connect:whatsapp")), Channel::WhatsApp);
    /// assert_eq!(Channel::from_subtype(Some("custom:chat")), Channel::Other);
    /// assert_eq!(Channel::from_subtype(None), Channel::None);
    /// ```
    pub fn from_subtype(subtype: Option<&str>) -> Channel {
        match subtype {
            None => Channel::None,
            // Exact spellings first: they are the usual case, and cheaper than ignoring case.
            Some(SUBTYPE_SMS) => Channel::Sms,
            Some(SUBTYPE_WHATSAPP) => Channel::WhatsApp,
            Some(s) if s.eq_ignore_ascii_case(SUBTYPE_SMS) => Channel::Sms,
            Some(s) if s.eq_ignore_ascii_case(SUBTYPE_WHATSAPP) => Channel::WhatsApp,
            Some(_) => Channel::Other,
        }
    }

    /// True for the phone channels (SMS and WhatsApp), whose customers are E.164 numbers and which
    /// deliver only `text/plain`.
    pub fn is_phone(self) -> bool {
        matches!(self, Channel::Sms | Channel::WhatsApp)
    }

    /// A name for messages: `SMS`, `WhatsApp`.
    pub fn label(self) -> &'static str {
        match self {
            Channel::Sms => "SMS",
            Channel::WhatsApp => "WhatsApp",
            Channel::Other => "a custom channel",
            Channel::None => "no channel",
        }
    }
}

/// How a `Subtype` is spelled compared with the spellings AWS uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubtypeSpelling {
    /// One of [`KNOWN_SUBTYPES`], exactly.
    Exact,
    /// A known subtype in other letter case; holds the spelling to use instead.
    CaseVariant(&'static str),
    /// Not a documented subtype.
    Unknown,
}

/// Compares a `Subtype` with the spellings AWS uses.
pub fn subtype_spelling(subtype: &str) -> SubtypeSpelling {
    if KNOWN_SUBTYPES.contains(&subtype) {
        SubtypeSpelling::Exact
    } else if subtype.eq_ignore_ascii_case(SUBTYPE_SMS) {
        SubtypeSpelling::CaseVariant(SUBTYPE_SMS)
    } else if subtype.eq_ignore_ascii_case(SUBTYPE_WHATSAPP) {
        SubtypeSpelling::CaseVariant(SUBTYPE_WHATSAPP)
    } else {
        SubtypeSpelling::Unknown
    }
}

/// True when `s` is an E.164 number as AWS End User Messaging writes it: `+`, then 8 to 15 digits,
/// the first of which (the country code's) is not 0. No spaces or other separators.
pub fn is_e164(s: &str) -> bool {
    let Some(digits) = s.strip_prefix('+') else { return false };
    (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

/// The calling code assumed by [`normalize_e164`] for a number written without one.
pub const DEFAULT_CALLING_CODE: &str = "1";

/// Turns a phone number as people write it into E.164, or `None` when that cannot be done safely.
///
/// - Spaces, `-`, `.`, `/` and parentheses are dropped: `+1 (555) 123-4567` → `+15551234567`.
/// - A leading international prefix `00` becomes `+`: `0044 20 7946 0000` → `+442079460000`.
/// - A number without `+` or `00` is national. Only the North American form is guessed, with
///   [`DEFAULT_CALLING_CODE`] `+1`: ten digits (`(555) 123-4567` → `+15551234567`), or eleven
///   starting with `1`. Any other national number returns `None`, because its country cannot be
///   known; use [`normalize_e164_with`] to give one.
/// - Letters or other characters, or a digit count outside 8..=15, return `None`.
///
/// ```
/// use chat_event_core::channel::normalize_e164;
/// assert_eq!(normalize_e164("+1 555 123 4567").as_deref(), Some("+15551234567"));
/// assert_eq!(normalize_e164("(555) 123-4567").as_deref(), Some("+15551234567"));
/// assert_eq!(normalize_e164("call me"), None);
/// ```
pub fn normalize_e164(input: &str) -> Option<String> {
    normalize_e164_with(input, Some(DEFAULT_CALLING_CODE))
}

/// [`normalize_e164`] with a chosen calling code for national numbers (digits only, such as `"44"`),
/// or `None` to refuse national numbers. With a calling code other than `1`, a national number's
/// leading trunk `0` is dropped (`020 7946 0000` with `44` → `+442079460000`).
pub fn normalize_e164_with(input: &str, calling_code: Option<&str>) -> Option<String> {
    let trimmed = input.trim();
    let (international, rest) = if let Some(rest) = trimmed.strip_prefix('+') {
        (true, rest)
    } else if let Some(rest) = trimmed.strip_prefix("00") {
        (true, rest)
    } else {
        (false, trimmed)
    };
    // Refused before anything is allocated: most strings this is asked about (a DestinationId that
    // is not an ARN, a SourceId of letters) are no phone number at all.
    if !rest.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '\u{a0}' | '-' | '.' | '/' | '(' | ')')) {
        return None;
    }
    let mut digits = rest.chars().filter(char::is_ascii_digit);
    let count = digits.clone().count();
    // '+', a calling code of up to three digits, the number: written once, in place.
    let mut e164 = String::with_capacity(4 + count);
    e164.push('+');
    if !international {
        let code = calling_code?;
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if code == "1" {
            match count {
                10 => e164.push('1'),
                11 if digits.clone().next() == Some('1') => {}
                _ => return None,
            }
        } else {
            // A national number's trunk 0 is not dialled from abroad.
            if digits.clone().next() == Some('0') {
                digits.next();
            }
            digits.clone().next()?;
            e164.push_str(code);
        }
    }
    e164.extend(digits);
    is_e164(&e164).then_some(e164)
}

/// The parts of an ARN: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arn<'a> {
    pub partition: &'a str,
    pub service: &'a str,
    pub region: &'a str,
    pub account: &'a str,
    pub resource: &'a str,
}

/// Splits an ARN into its six parts, or says in words why it is not one.
///
/// Byte scans rather than `splitn`: DestinationId is checked on every request, and the searcher
/// behind `splitn` was a good part of validation's cost. Every split is at an ASCII `:` or `-`, so
/// every slice is on a character boundary.
pub fn parse_arn(s: &str) -> Result<Arn<'_>, &'static str> {
    if s != "arn" && !s.starts_with("arn:") {
        return Err("it does not start with `arn:`");
    }
    let bytes = s.as_bytes();
    const SIX_PARTS: &str = "an ARN has six parts separated by `:`";
    let after = |at: usize| next_colon(bytes, at + 1).ok_or(SIX_PARTS);
    let c0 = 3;
    let c1 = after(c0)?;
    let c2 = after(c1)?;
    let c3 = after(c2)?;
    // A good account id is twelve digits, so where the twelve bytes after the fourth `:` are digits
    // and the next is `:`, that is the fifth, found without scanning them (they are then checked
    // below like any other account).
    let c4 = match bytes.get(c3 + 1..c3 + 14) {
        Some([digits @ .., b':']) if digits.iter().all(u8::is_ascii_digit) => c3 + 13,
        _ => after(c3)?,
    };
    let part = |from: usize, to: usize| s.get(from..to).unwrap_or_default();
    let (partition, service, region, account) =
        (part(c0 + 1, c1), part(c1 + 1, c2), part(c2 + 1, c3), part(c3 + 1, c4));
    let resource = s.get(c4 + 1..).unwrap_or_default();
    if partition != "aws" && !partition.starts_with("aws-") {
        return Err("its partition (the second part) is not `aws` or `aws-…` (such as `aws-cn`, `aws-us-gov`)");
    }
    if !is_region(region) {
        return Err("its region (the fourth part) is not a region code such as `us-east-1`");
    }
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return Err("its account (the fifth part) is not a 12-digit AWS account id");
    }
    if resource.is_empty() {
        return Err("its resource (the last part) is empty");
    }
    Ok(Arn { partition, service, region, account, resource })
}

/// The first `:` at or after `from`.
fn next_colon(bytes: &[u8], from: usize) -> Option<usize> {
    Some(from + bytes.get(from..)?.iter().position(|&b| b == b':')?)
}

/// `us-east-1`, `ap-southeast-2`, `us-gov-west-1`, `cn-north-1`: lower-case words joined by `-`,
/// ending in a number. One pass over the bytes.
fn is_region(s: &str) -> bool {
    let mut words = 0;
    // Length of the current word, and whether it is all digits / all lower-case letters so far.
    let (mut len, mut digits, mut letters) = (0usize, true, true);
    for &b in s.as_bytes() {
        if b == b'-' {
            if len == 0 || !(digits || letters) || (words == 0 && (len != 2 || !letters)) {
                return false;
            }
            words += 1;
            (len, digits, letters) = (0, true, true);
        } else {
            len += 1;
            digits &= b.is_ascii_digit();
            letters &= b.is_ascii_lowercase();
        }
    }
    // The last word: a number, after at least two others.
    len > 0 && digits && words >= 2
}

/// Checks an AWS End User Messaging phone-number ARN,
/// `arn:PARTITION:sms-voice:REGION:ACCOUNT:phone-number/ID`. The error says what is wrong.
pub fn check_phone_number_arn(s: &str) -> Result<(), &'static str> {
    let arn = parse_arn(s)?;
    if arn.service != "sms-voice" {
        return Err("its service (the third part) is not `sms-voice` (AWS End User Messaging SMS)");
    }
    match arn.resource.strip_prefix("phone-number/") {
        Some(id) if !id.is_empty() => Ok(()),
        _ => Err("its resource is not `phone-number/ID`"),
    }
}

/// Checks an SNS topic ARN, `arn:PARTITION:sns:REGION:ACCOUNT:TOPIC`, where the topic name is 1 to
/// 256 letters, digits, `-` or `_` (a FIFO topic adds `.fifo`). The error says what is wrong.
pub fn check_sns_topic_arn(s: &str) -> Result<(), &'static str> {
    let arn = parse_arn(s)?;
    if arn.service != "sns" {
        return Err("its service (the third part) is not `sns`");
    }
    let name = arn.resource.strip_suffix(".fifo").unwrap_or(arn.resource);
    if name.is_empty() || name.len() > 256 || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err("its topic name (the last part) is not 1 to 256 letters, digits, `-` or `_`");
    }
    if arn.resource.ends_with(".fifo") {
        return Err("it names a FIFO topic (`.fifo`), and chat streaming needs a standard topic");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e164_boundaries() {
        for (s, ok) in [
            ("+1234567", false),
            ("+12345678", true),
            ("+123456789012345", true),
            ("+1234567890123456", false),
            ("+01234567890", false),
            ("15551234567", false),
            ("+1 5551234567", false),
            ("+", false),
            ("", false),
        ] {
            assert_eq!(is_e164(s), ok, "{s}");
        }
    }

    #[test]
    fn normalization() {
        for (input, want) in [
            ("+1 555 123 4567", Some("+15551234567")),
            ("(555) 123-4567", Some("+15551234567")),
            ("1-555-123-4567", Some("+15551234567")),
            ("555.123.4567", Some("+15551234567")),
            ("0044 20 7946 0000", Some("+442079460000")),
            ("+44 (0)20", None),
            ("123", None),
            ("020 7946 0000", None),
            ("+1 555 CALL NOW", None),
            ("", None),
        ] {
            assert_eq!(normalize_e164(input).as_deref(), want, "{input}");
        }
        assert_eq!(normalize_e164_with("020 7946 0000", Some("44")).as_deref(), Some("+442079460000"));
        assert_eq!(normalize_e164_with("(555) 123-4567", None), None);
    }

    /// [`normalize_e164_with`] as first written: the digits gathered in a string of their own, then
    /// the calling code and the `+` put in front, each in a new string.
    fn normalize_by_steps(input: &str, calling_code: Option<&str>) -> Option<String> {
        let trimmed = input.trim();
        let (international, rest) = match (trimmed.strip_prefix('+'), trimmed.strip_prefix("00")) {
            (Some(rest), _) | (None, Some(rest)) => (true, rest),
            (None, None) => (false, trimmed),
        };
        let mut digits = String::new();
        for c in rest.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '\u{a0}' | '-' | '.' | '/' | '(' | ')' => {}
                _ => return None,
            }
        }
        let full = if international {
            digits
        } else {
            let code = calling_code?;
            if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            if code == "1" {
                match digits.len() {
                    10 => format!("1{digits}"),
                    11 if digits.starts_with('1') => digits,
                    _ => return None,
                }
            } else {
                let national = digits.strip_prefix('0').unwrap_or(&digits);
                if national.is_empty() {
                    return None;
                }
                format!("{code}{national}")
            }
        };
        let e164 = format!("+{full}");
        is_e164(&e164).then_some(e164)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4_000))]
        /// Written in place, the number is the one the steps gave: digits, the separators people
        /// write, the prefixes, letters and other characters, with each kind of calling code.
        #[test]
        fn normalizing_in_place_gives_what_the_steps_gave(
            input in "[ ]?(\\+|00|0|1)?[0-9 ().\u{a0}/-]{0,18}[a€]?[0-9]{0,3}|(\\+|00|0|1)?[(]?[0-9]{3}[) .-]{0,2}[0-9]{3}[ .-]?[0-9]{4}",
            code in proptest::option::of("|1|44|4a|353"),
        ) {
            let code = code.as_deref();
            proptest::prop_assert_eq!(normalize_e164_with(&input, code), normalize_by_steps(&input, code));
        }
    }

    #[test]
    fn arns() {
        assert!(check_phone_number_arn("arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-abc").is_ok());
        assert!(check_phone_number_arn("arn:aws-cn:sms-voice:cn-north-1:111122223333:phone-number/x").is_ok());
        assert!(check_phone_number_arn("arn:aws:sms-voice:us-east-1:1111:phone-number/x").is_err());
        assert!(check_phone_number_arn("arn:aws:sns:us-east-1:111122223333:phone-number/x").is_err());
        assert!(check_phone_number_arn("arn:aws:sms-voice:us-east-1:111122223333:pool/x").is_err());
        assert!(check_phone_number_arn("+15551234567").is_err());
        assert!(check_sns_topic_arn("arn:aws:sns:us-east-1:111122223333:t").is_ok());
        assert!(check_sns_topic_arn("arn:aws-us-gov:sns:us-gov-west-1:111122223333:chat_topic-1").is_ok());
        assert!(check_sns_topic_arn("arn:aws:sns:us-east-1:111122223333:t.fifo").is_err());
        assert!(check_sns_topic_arn("arn:aws:sqs:us-east-1:111122223333:t").is_err());
        assert!(check_sns_topic_arn("arn:aws:sns:useast1:111122223333:t").is_err());
        assert!(check_sns_topic_arn("arn:aws:sns:us-east-1:111122223333").is_err());
    }

    /// The straightforward forms of [`parse_arn`] and [`is_region`] (split on `:` and `-`): the
    /// byte scans must agree with them on every input.
    fn reference_parse_arn(s: &str) -> Result<Arn<'_>, &'static str> {
        let mut parts = s.splitn(6, ':');
        if parts.next() != Some("arn") {
            return Err("it does not start with `arn:`");
        }
        let (Some(partition), Some(service), Some(region), Some(account), Some(resource)) =
            (parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err("an ARN has six parts separated by `:`");
        };
        if partition != "aws" && !partition.starts_with("aws-") {
            return Err("its partition (the second part) is not `aws` or `aws-…` (such as `aws-cn`, `aws-us-gov`)");
        }
        if !reference_is_region(region) {
            return Err("its region (the fourth part) is not a region code such as `us-east-1`");
        }
        if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
            return Err("its account (the fifth part) is not a 12-digit AWS account id");
        }
        if resource.is_empty() {
            return Err("its resource (the last part) is empty");
        }
        Ok(Arn { partition, service, region, account, resource })
    }

    fn reference_is_region(s: &str) -> bool {
        let mut words = s.split('-');
        let Some(first) = words.next() else { return false };
        if first.len() != 2 || !first.bytes().all(|b| b.is_ascii_lowercase()) {
            return false;
        }
        let (mut last_numeric, mut count) = (false, 1);
        for w in words {
            count += 1;
            if w.is_empty() {
                return false;
            }
            last_numeric = w.bytes().all(|b| b.is_ascii_digit());
            if !last_numeric && !w.bytes().all(|b| b.is_ascii_lowercase()) {
                return false;
            }
        }
        count >= 3 && last_numeric
    }

    #[test]
    fn regions_both_sides_of_each_rule() {
        for (s, ok) in [
            ("us-east-1", true),
            ("us-gov-west-1", true),
            ("ap-southeast-22", true),
            ("us-1-1", true),
            ("us-east", false),
            ("us-1", false),
            ("use-east-1", false),
            ("u-east-1", false),
            ("US-east-1", false),
            ("us--1", false),
            ("us-east-", false),
            ("-us-east-1", false),
            ("us-east1-1", false),
            ("us-east-1a", false),
            ("us-éast-1", false),
            ("", false),
        ] {
            assert_eq!(is_region(s), ok, "{s}");
            assert_eq!(reference_is_region(s), ok, "{s}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]
        #[test]
        fn byte_scans_agree_with_splitting(s in "[arnwsu:1-2e\\-/é]{0,40}", region in "[a-z1-2\\-]{0,12}") {
            proptest::prop_assert_eq!(parse_arn(&s), reference_parse_arn(&s));
            proptest::prop_assert_eq!(is_region(&region), reference_is_region(&region));
            let arn = format!("arn:aws:sms-voice:{region}:111122223333:{s}");
            proptest::prop_assert_eq!(parse_arn(&arn), reference_parse_arn(&arn));
        }

        /// Every part drawn from a few characters, colons among them, and an account near twelve
        /// digits: the shortcut past a twelve-digit account must find the fifth `:` a scan finds.
        #[test]
        fn parts_and_accounts_split_as_splitting_does(
            parts in proptest::collection::vec("[a:s-]{0,4}", 0..4),
            account in "[0-9:x]{10,14}",
            rest in "[0-9:r]{0,3}",
        ) {
            let arn = format!("arn:{}:{account}{rest}", parts.join(":"));
            proptest::prop_assert_eq!(parse_arn(&arn), reference_parse_arn(&arn));
            let arn = format!("arn:aws:sms-voice:us-east-1:{account}{rest}");
            proptest::prop_assert_eq!(parse_arn(&arn), reference_parse_arn(&arn));
        }
    }

    #[test]
    fn channels() {
        use SubtypeSpelling::*;
        assert_eq!(subtype_spelling("connect:sms"), Exact);
        assert_eq!(subtype_spelling("connect:SMS"), Exact);
        assert_eq!(subtype_spelling("connect:WhatsApp"), Exact);
        assert_eq!(subtype_spelling("connect:Sms"), CaseVariant(SUBTYPE_SMS));
        assert_eq!(subtype_spelling("CONNECT:WHATSAPP"), CaseVariant(SUBTYPE_WHATSAPP));
        assert_eq!(subtype_spelling("connect:\"WhatsApp\""), Unknown);
        assert!(Channel::Sms.is_phone() && Channel::WhatsApp.is_phone());
        assert!(!Channel::Other.is_phone() && !Channel::None.is_phone());
    }
}
