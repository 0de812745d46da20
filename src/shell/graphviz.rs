//! GraphViz: drawing DOT as SVG, PNG or PDF with the `dot` program, for `:export svg|png|pdf`.
//! GraphViz is optional; without it the export says how to get it.

use super::session_error::SessionErrorKind;
use std::io::Write;

/// Pipes DOT through GraphViz's `dot -T<format>` (`svg`, `png`, `pdf`).
pub(crate) fn draw(dot: &[u8], format: &'static str) -> Result<Vec<u8>, SessionErrorKind> {
    use std::process::{Command, Stdio};
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => SessionErrorKind::DotMissing {
                format: format.to_uppercase(),
            },
            _ => SessionErrorKind::DotFailed(e.to_string()),
        })?;
    // Write on another thread: dot may fill its output pipe before it has read all of its input.
    let input = dot.to_vec();
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| SessionErrorKind::DotFailed("no input pipe".into()))?;
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child
        .wait_with_output()
        .map_err(|e| SessionErrorKind::DotFailed(e.to_string()))?;
    let written = writer
        .join()
        .map_err(|_| SessionErrorKind::DotFailed("the writer thread panicked".into()))?;
    if !output.status.success() {
        return Err(SessionErrorKind::DotFailed(
            String::from_utf8_lossy(&output.stderr).trim().to_string(),
        ));
    }
    written.map_err(|e| SessionErrorKind::DotFailed(e.to_string()))?;
    Ok(output.stdout)
}
