import ArgumentParser
import STXSandboxServer

/// `stx-run sandbox [--port N] [--fault RULE…]`: the API emulator on 127.0.0.1 until Ctrl-C.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve a local emulator of the secuconnect Smart Transactions API on 127.0.0.1.",
        discussion: """
            Point a client at it with --env http://127.0.0.1:PORT and the credentials \
            STX_CLIENT_ID=\(SandboxConfiguration.defaultClientID) and STX_CLIENT_SECRET (see the README). \
            Per request, the header X-STX-Fault injects faults (delay=MS, status=5xx, drop-after-commit, expire-token).
            """
    )

    @Option(help: "The port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 8089

    @Option(help: "A fault the server injects by itself, e.g. 'start:drop-after-commit' (repeatable).")
    var fault: [String] = []

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let rules: [SandboxFaultRule]
        do { rules = try fault.map(SandboxFaultRule.init(parsing:)) } catch {
            throw ValidationError("--fault: \(error)")
        }
        try await SandboxServer.run(port: port, faults: rules) { endpoint in
            Console.error("stx sandbox listening on \(endpoint) — Ctrl-C stops it")
        }
    }
}
