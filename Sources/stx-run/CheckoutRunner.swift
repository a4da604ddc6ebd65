import ArgumentParser
import CheckoutScripting
import Foundation
import SmartTransactions

/// Runs one checkout and prints it; failures go to stderr and become exit codes.
struct CheckoutRunner {
    var request: CheckoutRequest
    var format: RunCommand.Format
    /// Where to write a replay record (`--record`), if anywhere.
    var record: RecordTarget? = nil

    func run(gateway: some PaymentGateway) async throws {
        let result: CheckoutResult
        do {
            let engine = try CheckoutEngine(script: request.script, limits: request.limits)
            result = try await engine.checkout(request.transaction, now: request.now, gateway: gateway)
        } catch {
            try writeRecord(.failure(error))
            report(error)
            throw ExitStatus(error.error).exitCode
        }
        try writeRecord(.success(result))
        printResult(result)
        if let failure = result.receiptFailure {
            Console.error("The payment succeeded, but on_receipt failed: the API's receipt was printed unchanged.")
            report(failure)
            throw ExitStatus(failure.error).exitCode
        }
    }

    private func printResult(_ result: CheckoutResult) {
        switch format {
        case .text:
            let style: ReceiptRenderer.Style = Console.outputIsTerminal ? .ansi : .plain
            Console.output(CheckoutReport.text(result, style: style))
            for line in result.log { Console.error("log: \(line)") }
        case .json:
            Console.output(String(decoding: JSON.serialize(Self.json(result), pretty: true), as: UTF8.self) + "\n")
        }
    }

    /// The four keys of design.md §4, plus `error` when on_receipt failed.
    static func json(_ result: CheckoutResult) -> JSONValue {
        var object = JSONObject()
        object["transaction"] = result.transaction.json
        object["receipt"] = .array(result.receipt)
        object["audit"] = .array(result.audit.map(\.json))
        object["log"] = .array(result.log.map(JSONValue.string))
        if let failure = result.receiptFailure { object["error"] = .string(failure.description) }
        return .object(object)
    }

    /// Writes the error (one clear sentence first), its traceback, and the audit so far.
    private func report(_ failure: CheckoutFailure) {
        Console.error(failure.description)
        if case .script(_, _, let traceback) = failure.error, !traceback.isEmpty {
            Console.error(traceback)
        }
        for line in failure.log { Console.error("log: \(line)") }
        if !failure.audit.isEmpty {
            Console.error(CheckoutReport.audit(failure.audit))
        }
    }
}
