//! A small static file server for `cargo xtask demo`: serves `www/` on 127.0.0.1 only, answers
//! the demo form's POST, and nothing else. Standard library only.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// Serves `dir` on `127.0.0.1:port` until the process is stopped.
pub fn serve(dir: &Path, port: u16) -> Result<(), String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    eprintln!(
        "\nserving {} on http://127.0.0.1:{port}/ (Ctrl-C to stop)",
        dir.display()
    );
    eprintln!("  demo:        http://127.0.0.1:{port}/index.html");
    eprintln!(
        "  agency page: http://127.0.0.1:{port}/agency.html (strict Content-Security-Policy)"
    );
    for stream in listener.incoming().flatten() {
        if let Err(e) = answer(dir, stream) {
            eprintln!("  request failed: {e}");
        }
    }
    Ok(())
}

fn answer(dir: &Path, stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let mut content_length = 0usize;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                content_length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let mut stream = stream;
    if method == "POST" {
        // The demo page posts here; the body is read and dropped, never logged.
        let mut body = vec![0; content_length.min(2 * 1024 * 1024)];
        reader.read_exact(&mut body)?;
        return respond(
            &mut stream,
            "200 OK",
            "application/json",
            b"{\"received\":true}",
        );
    }
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"method not allowed",
        );
    }
    match resolve(dir, target) {
        Some(path) => match fs::read(&path) {
            Ok(body) => respond(&mut stream, "200 OK", content_type(&path), &body),
            Err(_) => respond(&mut stream, "404 Not Found", "text/plain", b"not found"),
        },
        None => respond(&mut stream, "404 Not Found", "text/plain", b"not found"),
    }
}

/// Maps a request target to a file under `dir`, refusing anything that climbs out of it.
fn resolve(dir: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let relative = Path::new(path.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut full = dir.join(relative);
    if full.is_dir() {
        full = full.join("index.html");
    }
    Some(full)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

fn respond(stream: &mut TcpStream, status: &str, kind: &str, body: &[u8]) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\ncontent-type: {kind}\r\ncontent-length: {}\r\ncache-control: no-store\r\nconnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_stays_inside_the_folder() {
        let dir = Path::new("/srv/www");
        assert_eq!(
            resolve(dir, "/lindung-form.js?v=1"),
            Some(dir.join("lindung-form.js"))
        );
        assert_eq!(resolve(dir, "/../etc/passwd"), None);
        assert_eq!(resolve(dir, "/dist/../../x"), None);
    }
}
