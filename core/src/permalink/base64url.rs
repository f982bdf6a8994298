//! Base64url without padding (RFC 4648 section 5): the alphabet that needs
//! no escaping in a URL fragment.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        // A chunk of k bytes carries 8k bits, which need k + 1 characters.
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

/// Why text is not base64url: the byte offset of the first character that
/// is not in the alphabet, or `None` when the length cannot be a whole
/// number of bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invalid {
    pub offset: Option<usize>,
}

/// Decodes base64url. ASCII whitespace is skipped (a link wrapped by a mail
/// client still works) and trailing `=` padding is accepted, because other
/// encoders add it.
pub fn decode(text: &str) -> Result<Vec<u8>, Invalid> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut acc: u32 = 0;
    let mut count = 0u8;
    let unpadded = text.trim_end_matches(|c: char| c == '=' || c.is_ascii_whitespace());
    for (offset, byte) in unpadded.bytes().enumerate() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            _ => return Err(Invalid { offset: Some(offset) }),
        };
        acc = (acc << 6) | u32::from(value);
        count += 1;
        if count == 4 {
            out.extend_from_slice(&[(acc >> 16) as u8, (acc >> 8) as u8, acc as u8]);
            acc = 0;
            count = 0;
        }
    }
    // What is left of the last group of four characters.
    match count {
        0 => {}
        // One character holds only 6 bits: not a whole byte.
        1 => return Err(Invalid { offset: None }),
        2 => out.push((acc >> 4) as u8),
        _ => out.extend_from_slice(&[(acc >> 10) as u8, (acc >> 2) as u8]),
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], expect: &str) {
        assert_eq!(encode(bytes), expect);
        assert_eq!(decode(expect).as_deref(), Ok(bytes));
    }

    #[test]
    fn rfc4648_vectors_in_the_url_alphabet() {
        // RFC 4648 section 10, without padding.
        check(b"", "");
        check(b"f", "Zg");
        check(b"fo", "Zm8");
        check(b"foo", "Zm9v");
        check(b"foob", "Zm9vYg");
        check(b"fooba", "Zm9vYmE");
        check(b"foobar", "Zm9vYmFy");
        // The two characters that differ from standard base64.
        check(&[0xfb, 0xff, 0xbf], "-_-_");
    }

    #[test]
    fn every_byte_value_round_trips() {
        let bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for len in 0..bytes.len() {
            assert_eq!(decode(&encode(&bytes[..len])).as_deref(), Ok(&bytes[..len]));
        }
    }

    #[test]
    fn tolerated_and_rejected_text() {
        assert_eq!(decode("Zm9v\nYmE=").as_deref(), Ok(&b"fooba"[..]));
        assert_eq!(decode("Zm9v+mE"), Err(Invalid { offset: Some(4) }));
        assert_eq!(decode("Zm9v/"), Err(Invalid { offset: Some(4) }));
        assert_eq!(decode("Zm9vY"), Err(Invalid { offset: None }));
        assert_eq!(decode("Zm=9v"), Err(Invalid { offset: Some(2) }));
    }
}
