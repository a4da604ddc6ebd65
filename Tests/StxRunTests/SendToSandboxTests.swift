import Foundation
import Testing

/// Issue 5's acceptance: a checkout sent to `stx-run sandbox` over real HTTP on 127.0.0.1 prints
/// the same receipt as the offline run on the built-in emulator.
@Suite("stx-run --send against stx-run sandbox")
struct SendToSandboxTests {
    static let now = "2026-11-25T17:30:00+01:00"

    @Test("--send prints the same receipt as the offline run, for every example", arguments: ExamplesTests.examples)
    func sameReceiptAsOffline(example: String) throws {
        let sandbox = try SandboxProcess.start()
        defer { sandbox.stop() }
        let folder = "Examples/\(example)"
        let arguments = ["\(folder)/checkout.lua", "--transaction", "\(folder)/transaction.json", "--now", Self.now]
        let offline = try StxRunProcess.run(arguments)
        var environment = ProcessInfo.processInfo.environment
        environment["STX_CLIENT_ID"] = "stx-sandbox"
        environment["STX_CLIENT_SECRET"] = "stx-sandbox-secret"
        let sent = try StxRunProcess.run(arguments + ["--send", "--env", sandbox.url], environment: environment)
        #expect(sent.status == offline.status, "stderr: \(sent.stderr)")
        #expect(Self.receipt(of: sent.stdout) == Self.receipt(of: offline.stdout))
        #expect(!Self.receipt(of: sent.stdout).isEmpty)
        #expect(!sent.stdout.contains("stx-sandbox-secret") && !sent.stderr.contains("stx-sandbox-secret"))
    }

    @Test("--send without credentials is a usage error that names the variables, and sends nothing")
    func missingCredentials() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["STX_CLIENT_ID"] = nil
        environment["STX_CLIENT_SECRET"] = nil
        environment["STX_DEVICE_TOKEN_FILE"] = nil
        let output = try StxRunProcess.run(
            ["Examples/happy-hour/checkout.lua", "--send", "--env", "http://127.0.0.1:9", "--now", Self.now],
            environment: environment)
        #expect(output.status == 2)
        #expect(output.stderr.contains("STX_CLIENT_ID"))
    }

    /// The text after the "Receipt" heading.
    static func receipt(of output: String) -> String {
        guard let range = output.range(of: "\nReceipt\n") else { return "" }
        return String(output[range.upperBound...])
    }
}

/// `stx-run sandbox --port 0` in a child process; its URL is read from its first line on stderr.
final class SandboxProcess {
    private let process: Process
    let url: String

    private init(process: Process, url: String) {
        self.process = process
        self.url = url
    }

    static func start() throws -> SandboxProcess {
        let process = Process()
        process.executableURL = StxRunProcess.executable
        process.arguments = ["sandbox", "--port", "0"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        let announcement = /stx sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/
        while text.firstMatch(of: announcement) == nil {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let match = text.firstMatch(of: announcement) else {
            process.terminate()
            throw SandboxStartError(output: text)
        }
        return SandboxProcess(process: process, url: String(match.output.1))
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

struct SandboxStartError: Error, CustomStringConvertible {
    var output: String
    var description: String { "stx-run sandbox did not report its URL: \(output)" }
}
