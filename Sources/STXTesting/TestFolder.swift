import Foundation

/// Folders of a rule-test project, found from the test file's own path (`#filePath`), so tests
/// need no resources in `Package.swift`.
enum TestFolder {
    /// The folder of the test file `file`.
    static func of(_ file: StaticString) -> URL {
        URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
    }

    /// The nearest file called `name` in the folder of `file` or one of its parents.
    static func find(_ name: String, from file: StaticString) -> URL? {
        var folder = of(file)
        while true {
            let candidate = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
