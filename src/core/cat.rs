//! `cat!`: a `String` joined from pieces (text, characters, whole numbers).
//!
//! Why not `format!`: it brings core's formatting machinery (about 8 KB of
//! wasm) into the binary, and every message we build only joins text and
//! whole numbers.

use crate::prelude::*;

/// Something that can be appended to a message.
pub trait Piece {
    fn add_to(&self, out: &mut String);
}

impl Piece for str {
    fn add_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn add_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for alloc::borrow::Cow<'_, str> {
    fn add_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for char {
    fn add_to(&self, out: &mut String) {
        out.push(*self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn add_to(&self, out: &mut String) {
        (**self).add_to(out);
    }
}

macro_rules! unsigned_pieces {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn add_to(&self, out: &mut String) {
                Padded(*self as u64, 0).add_to(out);
            }
        }
    )*};
}
unsigned_pieces!(u8, u16, u32, u64, usize);

impl Piece for i64 {
    fn add_to(&self, out: &mut String) {
        if *self < 0 {
            out.push('-');
        }
        Padded(self.unsigned_abs(), 0).add_to(out);
    }
}

impl Piece for i32 {
    fn add_to(&self, out: &mut String) {
        (*self as i64).add_to(out);
    }
}

/// A whole number in decimal with leading zeros up to a width: `Padded(7, 2)` is `07`.
pub struct Padded(pub u64, pub usize);

impl Piece for Padded {
    fn add_to(&self, out: &mut String) {
        let mut digits = [0u8; 20];
        let mut first = digits.len();
        let mut n = self.0;
        loop {
            first -= 1;
            digits[first] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for _ in digits.len() - first..self.1 {
            out.push('0');
        }
        for &d in &digits[first..] {
            out.push(d as char);
        }
    }
}

/// `cat!(a, b, …)`: the pieces appended in order to a new `String`.
macro_rules! cat {
    ($($piece:expr),* $(,)?) => {{
        #[allow(unused_mut)]
        let mut out = $crate::prelude::String::new();
        $( $crate::core::cat::Piece::add_to(&$piece, &mut out); )*
        out
    }};
}
pub(crate) use cat;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_join_in_order() {
        let name = String::from("items");
        assert_eq!(cat!("item ", 3usize, " (", name, '[', 2u32, "])"), "item 3 (items[2])");
        assert_eq!(cat!(0u8, ' ', u64::MAX, ' ', -45i64, ' ', i64::MIN), "0 18446744073709551615 -45 -9223372036854775808");
        assert_eq!(cat!(Padded(7, 2), ':', Padded(2026, 4), ':', Padded(123, 2), ':', Padded(0, 3)), "07:2026:123:000");
        assert_eq!(cat!(), "");
    }
}
