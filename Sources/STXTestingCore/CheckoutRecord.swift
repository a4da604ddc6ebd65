import CheckoutScripting
import Foundation
import Lua
import SmartTransactions

/// A replayable record of one checkout (`stx-run SCRIPT … --record FILE`): the input
/// transaction, the script's name, path and SHA-256, `now`, the random seed, the limits, and
/// the output. `stx-run replay FILE` runs it again and shows any difference; in a rule test,
/// `assertReplays` does the same, so a record is a test fixture as it is.
public struct CheckoutRecord: Sendable, Equatable {
    /// The version of the record format this library writes and reads.
    public static let formatVersion = 1

    /// The script's name, as errors name it (`checkout.lua`).
    public var scriptName: String
    /// The script's path relative to the record's folder (or absolute), when it was run from a file.
    public var scriptPath: String?
    /// The SHA-256 of the script's source text (UTF-8), hex.
    public var scriptSHA256: String
    /// The checkout time (`tx.now`).
    public var now: String
    /// The seed of `math.random` the checkout ran with.
    public var randomSeed: Int
    /// The limits the checkout ran under.
    public var limits: LuaLimits
    /// The transaction the checkout started from.
    public var transaction: SmartTransaction
    /// What the checkout produced: ``RuleRun/output``.
    public var output: JSONValue

    /// The record of a run.
    /// - Parameters:
    ///   - run: The checkout.
    ///   - script: The script it ran.
    ///   - scriptPath: Where the script is, relative to the record's folder (or absolute).
    ///   - limits: The limits it ran under.
    public init(run: RuleRun, script: CheckoutScript, scriptPath: String?, limits: LuaLimits) {
        scriptName = script.name
        self.scriptPath = scriptPath
        scriptSHA256 = SHA256.hex(script.source)
        now = run.now
        randomSeed = run.randomSeed
        self.limits = limits
        transaction = run.input
        output = run.output
    }

    /// Reads a record file.
    /// - Parameter path: The record's path.
    /// - Throws: ``TestInputError`` when it cannot be read or is not a record.
    public init(contentsOfFile path: String) throws(TestInputError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TestInputError("cannot read the record \(path): check the path and its permissions")
        }
        do {
            try self.init(json: JSON.parse(data))
        } catch let error as TestInputError {
            throw TestInputError("\(path) is not a valid replay record: \(error.message)")
        } catch {
            throw TestInputError("\(path) is not valid JSON: \(error)")
        }
    }

    /// Decodes a record.
    /// - Parameter json: The record's JSON object.
    /// - Throws: ``TestInputError`` naming the first missing or invalid member.
    public init(json: JSONValue) throws(TestInputError) {
        guard let object = json.objectValue, let version = object["stx_record"]?.intValue else {
            throw TestInputError("it has no \"stx_record\" version: write records with stx-run SCRIPT --record FILE")
        }
        guard version == Self.formatVersion else {
            throw TestInputError("it has the record format \(version); this stx reads format \(Self.formatVersion)")
        }
        let script = object["script"]?.objectValue ?? JSONObject()
        scriptName = try Self.string(script["name"], "script.name")
        scriptPath = script["path"]?.stringValue
        scriptSHA256 = try Self.string(script["sha256"], "script.sha256")
        now = try Self.string(object["now"], "now")
        randomSeed = try Self.integer(object["random_seed"], "random_seed")
        limits = try Self.limits(object["limits"])
        do {
            transaction = try SmartTransaction(json: object["transaction"] ?? .null, at: "$.transaction")
        } catch {
            throw TestInputError("\(error)")
        }
        guard let output = object["output"], output.objectValue != nil else {
            throw TestInputError("it has no \"output\" object")
        }
        self.output = output
    }

    /// The record as JSON.
    public var json: JSONValue {
        var script = JSONObject()
        script["name"] = .string(scriptName)
        if let scriptPath { script["path"] = .string(scriptPath) }
        script["sha256"] = .string(scriptSHA256)
        var object = JSONObject()
        object["stx_record"] = .int(Self.formatVersion)
        object["script"] = .object(script)
        object["now"] = .string(now)
        object["random_seed"] = .int(randomSeed)
        object["limits"] = .object([
            "max_instructions": .int(limits.maxInstructions), "max_memory": .int(limits.maxMemory),
            "timeout_ms": .int(Self.milliseconds(limits.timeout)), "max_log_bytes": .int(limits.maxLogBytes),
        ])
        object["transaction"] = transaction.json
        object["output"] = output
        return .object(object)
    }

    /// Writes the record as pretty JSON.
    /// - Parameter path: The file to write.
    /// - Throws: ``TestInputError`` when the file cannot be written.
    public func write(to path: String) throws(TestInputError) {
        do {
            try Data((JSON.string(json, pretty: true) + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw TestInputError("cannot write the record \(path): \(error.localizedDescription)")
        }
    }

    /// Runs the recorded checkout again with `script`, under the recorded limits and time.
    /// - Parameter script: The script to replay (the recorded one, or a changed one).
    /// - Returns: The replay: the new run and every difference from the record.
    public func replay(with script: CheckoutScript) async -> Replay {
        let run = await CheckoutRules(script, limits: limits).run(transaction, now: now)
        return Replay(record: self, run: run, scriptSHA256: SHA256.hex(script.source))
    }

    // MARK: - Reading

    private static func string(_ value: JSONValue?, _ name: String) throws(TestInputError) -> String {
        guard let text = value?.stringValue else { throw TestInputError("\"\(name)\" must be a string") }
        return text
    }

    private static func integer(_ value: JSONValue?, _ name: String) throws(TestInputError) -> Int {
        guard let number = value?.intValue else { throw TestInputError("\"\(name)\" must be an integer") }
        return number
    }

    private static func limits(_ value: JSONValue?) throws(TestInputError) -> LuaLimits {
        guard let object = value?.objectValue else { return .default }
        var limits = LuaLimits.default
        if let value = object["max_instructions"] { limits.maxInstructions = try integer(value, "limits.max_instructions") }
        if let value = object["max_memory"] { limits.maxMemory = try integer(value, "limits.max_memory") }
        if let value = object["timeout_ms"] { limits.timeout = .milliseconds(try integer(value, "limits.timeout_ms")) }
        if let value = object["max_log_bytes"] { limits.maxLogBytes = try integer(value, "limits.max_log_bytes") }
        guard limits.maxInstructions > 0, limits.maxMemory > 0, limits.timeout > .zero, limits.maxLogBytes > 0 else {
            throw TestInputError("the limits must be positive")
        }
        return limits
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        let (millis, overflow) = Int(seconds).multipliedReportingOverflow(by: 1000)
        let (total, overflowSum) = millis.addingReportingOverflow(Int(attoseconds / 1_000_000_000_000_000))
        return overflow || overflowSum ? Int.max : total
    }
}

// MARK: - Script paths

extension CheckoutRecord {
    /// `target` relative to the folder of the file `file` (both relative to the current folder
    /// or absolute), so a record names its script from where it lies.
    /// - Parameters:
    ///   - target: The script's path.
    ///   - file: The record file's path.
    /// - Returns: e.g. `../checkout.lua`.
    public static func relativePath(of target: String, fromFolderOf file: String) -> String {
        let to = URL(fileURLWithPath: target).standardizedFileURL.pathComponents
        let from = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().pathComponents
        var common = 0
        while common < min(to.count, from.count), to[common] == from[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...]).joined(separator: "/")
    }

    /// The recorded script's path, resolved against the folder of the record file.
    /// - Parameter recordFile: The record file's path.
    /// - Returns: The script's path, or nil when the record names none.
    public func scriptPath(relativeTo recordFile: String) -> String? {
        guard let scriptPath else { return nil }
        if scriptPath.hasPrefix("/") { return scriptPath }
        return URL(fileURLWithPath: recordFile).deletingLastPathComponent().appendingPathComponent(scriptPath)
            .standardizedFileURL.path
    }
}
