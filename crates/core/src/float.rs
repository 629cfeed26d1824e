//! Decimal text to `f64` by `f64::from_str`'s grammar and rounding, for the JSON parser and the
//! YAML reader alike, without `core::num::dec2flt` (its code and power tables cost the wasm about
//! 10 KB; this exact big-integer method is a few hundred bytes, and requests and scenarios hold few
//! floats, so its speed does not matter).

use std::cmp::Ordering;

/// What `s.parse::<f64>()` returns (`None` where it is an error): an optional sign, then
/// `inf`/`infinity`/`nan` in any case, or digits with an optional `.` and exponent
/// (`Digit+ | Digit+ '.' Digit* | Digit* '.' Digit+`, then `[eE][+-]?Digit+`), rounded to nearest, ties to even.
pub(crate) fn parse_f64(s: &str) -> Option<f64> {
    let (negative, body) = match s.as_bytes().first() {
        Some(b'+') => (false, s.get(1..)?),
        Some(b'-') => (true, s.get(1..)?),
        _ => (false, s),
    };
    let magnitude = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        decimal(body)?
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// An unsigned decimal number, correctly rounded.
fn decimal(s: &str) -> Option<f64> {
    let bytes = s.as_bytes();
    let mut i = 0;
    // value = digits × 10^exp10; digits without leading zeros.
    let mut digits: Vec<u8> = Vec::new();
    let mut exp10: i64 = 0;
    let mut any_digit = false;
    let mut take = |c: u8, digits: &mut Vec<u8>| {
        any_digit = true;
        if !(digits.is_empty() && c == b'0') {
            digits.push(c - b'0');
        }
    };
    while let Some(&c) = bytes.get(i).filter(|c| c.is_ascii_digit()) {
        take(c, &mut digits);
        i += 1;
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&c) = bytes.get(i).filter(|c| c.is_ascii_digit()) {
            take(c, &mut digits);
            exp10 -= 1;
            i += 1;
        }
    }
    if !any_digit {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        let negative = match bytes.get(i) {
            Some(b'-') => (i += 1, true).1,
            Some(b'+') => (i += 1, false).1,
            _ => false,
        };
        let mut e: i64 = 0;
        let start = i;
        while let Some(&c) = bytes.get(i).filter(|c| c.is_ascii_digit()) {
            // Saturates: any exponent this large already means infinity or zero.
            e = (e * 10 + i64::from(c - b'0')).min(1_000_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp10 += if negative { -e } else { e };
    }
    if i != bytes.len() {
        return None;
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exp10 += 1;
    }
    if digits.is_empty() {
        return Some(0.0);
    }
    // 800 digits decide every rounding (dec2flt keeps 768); a final 1 stands for the nonzero rest.
    if digits.len() > 800 {
        exp10 += (digits.len() - 801) as i64;
        digits.truncate(800);
        digits.push(1);
    }
    let count = digits.len() as i64;
    if count + exp10 > 310 {
        return Some(f64::INFINITY);
    }
    if count + exp10 < -330 {
        return Some(0.0);
    }
    let mut num = Big::default();
    for d in &digits {
        num.mul_add(10, u32::from(*d));
    }
    let mut den = Big(vec![1]);
    if exp10 >= 0 {
        num.mul_pow10(exp10);
    } else {
        den.mul_pow10(-exp10);
    }
    // num / den / 2^k lands in [2^52, 2^54) for this k; one more step when it is 2^53 or more.
    let mut k = (num.bits() as i64 - den.bits() as i64 - 53).max(-1074);
    let (mut q, mut half) = quotient(&num, &den, k);
    if q >= 1 << 53 {
        k += 1;
        (q, half) = quotient(&num, &den, k);
    }
    if half == Ordering::Greater || (half == Ordering::Equal && q & 1 == 1) {
        q += 1;
    }
    if q == 1 << 53 {
        q >>= 1;
        k += 1;
    }
    if k > 971 {
        return Some(f64::INFINITY);
    }
    // q < 2^52 only in the subnormal range, where k is -1074 and the bits are q itself.
    let bits = if q < 1 << 52 { q } else { ((k + 1075) as u64) << 52 | (q & ((1 << 52) - 1)) };
    Some(f64::from_bits(bits))
}

/// floor(num / (den × 2^k)) (below 2^54 here) and how twice the remainder compares with the divisor.
fn quotient(num: &Big, den: &Big, k: i64) -> (u64, Ordering) {
    let (mut n, d) =
        if k >= 0 { (num.clone(), den.shl(k as usize)) } else { (num.shl(k.unsigned_abs() as usize), den.clone()) };
    let mut shifted = d.shl(54);
    let mut q = 0u64;
    for bit in (0..=54).rev() {
        if n.cmp(&shifted) != Ordering::Less {
            n.sub(&shifted);
            q |= 1 << bit;
        }
        shifted.shr1();
    }
    (q, n.shl(1).cmp(&d))
}

/// An unsigned big integer: little-endian 32-bit limbs, no high zero limbs.
#[derive(Clone, Default)]
struct Big(Vec<u32>);

impl Big {
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut e: i64) {
        while e >= 9 {
            self.mul_add(1_000_000_000, 0);
            e -= 9;
        }
        self.mul_add(10u32.pow(e as u32), 0);
    }

    fn bits(&self) -> usize {
        self.0.last().map_or(0, |top| self.0.len() * 32 - top.leading_zeros() as usize)
    }

    fn shl(&self, n: usize) -> Big {
        let (limbs, bits) = (n / 32, n % 32);
        let mut out = vec![0u32; limbs];
        let mut carry = 0u32;
        for &limb in &self.0 {
            out.push(if bits == 0 { limb } else { limb << bits | carry });
            carry = if bits == 0 { 0 } else { limb >> (32 - bits) };
        }
        if carry > 0 {
            out.push(carry);
        }
        let mut big = Big(out);
        big.trim();
        big
    }

    fn shr1(&mut self) {
        let mut carry = 0;
        for limb in self.0.iter_mut().rev() {
            let low = *limb & 1;
            *limb = *limb >> 1 | carry << 31;
            carry = low;
        }
        self.trim();
    }

    /// self −= other, where self ≥ other.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(v < 0);
            *limb = v.rem_euclid(1 << 32) as u32;
        }
        self.trim();
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_f64;
    use proptest::prelude::*;

    fn same(s: &str) -> Result<(), TestCaseError> {
        let ours = parse_f64(s);
        let std = s.parse::<f64>().ok();
        prop_assert_eq!(ours.is_some(), std.is_some(), "accepts {:?}", s);
        if let (Some(a), Some(b)) = (ours, std) {
            prop_assert!(a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()), "{:?}: {} vs {}", s, a, b);
        }
        Ok(())
    }

    #[test]
    fn reads_what_std_reads() {
        let cases = [
            "",
            "+",
            "-",
            ".",
            "e",
            "1",
            "+1",
            "-1",
            "1.",
            ".5",
            "+.5",
            "-.5e3",
            "1e",
            "1e+",
            "1e-3",
            "1E3",
            "1.5e+308",
            "1e308",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "2e308",
            "4.9e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "1e-400",
            "0",
            "-0",
            "00.000",
            "0e999999999999",
            "9007199254740993",
            "9007199254740995",
            "123456.78901234567",
            "0.1",
            "inf",
            "-INF",
            "Infinity",
            "+iNfInItY",
            "nan",
            "NaN",
            "-nan",
            "infin",
            "in",
            "1_000",
            "0x10",
            "1e3.5",
            " 1",
            "1 ",
            "１",
            "1e99999999999999999999999",
            "1.e5",
            ".e5",
            "e5",
        ];
        for s in cases {
            same(s).unwrap();
        }
        let long = format!("0.{}1", "0".repeat(900));
        same(&long).unwrap();
        let long = format!("{}e-1000", "9".repeat(1000));
        same(&long).unwrap();
        let tie = format!("9007199254740993{}1", "0".repeat(850));
        same(&tie).unwrap();
        same(&format!("9007199254740993{}", "0".repeat(850))).unwrap();
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn reads_what_std_reads_for_numeric_looking_text(s in "[-+]?[0-9]{0,20}(\\.[0-9]{0,20})?([eE][-+]?[0-9]{0,4})?|[-+.eE0-9infatyINFATY_ x]{0,8}") {
            same(&s)?;
        }

        #[test]
        fn reads_every_shortest_float_back(bits in any::<u64>()) {
            let f = f64::from_bits(bits);
            same(&f.to_string())?;
            same(&format!("{f:e}"))?;
            same(&format!("{f:.20e}"))?;
        }
    }
}
