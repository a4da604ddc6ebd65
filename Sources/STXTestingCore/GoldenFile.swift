import Foundation

/// A golden file: text recorded once, reviewed, committed, and compared on every later run.
///
/// A missing file is recorded and the check fails, so a golden is never accepted unseen. Set
/// the environment variable `STX_RECORD_GOLDENS=1` to record every golden again after an
/// intended change.
public struct GoldenFile: Sendable {
    /// The environment variable that asks to record goldens again.
    public static let recordVariable = "STX_RECORD_GOLDENS"

    /// The golden file's path.
    public var path: String

    /// A golden file.
    /// - Parameter path: Its path.
    public init(path: String) {
        self.path = path
    }

    /// Whether the environment asks to record goldens (`STX_RECORD_GOLDENS=1`).
    public static var recordingRequested: Bool {
        ProcessInfo.processInfo.environment[recordVariable] == "1"
    }

    /// Compares `actual` with the golden, or records it.
    /// - Parameters:
    ///   - actual: The text now.
    ///   - record: Record instead of comparing.
    /// - Returns: nil when the text equals the golden; else a message: the diff, or that the
    ///   golden was (or could not be) recorded.
    public func check(_ actual: String, record: Bool = recordingRequested) -> String? {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard !record, let data = FileManager.default.contents(atPath: path) else {
            return write(actual, name: name)
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard let diff = TextDiff.lines(expected: expected, actual: actual) else { return nil }
        return """
            The text differs from the golden file \(name) (- golden, + now):
            \(diff)
            If the change is intended, run the tests again with \(Self.recordVariable)=1 and review the file.
            Golden file: \(path)
            """
    }

    private func write(_ text: String, name: String) -> String {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            return "Could not record the golden file \(path): \(error.localizedDescription). Check that the folder is writable."
        }
        return "Recorded the golden file \(name): review it, commit it, and run the tests again. (\(path))"
    }
}
