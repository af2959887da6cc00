//! Reading a WebAssembly module's sections, for the steps that look inside the built module
//! (`order`, which reorders its functions, and `size_map`, which says where its bytes come from).

/// One section of a module.
pub struct Section<'a> {
    /// The section id: 0 for a custom section, 10 for code, 11 for data, …
    pub id: u8,
    /// The whole section: id, size and contents.
    pub bytes: &'a [u8],
    /// The contents; for a custom section, what follows its name.
    pub contents: &'a [u8],
    /// A custom section's name; empty for the other sections.
    pub name: &'a [u8],
}

/// The sections of a module, in order; an error when it is not a WASM module (version 1) or ends
/// inside a section.
pub fn sections(module: &[u8]) -> Result<Vec<Section<'_>>, String> {
    if module.get(..8) != Some(b"\0asm\x01\0\0\0".as_slice()) {
        return Err("not a WASM module (version 1)".into());
    }
    let mut reader = Reader::new(module);
    reader.at = 8;
    let mut sections = Vec::new();
    while reader.at < module.len() {
        let start = reader.at;
        let id = reader.byte()?;
        let size = reader.leb()? as usize;
        let mut contents = reader.take(size)?;
        let mut name: &[u8] = &[];
        if id == 0 {
            let mut custom = Reader::new(contents);
            name = custom.name()?;
            contents = &contents[custom.at..];
        }
        sections.push(Section {
            id,
            bytes: &module[start..reader.at],
            contents,
            name,
        });
    }
    Ok(sections)
}

/// Reads the bytes of a module or of one of its sections from the front.
pub struct Reader<'a> {
    bytes: &'a [u8],
    /// The position of the next byte read.
    pub at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    pub fn byte(&mut self) -> Result<u8, String> {
        let byte = *self.bytes.get(self.at).ok_or("the module ends early")?;
        self.at += 1;
        Ok(byte)
    }

    /// An unsigned LEB128 number.
    pub fn leb(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err("a number in the module is too long".into())
    }

    pub fn take(&mut self, len: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(len).ok_or("the module ends early")?;
        let taken = self
            .bytes
            .get(self.at..end)
            .ok_or("the module ends early")?;
        self.at = end;
        Ok(taken)
    }

    /// A name: its length, then its bytes.
    pub fn name(&mut self) -> Result<&'a [u8], String> {
        let len = self.leb()? as usize;
        self.take(len)
    }

    /// The limits of a table or memory.
    pub fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Ok(())
    }
}

/// Appends `value` as an unsigned LEB128 number.
pub fn leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)] // a failing test panics
mod tests {
    use super::*;

    #[test]
    fn sections_are_read_with_custom_names() {
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        module.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]); // one type
        module.extend_from_slice(&[0, 6, 4, b'n', b'a', b'm', b'e', 9]); // custom `name`
        let read = sections(&module).expect("the module reads");
        let summary: Vec<(u8, &[u8], &[u8], usize)> = read
            .iter()
            .map(|s| (s.id, s.name, s.contents, s.bytes.len()))
            .collect();
        assert_eq!(
            summary,
            [
                (1, &b""[..], &[1, 0x60, 0, 0][..], 6),
                (0, &b"name"[..], &[9][..], 8)
            ]
        );
    }

    #[test]
    fn what_is_not_a_module_is_refused() {
        assert!(sections(b"\0asm\x02\0\0\0").is_err());
        assert!(
            sections(b"\0asm\x01\0\0\0\x01\x05\x01").is_err(),
            "cut short"
        );
        let mut long = b"\0asm\x01\0\0\0\x01".to_vec();
        long.extend_from_slice(&[0x80; 11]);
        assert!(sections(&long).is_err(), "a size longer than 64 bits");
    }

    #[test]
    fn leb_numbers_read_back() {
        for value in [0, 1, 127, 128, 300, 65_535, u64::from(u32::MAX)] {
            let mut out = Vec::new();
            leb(&mut out, value);
            assert_eq!(Reader::new(&out).leb(), Ok(value));
        }
    }
}
