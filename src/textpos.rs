//! The one place where core's byte offsets meet the DOM's UTF-16 indices
//! (`selectionStart`, `setSelectionRange`). Everything else in the app speaks
//! byte offsets, like core.

/// The largest char boundary of `text` at or before `byte`.
pub fn floor_boundary(text: &str, byte: usize) -> usize {
    let mut b = byte.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    b
}

/// UTF-16 index of a byte offset (clamped to the text, rounded down to a
/// char boundary).
pub fn byte_to_utf16(text: &str, byte: usize) -> u32 {
    text[..floor_boundary(text, byte)].encode_utf16().count() as u32
}

/// Byte offset of a UTF-16 index. An index inside a surrogate pair maps to
/// the start of that character; indexes past the end map to the end.
pub fn utf16_to_byte(text: &str, index: u32) -> usize {
    let mut units = 0u32;
    for (byte, ch) in text.char_indices() {
        let next = units + ch.len_utf16() as u32;
        if next > index {
            return byte;
        }
        units = next;
    }
    text.len()
}

/// Byte offsets to UTF-16 indices for many positions of one text, each in
/// constant time (the editor converts every token of the file).
pub struct Utf16Map {
    /// Per byte, the UTF-16 index of the character it is in; empty when the
    /// text is ASCII and both are the same.
    table: Vec<u32>,
    len: usize,
}

impl Utf16Map {
    pub fn new(text: &str) -> Utf16Map {
        if text.is_ascii() {
            return Utf16Map { table: Vec::new(), len: text.len() };
        }
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut units = 0u32;
        for ch in text.chars() {
            table.extend(std::iter::repeat_n(units, ch.len_utf8()));
            units += ch.len_utf16() as u32;
        }
        table.push(units);
        Utf16Map { table, len: text.len() }
    }

    /// The UTF-16 index of a byte offset (clamped to the text, rounded down
    /// to a char boundary), as `byte_to_utf16` gives it.
    pub fn utf16(&self, byte: usize) -> u32 {
        let byte = byte.min(self.len);
        if self.table.is_empty() {
            byte as u32
        } else {
            self.table[byte]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case: text, byte offset, UTF-16 index (both ways).
    fn check(text: &str, byte: usize, utf16: u32) {
        assert_eq!(byte_to_utf16(text, byte), utf16, "byte {byte} of {text:?}");
        assert_eq!(utf16_to_byte(text, utf16), byte, "utf16 {utf16} of {text:?}");
    }

    #[test]
    fn offsets_convert_both_ways() {
        check("RUN echo", 4, 4);
        // "é" is 2 bytes, 1 unit; "中" is 3 bytes, 1 unit; "🐳" is 4 bytes, 2 units.
        check("é x", 3, 2);
        check("# 中文\nFROM", 9, 5);
        check("🐳 RUN", 5, 3);
        check("🐳", 4, 2);
        check("", 0, 0);
    }

    #[test]
    fn the_map_agrees_with_the_one_off_conversion() {
        for text in ["RUN echo", "é x", "# 中文\nFROM", "🐳 RUN", ""] {
            let map = Utf16Map::new(text);
            for byte in 0..=text.len() + 1 {
                assert_eq!(map.utf16(byte), byte_to_utf16(text, byte), "byte {byte} of {text:?}");
            }
        }
    }

    #[test]
    fn out_of_range_and_mid_character_positions_are_clamped() {
        assert_eq!(byte_to_utf16("中", 1), 0);
        assert_eq!(byte_to_utf16("ab", 99), 2);
        assert_eq!(utf16_to_byte("🐳a", 1), 0);
        assert_eq!(utf16_to_byte("ab", 99), 2);
    }
}
