//! Raw deflate (RFC 1951) with a preset dictionary, on top of miniz_oxide,
//! which has no dictionary API of its own.
//!
//! Compression feeds the dictionary first, ends that part with a sync flush
//! (which byte-aligns the stream with an empty stored block) and throws its
//! output away: what follows may refer back into the dictionary. Inflation
//! starts with the dictionary already in a non-wrapping output buffer, so
//! those back-references resolve, and returns only what comes after it.

use miniz_oxide::deflate::core::{
    compress_to_output, create_comp_flags_from_zip_params, deflate_flags, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

/// Inputs up to this size are also tried with fixed Huffman codes. Over
/// the corpus those win below about 1 KB and lose above 1.3 KB, so larger
/// inputs (which the app re-encodes as the user types) skip the second pass.
const TRY_FIXED_CODES_BELOW: usize = 4 * 1024;

/// The best of a few compressor settings; all of them inflate alike.
pub fn compress_smallest(data: &[u8], dictionary: &[u8]) -> Vec<u8> {
    // Raw deflate is asked for with negative window bits (zlib's convention).
    // Level 10's extra match probes gave no shorter link over the corpus and
    // took 40% longer, mostly on the dictionary, which every call primes.
    let dynamic = create_comp_flags_from_zip_params(9, -15, 0);
    let best = compress(data, dictionary, dynamic);
    if data.len() > TRY_FIXED_CODES_BELOW {
        return best;
    }
    // Fixed Huffman codes save the code table (dozens of bytes) and so win
    // on the short texts most links carry; miniz only picks them itself
    // below 48 bytes.
    let fixed = compress(data, dictionary, dynamic | deflate_flags::TDEFL_FORCE_ALL_STATIC_BLOCKS);
    if fixed.len() < best.len() {
        fixed
    } else {
        best
    }
}

fn compress(data: &[u8], dictionary: &[u8], flags: u32) -> Vec<u8> {
    let mut compressor = Box::new(CompressorOxide::new(flags));
    let mut out = Vec::new();
    if !dictionary.is_empty() {
        let primed = compress_to_output(&mut compressor, dictionary, TDEFLFlush::Sync, |bytes| {
            out.extend_from_slice(bytes);
            true
        });
        if primed.0 != TDEFLStatus::Okay {
            // Priming cannot fail with an output callback that accepts
            // everything. Should it, a stream made without the dictionary
            // still inflates with it preset: it just never refers into it.
            return compress(data, &[], flags);
        }
        out.clear();
    }
    compress_to_output(&mut compressor, data, TDEFLFlush::Finish, |bytes| {
        out.extend_from_slice(bytes);
        true
    });
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InflateError {
    /// The stream ended before its final block did.
    Truncated,
    /// The stream is not valid deflate (or refers before the dictionary).
    Corrupt,
    /// The output would exceed the limit.
    TooLarge,
}

/// Inflates `data` with `dictionary` preset, refusing to produce more than
/// `limit` bytes. Bytes after the final block are ignored.
pub fn decompress_limited(data: &[u8], dictionary: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    let start = dictionary.len();
    // The buffer may hold one byte past the limit, so that reaching it
    // tells "exactly at the limit" from "beyond it".
    let capacity = start + limit.saturating_add(1);
    let first = start + data.len().saturating_mul(4).saturating_add(1024);
    let mut buf = vec![0u8; first.min(capacity)];
    buf[..start].copy_from_slice(dictionary);
    let mut pos = start;
    let mut input = data;
    let mut inflater = Box::<DecompressorOxide>::default();
    loop {
        let (status, consumed, written) =
            decompress(&mut inflater, input, &mut buf, pos, inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF);
        pos = pos.saturating_add(written).min(buf.len());
        input = input.get(consumed..).unwrap_or(&[]);
        match status {
            TINFLStatus::Done if pos - start <= limit => {
                buf.truncate(pos);
                buf.drain(..start);
                return Ok(buf);
            }
            TINFLStatus::Done => return Err(InflateError::TooLarge),
            TINFLStatus::HasMoreOutput if buf.len() >= capacity => return Err(InflateError::TooLarge),
            TINFLStatus::HasMoreOutput => {
                let grown = buf.len().saturating_mul(2).min(capacity);
                buf.resize(grown, 0);
            }
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => return Err(InflateError::Truncated),
            _ => return Err(InflateError::Corrupt),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DICT: &[u8] = b"RUN apt-get update && apt-get install -y --no-install-recommends ";

    #[test]
    fn the_dictionary_is_used_and_needed() {
        let text = b"FROM debian\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n";
        let with = compress_smallest(text, DICT);
        let without = compress_smallest(text, b"");
        assert!(with.len() + 20 < without.len(), "{} vs {}", with.len(), without.len());
        assert_eq!(decompress_limited(&with, DICT, 1000).as_deref(), Ok(&text[..]));
        // The back-references into the dictionary point before the start of
        // the output when no dictionary is preset.
        assert_eq!(decompress_limited(&with, b"", 1000), Err(InflateError::Corrupt));
        // A stream made without the dictionary inflates with it preset.
        assert_eq!(decompress_limited(&without, DICT, 1000).as_deref(), Ok(&text[..]));
    }

    #[test]
    fn the_limit_is_inclusive() {
        let text = vec![b'a'; 5000];
        let packed = compress_smallest(&text, DICT);
        assert_eq!(decompress_limited(&packed, DICT, 5000).map(|v| v.len()), Ok(5000));
        assert_eq!(decompress_limited(&packed, DICT, 4999), Err(InflateError::TooLarge));
    }

    #[test]
    fn cut_streams_are_truncated() {
        let text = b"FROM alpine:3.20\nRUN apk add --no-cache curl jq\nCMD [\"sh\"]\n".repeat(3);
        let packed = compress_smallest(&text, DICT);
        for cut in 0..packed.len() {
            match decompress_limited(&packed[..cut], DICT, 1 << 20) {
                // A cut in the padding bits of the last byte may still decode.
                Ok(out) => assert_eq!(out, text),
                Err(e) => assert!(matches!(e, InflateError::Truncated | InflateError::Corrupt), "{e:?}"),
            }
        }
    }
}
