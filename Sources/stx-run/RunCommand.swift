import ArgumentParser
import CheckoutScripting
import Foundation
import Lua
import SmartTransactions
import Secuconnect
import STXEmulator

/// `stx-run SCRIPT …`: one checkout, offline on the emulator or on secuconnect with `--send`.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a checkout script on a transaction (the default command)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The checkout script: Lua 5.4 source text.")
    var script: String

    @Option(help: "A smart.transactions JSON file, or - for standard input. Default: a built-in demo transaction.")
    var transaction: String?

    @Option(help: "The checkout time the script sees as tx.now (ISO 8601, e.g. 2026-11-25T17:30:00+01:00). Default: now.")
    var now: String?

    @Option(help: "text (basket, VAT, audit trail, receipt) or json (transaction, receipt, audit, log).")
    var format: Format = .text

    @Flag(help: "Create and start the transaction on secuconnect (credentials from the environment).")
    var send = false

    @Option(help: "With --send: testing, live, or an API base URL.")
    var env: String?

    @Option(help: "Lua instructions per checkout (default 20000000).")
    var maxInstructions: Int?

    @Option(help: "Lua memory per checkout in bytes (default 33554432).")
    var maxMemory: Int?

    @Option(help: "Wall time per checkout in seconds (default 1).")
    var timeout: Double?

    @Option(help: "Write a replayable record of the checkout to FILE (see stx-run replay).")
    var record: String?

    func validate() throws {
        if let now, !ISOTime.isValid(now) {
            throw ValidationError("--now must be an ISO 8601 time with an offset, like 2026-11-25T17:30:00+01:00; got \(now)")
        }
        if let maxInstructions, maxInstructions < 1 { throw ValidationError("--max-instructions must be at least 1") }
        if let maxMemory, maxMemory < 65_536 { throw ValidationError("--max-memory must be at least 65536 bytes") }
        if let timeout, !(timeout > 0 && timeout <= 3600) { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
        if env != nil && !send { throw ValidationError("--env only applies with --send") }
        if record != nil && send { throw ValidationError("--record works with the built-in emulator only: run without --send") }
    }

    func run() async throws {
        let request = try CheckoutRequest(
            scriptPath: script, transactionPath: transaction, now: now ?? ISOTime.now(), limits: limits())
        let gateway = try makeGateway(now: request.now)
        let runner = CheckoutRunner(request: request, format: format, record: record.map { RecordTarget(path: $0, scriptPath: script) })
        do {
            try await runner.run(gateway: gateway)
        } catch {
            await (gateway as? SecuconnectGateway)?.client.shutdown()
            throw error
        }
        await (gateway as? SecuconnectGateway)?.client.shutdown()
    }

    private func limits() -> LuaLimits {
        var limits = LuaLimits.default
        if let maxInstructions { limits.maxInstructions = maxInstructions }
        if let maxMemory { limits.maxMemory = maxMemory }
        if let timeout { limits.timeout = .milliseconds(Int((timeout * 1000).rounded())) }
        return limits
    }

    /// The emulator, or with `--send` secuconnect with credentials from the environment only.
    private func makeGateway(now: String) throws -> any PaymentGateway {
        guard send else { return EmulatorGateway(emulator: TransactionEmulator(clock: { now })) }
        do {
            let environment = try SecuconnectEnvironment(parsing: env ?? "testing")
            let credentials = try SecuconnectCredentials.fromEnvironment(ProcessInfo.processInfo.environment)
            return SecuconnectGateway(client: SecuconnectClient(environment: environment, credentials: credentials))
        } catch {
            Console.error("Invalid input: \(error.description)")
            throw ExitStatus.usage.exitCode
        }
    }
}
