import CheckoutScripting
import Lua
import SmartTransactions
import STXEmulator

/// A merchant's rules under test: a checkout script and the limits it runs under.
///
/// Every ``run(_:now:)`` is a whole checkout exactly as `stx-run SCRIPT` performs it: a fresh
/// engine, the pre-API hooks, payment on a fresh built-in emulator (seed
/// ``emulatorSeed``, clock `now`), then `on_receipt`. So a run here and a run of the CLI on the
/// same input give the same output, and a replay record from either reproduces in the other.
public struct CheckoutRules: Sendable {
    /// The seed of the emulator's ids, TA codes and receipt numbers (the CLI's default too).
    public static let emulatorSeed: UInt64 = 1

    /// The script under test.
    public var script: CheckoutScript
    /// The limits every checkout runs under.
    public var limits: LuaLimits

    /// Rules from a script.
    /// - Parameters:
    ///   - script: The checkout script.
    ///   - limits: Instruction, memory, time and log limits per checkout.
    public init(_ script: CheckoutScript, limits: LuaLimits = .default) {
        self.script = script
        self.limits = limits
    }

    /// Rules from a script file.
    /// - Parameters:
    ///   - path: The script's path.
    ///   - limits: Instruction, memory, time and log limits per checkout.
    /// - Throws: ``TestInputError`` when the file cannot be read or is not UTF-8 text.
    public init(contentsOfFile path: String, limits: LuaLimits = .default) throws(TestInputError) {
        do {
            self.init(try CheckoutScript(contentsOfFile: path), limits: limits)
        } catch {
            throw TestInputError(error.description)
        }
    }

    /// The same rules under other limits, e.g. to prove a rule stays within a small budget.
    /// - Parameter limits: The limits.
    /// - Returns: A copy with `limits`.
    public func limited(to limits: LuaLimits) -> CheckoutRules {
        CheckoutRules(script, limits: limits)
    }

    /// Runs a whole checkout. It never throws for what the script does: a rejection, a script
    /// error or a limit is part of the returned run.
    /// - Parameters:
    ///   - transaction: The transaction as the POS built it.
    ///   - now: The checkout time, ISO 8601 (`tx.now`).
    /// - Returns: The run: the basket after the hooks, the receipt, the audit trail, or why it stopped.
    public func run(_ transaction: SmartTransaction, now: String = CheckoutTime.default) async -> RuleRun {
        let engine: CheckoutEngine
        do {
            engine = try CheckoutEngine(script: script, limits: limits)
        } catch {
            return RuleRun(input: transaction, now: now, outcome: .failure(error))
        }
        let gateway = EmulatorGateway(emulator: TransactionEmulator(clock: { now }, seed: Self.emulatorSeed))
        do {
            let result = try await engine.checkout(transaction, now: now, gateway: gateway)
            return RuleRun(input: transaction, now: now, outcome: .success(result))
        } catch {
            return RuleRun(input: transaction, now: now, outcome: .failure(error))
        }
    }

    /// Builds the transaction and runs a whole checkout.
    /// - Parameters:
    ///   - transaction: The transaction to build.
    ///   - now: The checkout time, ISO 8601 (`tx.now`).
    /// - Returns: The run.
    /// - Throws: ``TestInputError`` when the transaction cannot be built (e.g. amounts overflow).
    public func run(_ transaction: TransactionBuilder, now: String = CheckoutTime.default) async throws(TestInputError) -> RuleRun {
        await run(try transaction.build(), now: now)
    }
}
