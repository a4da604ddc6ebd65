import CheckoutScripting
import Foundation
import Lua
import SmartTransactions

/// A table-driven rule spec written in Lua, for merchants who would rather not write Swift.
///
/// The file returns a table; it runs in the same kind of sandbox as checkout scripts:
/// ```lua
/// return {
///   script = "../checkout.lua",              -- relative to this file
///   now = "2026-11-25T12:00:00+01:00",       -- the default checkout time
///   cases = {
///     { name = "10 % off bread",
///       given = { products = { { desc = "Roggenbrot", priceOne = 425, tax = 7, group = "Backwaren" } } },
///       expect = { sum = 383, coupons = { { desc = "Backwaren -10 %", priceOne = -42, tax = 7 } } } },
///   },
/// }
/// ```
/// `given`: `transaction` (a JSON fixture or replay record, relative to this file) or
/// `products`, `card`, `payment_method`, `merchant`, `currency`; and optionally `now`.
/// `expect`: `sum`, `coupons`, `basket`, `receipt`, `payment_method`, or one of `rejected`,
/// `error`, `limit`. A case may set `limits = { max_instructions = …, max_memory = …, timeout_ms = … }`.
public struct RuleSpec: Sendable {
    /// The spec file's path.
    public var path: String
    /// The script's path (resolved).
    public var scriptPath: String
    /// The cases, in file order.
    public var cases: [SpecCase]

    /// Reads a spec file.
    /// - Parameters:
    ///   - path: The spec file.
    ///   - script: A script path that overrides the spec's `script`.
    /// - Throws: ``TestInputError`` naming the file and the first problem.
    public init(contentsOfFile path: String, script: String? = nil) throws(TestInputError) {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let root = try LuaFields(Self.evaluate(path), path: URL(fileURLWithPath: path).lastPathComponent)
        try root.allowOnly(["script", "now", "limits", "cases"])
        let given = try root.string("script")
        scriptPath = script ?? Self.defaultScript(given, folder: folder)
        let now = try root.string("now") ?? CheckoutTime.default
        let limits = try SpecReader.limits(root.table("limits"), base: .default)
        guard let cases = try root.list("cases"), !cases.isEmpty else {
            throw TestInputError("\(path) has no cases: return { cases = { { name = ..., given = ..., expect = ... } } }")
        }
        let reader = SpecReader(folder: folder, now: now, limits: limits)
        var read: [SpecCase] = []
        for (index, value) in cases.enumerated() {
            read.append(try reader.specCase(value, at: "cases[\(index + 1)]"))
        }
        self.cases = read
    }

    /// Runs the spec file's chunk in a sandbox and returns what it returned.
    private static func evaluate(_ path: String) throws(TestInputError) -> LuaValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TestInputError("cannot read the spec \(path): check the path and its permissions")
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw TestInputError("the spec \(path) is not UTF-8 text")
        }
        do {
            let sandbox = try LuaSandbox(limits: .default, randomSeed: 0, hostCode: nil)
            let chunk = try sandbox.compile(source, chunkName: URL(fileURLWithPath: path).lastPathComponent)
            return try sandbox.run(chunk).first ?? .nil
        } catch {
            throw TestInputError("the spec \(path) failed to load: \(error)")
        }
    }

    /// The script: the spec's `script` relative to its folder; else `checkout.lua` in the
    /// spec's folder or, failing that, its parent folder.
    private static func defaultScript(_ given: String?, folder: String) -> String {
        if let given {
            return URL(fileURLWithPath: given.hasPrefix("/") ? given : folder + "/" + given).standardizedFileURL.path
        }
        let here = folder + "/checkout.lua"
        if FileManager.default.fileExists(atPath: here) { return here }
        return URL(fileURLWithPath: folder).deletingLastPathComponent().appendingPathComponent("checkout.lua").path
    }
}
