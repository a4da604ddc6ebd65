import Foundation

/// How a generated rules project depends on stx: by path (a local checkout) or by URL and version.
enum StxDependency: Equatable {
    case path(String)
    case url(String, version: String)

    /// The `.package(…)` line of the project's `Package.swift`.
    var packageLine: String {
        switch self {
        case .path(let path): return ".package(path: \(Self.quoted(path)))"
        case .url(let url, let version): return ".package(url: \(Self.quoted(url)), from: \(Self.quoted(version)))"
        }
    }

    /// SwiftPM's identity of the package: the last path component, without `.git`, lowercased.
    var identity: String {
        let location: String
        switch self {
        case .path(let path): location = path
        case .url(let url, _): location = url
        }
        var name = location.split(separator: "/").last.map(String.init) ?? "stx"
        if name.hasSuffix(".git") { name.removeLast(4) }
        return name.lowercased()
    }

    /// A Swift string literal of `text`.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
