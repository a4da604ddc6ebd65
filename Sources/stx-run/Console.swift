import Foundation

/// Writes to standard output and standard error; stdout carries only the result.
enum Console {
    /// Writes `text` to standard output.
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` and a newline to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Whether standard output is a terminal (for bold receipt text).
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
}
