//! Orders a WASM module's functions so that gzip compresses the code better.
//!
//! gzip finds repeats only in the 32 KiB before the byte it is writing, so a function compresses
//! best right after code that resembles it. The compiler orders functions by where they were
//! defined, which scatters look-alike code (the readers of each type, the writers, …) across the
//! section. [`names_in_compression_order`] chooses an order greedily — after each function, the
//! one that compresses best against the code placed just before it — and writes it as the
//! module's function names; `wasm-opt --reorder-functions-by-name` then moves the functions (it
//! renumbers every call, export and table entry) and the names are stripped after. Nothing but
//! the order changes.

use flate2::{Compress, Compression, FlushCompress};

use crate::module::{self, leb, Reader, Section};

/// How much of the code placed last a candidate is compressed against.
const WINDOW: usize = 2 * 1024;

/// The module with a name section that names every function it defines so that the names sort
/// in compression order (and every import, which keeps its place, before them).
pub fn names_in_compression_order(module: &[u8]) -> Result<Vec<u8>, String> {
    let parsed = Module::read(module)?;
    let order = compression_order(&parsed.bodies);
    let mut rank = vec![0; order.len()];
    for (place, &function) in order.iter().enumerate() {
        rank[function] = place;
    }
    let mut names = Vec::new();
    let count = parsed.imported + parsed.bodies.len();
    leb(&mut names, count as u64);
    for index in 0..count {
        let name = match index.checked_sub(parsed.imported) {
            None => format!("a{index:06}"),
            Some(defined) => format!("b{:06}", rank[defined]),
        };
        leb(&mut names, index as u64);
        leb(&mut names, name.len() as u64);
        names.extend_from_slice(name.as_bytes());
    }
    let mut payload = Vec::new();
    leb(&mut payload, 4);
    payload.extend_from_slice(b"name");
    payload.push(1); // the function names
    leb(&mut payload, names.len() as u64);
    payload.extend_from_slice(&names);

    let mut out = module[..8].to_vec();
    for section in &parsed.sections {
        if !is_names(section) {
            out.extend_from_slice(section.bytes);
        }
    }
    out.push(0);
    leb(&mut out, payload.len() as u64);
    out.extend_from_slice(&payload);
    Ok(out)
}

/// The greedy order: the first function first (the compiler's choice of a start is as good as
/// any), then each time the function that the code placed last shortens most, ties to the
/// lowest index, so the same module always gets the same order.
fn compression_order(bodies: &[&[u8]]) -> Vec<usize> {
    let mut deflate = Compress::new(Compression::best(), false);
    let alone: Vec<usize> = bodies
        .iter()
        .map(|body| compressed_len(&mut deflate, &[], body))
        .collect();
    let Some(first) = bodies.first() else {
        return Vec::new();
    };
    let mut placed = vec![0];
    let mut left: Vec<usize> = (1..bodies.len()).collect();
    let mut window = first.to_vec();
    while !left.is_empty() {
        let dictionary = &window[window.len().saturating_sub(WINDOW)..];
        let mut best = (isize::MAX, 0);
        for (slot, &function) in left.iter().enumerate() {
            let with_window = compressed_len(&mut deflate, dictionary, bodies[function]);
            let gain = with_window as isize - alone[function] as isize;
            if gain < best.0 {
                best = (gain, slot);
            }
        }
        let function = left.remove(best.1);
        window.extend_from_slice(bodies[function]);
        placed.push(function);
    }
    placed
}

/// The length of `data` deflated at the best level after `dictionary`.
fn compressed_len(deflate: &mut Compress, dictionary: &[u8], data: &[u8]) -> usize {
    deflate.reset();
    if !dictionary.is_empty() && deflate.set_dictionary(dictionary).is_err() {
        return data.len();
    }
    let mut out = Vec::with_capacity(data.len() + 64);
    match deflate.compress_vec(data, &mut out, FlushCompress::Finish) {
        Ok(_) => out.len(),
        Err(_) => data.len(),
    }
}

/// The parts of a module the order needs.
struct Module<'a> {
    sections: Vec<Section<'a>>,
    /// How many functions are imported: they come before the defined ones in the index space.
    imported: usize,
    /// The body of each defined function, in index order.
    bodies: Vec<&'a [u8]>,
}

impl<'a> Module<'a> {
    fn read(module: &'a [u8]) -> Result<Module<'a>, String> {
        let sections = module::sections(module)?;
        let mut imported = 0;
        let mut bodies = Vec::new();
        for section in &sections {
            let mut reader = Reader::new(section.contents);
            match section.id {
                2 => imported = imported_functions(&mut reader)?,
                10 => {
                    for _ in 0..reader.leb()? {
                        let size = reader.leb()? as usize;
                        bodies.push(reader.take(size)?);
                    }
                }
                _ => {}
            }
        }
        Ok(Module {
            sections,
            imported,
            bodies,
        })
    }
}

/// True for the custom section `name`, which the order replaces.
fn is_names(section: &Section<'_>) -> bool {
    section.id == 0 && section.name == b"name"
}

/// The number of function imports in an import section.
fn imported_functions(section: &mut Reader) -> Result<usize, String> {
    let mut functions = 0;
    for _ in 0..section.leb()? {
        section.name()?;
        section.name()?;
        match section.byte()? {
            0 => {
                section.leb()?;
                functions += 1;
            }
            1 => {
                section.byte()?;
                section.limits()?;
            }
            2 => section.limits()?,
            3 => {
                section.byte()?;
                section.byte()?;
            }
            4 => {
                section.byte()?;
                section.leb()?;
            }
            kind => return Err(format!("unknown import kind {kind}")),
        }
    }
    Ok(functions)
}

#[cfg(test)]
#[allow(clippy::expect_used)] // a failing test panics
mod tests {
    use super::*;

    /// A module with one imported function and three defined ones, the first and third alike.
    fn module() -> Vec<u8> {
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        let mut section = |id: u8, contents: &[u8]| {
            module.push(id);
            leb(&mut module, contents.len() as u64);
            module.extend_from_slice(contents);
        };
        section(1, &[1, 0x60, 0, 0]); // one type: [] -> []
        section(2, b"\x01\x03env\x01f\x00\x00"); // env.f, a function of type 0
        section(3, &[3, 0, 0, 0]);
        let alike: Vec<u8> = (0..200u8).map(|i| 0x41 ^ (i % 7)).collect();
        let other: Vec<u8> = (0..200u8).map(|i| i.wrapping_mul(97)).collect();
        let mut code = vec![3];
        for body in [&alike, &other, &alike] {
            leb(&mut code, body.len() as u64);
            code.extend_from_slice(body);
        }
        section(10, &code);
        module
    }

    /// The function names of a module's name section, by index.
    fn function_names(module: &[u8]) -> Vec<(u64, String)> {
        let parsed = Module::read(module).expect("the module reads");
        let section = parsed.sections.iter().find(|s| is_names(s)).expect("names");
        let mut reader = Reader::new(section.contents);
        assert_eq!(reader.byte(), Ok(1), "the function names");
        reader.leb().expect("subsection size");
        (0..reader.leb().expect("count"))
            .map(|_| {
                let index = reader.leb().expect("index");
                let name = reader.name().expect("name");
                (index, String::from_utf8_lossy(name).into_owned())
            })
            .collect()
    }

    #[test]
    fn look_alike_functions_are_named_to_sit_together() {
        let named = names_in_compression_order(&module()).expect("the module reads");
        // The import sorts first; then the first function, its look-alike (the third), and
        // last the one unlike them.
        let expected = [
            (0, "a000000"),
            (1, "b000000"),
            (2, "b000002"),
            (3, "b000001"),
        ];
        let expected: Vec<(u64, String)> = expected
            .iter()
            .map(|(i, n)| (*i, (*n).to_owned()))
            .collect();
        assert_eq!(function_names(&named), expected);
        // Naming again replaces the names rather than adding a second section.
        let again = names_in_compression_order(&named).expect("the named module reads");
        assert_eq!(again, named);
        let parsed = Module::read(&named).expect("the named module reads");
        assert_eq!((parsed.imported, parsed.bodies.len()), (1, 3));
    }

    #[test]
    fn what_is_not_a_module_is_refused() {
        assert!(names_in_compression_order(b"\0asm\x02\0\0\0").is_err());
        let mut cut = module();
        cut.truncate(cut.len() - 10);
        assert!(names_in_compression_order(&cut).is_err());
    }
}
