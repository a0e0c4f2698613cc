//! Just enough of the OpenType file format to read a font file's family
//! names (name ID 1) from its header and `name` table, without reading the
//! glyphs. Scanning a system font folder this way costs a few kilobytes per
//! file instead of the whole file.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

/// The name ID of a font's family name.
const FAMILY_NAME_ID: u16 = 1;
/// More faces than any real collection holds; guards against corrupt headers.
const MAX_FACES: u32 = 256;
/// More than any real `name` table; guards against corrupt headers.
const MAX_NAME_TABLE: u32 = 1 << 20;

/// The family names of every face in the font file at `path`, in every
/// language the file records them in. Unreadable or malformed files give an
/// error or an empty list.
pub(super) fn family_names(path: &Path) -> io::Result<Vec<String>> {
    let mut file = File::open(path)?;
    let mut names = Vec::new();
    for offset in face_offsets(&mut file)? {
        if let Some(table) = name_table(&mut file, offset)? {
            names.extend(decode_family_names(&table));
        }
    }
    names.sort();
    names.dedup();
    Ok(names)
}

/// Offsets of the faces' table directories: one for a plain font, several
/// for a collection (`ttcf`).
fn face_offsets(file: &mut File) -> io::Result<Vec<u64>> {
    let header = read_at(file, 0, 12)?;
    if header.get(..4) != Some(b"ttcf".as_slice()) {
        return Ok(vec![0]);
    }
    let count = u32_at(&header, 8).unwrap_or(0).min(MAX_FACES);
    let offsets = read_at(file, 12, count * 4)?;
    Ok((0..count as usize)
        .filter_map(|i| u32_at(&offsets, i * 4))
        .map(u64::from)
        .collect())
}

/// The raw `name` table of the face whose table directory is at `offset`.
fn name_table(file: &mut File, offset: u64) -> io::Result<Option<Vec<u8>>> {
    let directory = read_at(file, offset, 12)?;
    let tables = u32::from(u16_at(&directory, 4).unwrap_or(0));
    let records = read_at(file, offset + 12, tables * 16)?;
    let name = records
        .chunks_exact(16)
        .find(|record| record.get(..4) == Some(b"name".as_slice()));
    let Some(record) = name else {
        return Ok(None);
    };
    let (Some(start), Some(length)) = (u32_at(record, 8), u32_at(record, 12)) else {
        return Ok(None);
    };
    read_at(file, u64::from(start), length.min(MAX_NAME_TABLE)).map(Some)
}

/// Family names (ID 1) in a `name` table, decoded where the encoding is
/// Unicode (platforms 0 and 3) or Mac Roman ASCII (platform 1).
fn decode_family_names(table: &[u8]) -> Vec<String> {
    let count = usize::from(u16_at(table, 2).unwrap_or(0));
    let strings = usize::from(u16_at(table, 4).unwrap_or(0));
    (0..count)
        .filter_map(|i| {
            let record = table.get(6 + i * 12..6 + (i + 1) * 12)?;
            let platform = u16_at(record, 0)?;
            if u16_at(record, 6)? != FAMILY_NAME_ID {
                return None;
            }
            let length = usize::from(u16_at(record, 8)?);
            let start = strings + usize::from(u16_at(record, 10)?);
            let bytes = table.get(start..start + length)?;
            match platform {
                0 | 3 => Some(decode_utf16_be(bytes)),
                1 => Some(bytes.iter().map(|&b| char::from(b)).collect()),
                _ => None,
            }
        })
        .collect()
}

/// Decodes big-endian UTF-16, replacing unpaired surrogates.
fn decode_utf16_be(bytes: &[u8]) -> String {
    let units = bytes
        .chunks_exact(2)
        .map(|pair| u16::from_be_bytes([pair[0], pair[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Reads up to `length` bytes at `offset`; fewer at the end of the file.
fn read_at(file: &mut File, offset: u64, length: u32) -> io::Result<Vec<u8>> {
    file.seek(SeekFrom::Start(offset))?;
    let mut buffer = Vec::new();
    file.take(u64::from(length)).read_to_end(&mut buffer)?;
    Ok(buffer)
}

/// A big-endian `u16` at `at`, if the bytes are there.
fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let pair = bytes.get(at..at + 2)?;
    Some(u16::from_be_bytes([pair[0], pair[1]]))
}

/// A big-endian `u32` at `at`, if the bytes are there.
fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let quad = bytes.get(at..at + 4)?;
    Some(u32::from_be_bytes([quad[0], quad[1], quad[2], quad[3]]))
}
