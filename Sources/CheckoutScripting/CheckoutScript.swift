import Foundation

/// A merchant's checkout script: Lua source text and the name its errors point at.
public struct CheckoutScript: Sendable, Equatable {
    /// The Lua 5.4 source text.
    public var source: String
    /// The name errors and the audit trail use, e.g. `checkout.lua`.
    public var name: String

    /// Creates a script from source text.
    /// - Parameters:
    ///   - source: The Lua source text.
    ///   - name: The name that errors point at (`checkout.lua:12: …`).
    public init(source: String, name: String = "checkout.lua") {
        self.source = source
        self.name = name
    }

    /// Reads a script file; errors name the file by its last path component.
    /// - Parameter path: The file's path.
    /// - Throws: `CheckoutError.invalidInput` when the file cannot be read or is not UTF-8 text.
    public init(contentsOfFile path: String) throws(CheckoutError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidInput("cannot read the script \(path): check the path and its permissions")
        }
        guard data.first != 0x1B else {
            throw .invalidInput("the script \(path) is compiled Lua (bytecode): give stx the Lua source text")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalidInput("the script \(path) is not UTF-8 text (compiled Lua is not accepted)")
        }
        self.init(source: text, name: URL(fileURLWithPath: path).lastPathComponent)
    }

    /// A stable fingerprint of the source (FNV-1a, 64 bit, hex), for replay records.
    public var fingerprint: String {
        String(Fingerprint.fnv1a(Array(source.utf8)), radix: 16)
    }
}

/// FNV-1a hashing: deterministic across runs and machines (unlike `Hasher`).
enum Fingerprint {
    static func fnv1a(_ bytes: [UInt8], seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
