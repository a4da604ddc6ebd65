import Lua
import SmartTransactions

/// Runs one merchant script's hooks (design.md §3), checkout after checkout.
///
/// The script is compiled once per engine. Every checkout starts from a reset sandbox, so no
/// checkout sees another's globals; the receipt hook of a checkout runs in the same environment
/// as its basket hooks, so a script may keep values from `on_basket` for `on_receipt`.
///
/// Thread safety: an engine is not `Sendable`. Use it from one task or thread at a time; give
/// each worker its own engine.
public final class CheckoutEngine {
    /// The script this engine runs.
    public let script: CheckoutScript
    /// The limits every checkout runs under.
    public let limits: LuaLimits
    /// What the current checkout has used so far: Lua instructions, the Lua state's memory now,
    /// and its peak since the checkout's reset.
    public var usage: LuaUsage { sandbox.usage }
    private let sandbox: LuaSandbox
    private let chunk: LuaChunk
    private let stop = StopReason()
    private var generation = 0

    /// Compiles `script` in a new sandbox.
    /// - Parameters:
    ///   - script: The merchant's script.
    ///   - limits: Instruction, memory, time and output limits per checkout.
    /// - Throws: `CheckoutFailure` with `.script` for a syntax error.
    public init(script: CheckoutScript, limits: LuaLimits = .default) throws(CheckoutFailure) {
        self.script = script
        self.limits = limits
        do {
            sandbox = try LuaSandbox(limits: limits, randomSeed: 0, hostCode: CheckoutModel.hostCode)
            sandbox.register(CheckoutModel.stopFunction) { [stop] arguments in
                stop.record(kind: arguments.first?.stringValue, message: arguments.dropFirst().first?.stringValue)
                return []
            }
            chunk = try sandbox.compile(script.source, chunkName: script.name)
        } catch {
            throw CheckoutFailure(Self.translate(error, hook: "loading the script"))
        }
    }

    /// Runs `on_basket` and, when the basket holds a top-up line, `on_topup`.
    /// - Parameters:
    ///   - transaction: The transaction as the POS built it (or as the API returned it).
    ///   - now: The checkout time, ISO 8601; `tx.now` in the script.
    /// - Returns: The validated transaction to send, with the audit trail and log.
    /// - Throws: `CheckoutFailure` when the script fails, exceeds a limit or rejects the checkout.
    public func prepare(_ transaction: SmartTransaction, now: String) throws(CheckoutFailure) -> PreparedCheckout {
        do { try Self.validateInput(transaction) } catch { throw CheckoutFailure(error) }
        let seed = Self.randomSeed(for: transaction, now: now)
        try start(seed: seed)
        try host("begin", transaction.json, now: now, hook: "on_basket")
        try runHook("on_basket")
        if case .boolean(true)? = try host("has_topup", [], hook: "on_basket").first {
            try runHook("on_topup")
        }
        let export = try host("export", [], hook: "on_basket").first ?? .nil
        let audit = AuditReader.entries(export[field: "audit"])
        do {
            let result = try TransactionMerger.merge(export, into: transaction)
            try Self.validate(result, original: transaction)
            return PreparedCheckout(
                original: transaction, transaction: result, audit: audit, log: sandbox.log,
                now: now, randomSeed: seed, generation: generation)
        } catch {
            throw CheckoutFailure(error, audit: audit, log: sandbox.log)
        }
    }

    /// Runs `on_receipt` on the paid transaction. A paid transaction never loses its receipt:
    /// when the hook fails, the API's receipt comes back unchanged together with the error.
    /// - Parameters:
    ///   - paid: The API's (or the emulator's) answer, status `ok`.
    ///   - prepared: The result of `prepare` for this checkout.
    public func customizeReceipt(of paid: SmartTransaction, prepared: PreparedCheckout) -> ReceiptOutcome {
        let apiLines = paid.json.objectValue?["receipt"].flatMap(\.arrayValue) ?? []
        do {
            if prepared.generation != generation {
                try start(seed: prepared.randomSeed)
            }
            try host("begin_receipt", paid.json, now: prepared.now, hook: "on_receipt")
            try runHook("on_receipt")
            let export = try host("export_receipt", [], hook: "on_receipt").first ?? .nil
            let lines = try Self.receiptLines(export[field: "lines"].items, apiLines: apiLines)
            return ReceiptOutcome(
                receipt: lines, audit: AuditReader.entries(export[field: "audit"]), log: sandbox.log, failure: nil)
        } catch {
            return ReceiptOutcome(receipt: apiLines, audit: error.audit, log: sandbox.log, failure: error)
        }
    }

    // MARK: - Running

    private func start(seed: Int) throws(CheckoutFailure) {
        stop.clear()
        sandbox.reset(randomSeed: seed)
        generation += 1
        do { _ = try sandbox.run(chunk) } catch { throw failure(error, hook: "the script's top level") }
    }

    private func runHook(_ name: String) throws(CheckoutFailure) {
        try host("run_hook", [.string(LuaString(name))], hook: name)
    }

    @discardableResult
    private func host(_ function: String, _ arguments: [LuaValue], hook: String) throws(CheckoutFailure) -> [LuaValue] {
        do { return try sandbox.callHost(function, arguments) } catch { throw failure(error, hook: hook) }
    }

    /// Calls `function(transaction, now)`, the transaction pushed straight from its JSON.
    private func host(_ function: String, _ transaction: JSONValue, now: String, hook: String) throws(CheckoutFailure) {
        do {
            _ = try sandbox.callHost(function) { writer in
                LuaBridge.push(transaction, to: &writer)
                writer.push(now)
            }
        } catch {
            throw failure(error, hook: hook)
        }
    }

    /// The failure for a Lua error. A rejection or an output limit that the model recorded wins
    /// over whatever ended the run afterwards: a script's `pcall` cannot hide either.
    private func failure(_ error: LuaError, hook: String) -> CheckoutFailure {
        var checkoutError = Self.translate(error, hook: hook)
        switch stop.reason {
        case .reject(let message)?: checkoutError = .rejected(message)
        case .output(let message)?: checkoutError = .limitExceeded(.output, message: message)
        case nil: break
        }
        var audit: [AuditEntry] = []
        if case .runtime = error {
            audit = (try? sandbox.callHost("audit", []).first).map(AuditReader.entries) ?? []
        }
        return CheckoutFailure(checkoutError, audit: audit, log: sandbox.log)
    }

    static func translate(_ error: LuaError, hook: String) -> CheckoutError {
        switch error {
        case .syntax(let message):
            return .script(hook: hook, message: message, traceback: "")
        case .runtime(let message, let traceback):
            return .script(hook: hook, message: message, traceback: traceback)
        case .memoryLimit(let bytes):
            return .limitExceeded(.memory, message: "\(hook) used more than \(bytes) bytes of Lua memory")
        case .instructionLimit(let count):
            return .limitExceeded(.instructions, message: "\(hook) ran more than \(count) Lua instructions")
        case .timeout(let duration):
            return .limitExceeded(.time, message: "\(hook) ran longer than \(duration)")
        case .outputLimit(let bytes):
            return .limitExceeded(.output, message: "\(hook) logged more than \(bytes) bytes")
        case .host(let message):
            return .script(hook: hook, message: "host error: \(message)", traceback: "")
        }
    }

    // MARK: - Rules

    /// The transaction as it arrives must already keep the rules of §3: an invalid input is the
    /// caller's error (exit 2), not the script's.
    private static func validateInput(_ transaction: SmartTransaction) throws(CheckoutError) {
        if BasketPrecheck.isPlainlyValid(transaction.json, checkSum: false) { return }
        guard transaction.basket != nil else {
            throw .invalidInput("the transaction has no basket: a smart.transactions object needs basket.products")
        }
        if let violation = BasketValidator.violations(of: transaction, original: nil, checkSum: false).first {
            throw .invalidInput("the transaction breaks a basket rule: \(violation.description)")
        }
        do { _ = try transaction.basket?.total() } catch {
            throw .invalidInput("the basket's total is out of range: \(error)")
        }
    }

    /// The receipt to print: the API's lines, each exactly once and in their order (fiscal
    /// content), with the script's lines around them.
    private static func receiptLines(_ exported: [LuaValue], apiLines: [JSONValue]) throws(CheckoutFailure) -> [JSONValue] {
        var lines: [JSONValue] = []
        var nextAPILine = 1
        for line in exported {
            if let index = line[field: "api_index"].integerValue {
                guard index == nextAPILine, apiLines.indices.contains(index - 1) else {
                    throw CheckoutFailure(.script(
                        hook: "on_receipt", message: "the API's receipt lines were removed or reordered", traceback: ""))
                }
                nextAPILine += 1
                lines.append(apiLines[index - 1])
            } else {
                lines.append(LuaBridge.json(line[field: "line"]))
            }
        }
        guard nextAPILine == apiLines.count + 1 else {
            throw CheckoutFailure(.script(hook: "on_receipt", message: "the API's receipt lines were removed", traceback: ""))
        }
        return lines
    }

    /// The invariants of design.md §3 on the final basket; the model already enforces them on
    /// every write, so a violation here is a bug caught before anything is sent.
    private static func validate(_ result: SmartTransaction, original: SmartTransaction) throws(CheckoutError) {
        if BasketPrecheck.isPlainlyValid(result.json, checkSum: true),
           BasketPrecheck.haveSameCurrency(result.json, original.json) {
            return
        }
        if let violation = BasketValidator.violations(of: result, original: original).first {
            throw .script(hook: "after the hooks", message: violation.description, traceback: "")
        }
    }

    /// A seed from the transaction and the checkout time, so runs replay exactly.
    static func randomSeed(for transaction: SmartTransaction, now: String) -> Int {
        let bytes = Array(JSON.serialize(transaction.json, pretty: false)) + Array(now.utf8)
        return Int(truncatingIfNeeded: Fingerprint.fnv1a(bytes) >> 1)
    }
}

extension JSONValue {
    /// The array, if this value is one.
    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }
}
