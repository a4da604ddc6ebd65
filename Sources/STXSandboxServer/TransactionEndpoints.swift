import Foundation
import Hummingbird
import STXEmulator
import SmartTransactions

/// The Smart Transactions endpoints under `/api/v2`, each delegating to the emulator.
struct TransactionEndpoints: Sendable {
    let pipeline: SandboxPipeline
    let emulator: TransactionEmulator
    let ledger: SandboxLedger

    private static let base = "/api/v2/Smart/Transactions"

    func register(on router: Router<SandboxContext>) {
        router.post(RouterPath(stringLiteral: Self.base)) { request, context in
            try await pipeline.serve(.create, id: nil, request: request, context: context) { body, _ in
                Self.answer { () throws(APIErrorPayload) in try emulator.create(try Self.parse(body)).json }
            }
        }
        registerReads(on: router)
        registerActions(on: router)
    }

    private func registerReads(on router: Router<SandboxContext>) {
        router.get(RouterPath(stringLiteral: Self.base + "/:id")) { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await pipeline.serve(.get, id: id, request: request, context: context) { _, _ in
                Self.answer { () throws(APIErrorPayload) in try emulator.get(id).json }
            }
        }
        router.put(RouterPath(stringLiteral: Self.base + "/:id")) { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await pipeline.serve(.update, id: id, request: request, context: context) { body, _ in
                Self.answer { () throws(APIErrorPayload) in try emulator.update(id, try Self.parse(body)).json }
            }
        }
    }

    private func registerActions(on router: Router<SandboxContext>) {
        router.post(RouterPath(stringLiteral: Self.base + "/:id/preTransaction")) { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await pipeline.serve(.preTransaction, id: id, request: request, context: context) { _, _ in
                Self.answer { () throws(APIErrorPayload) in try emulator.preTransaction(id) }
            }
        }
        router.post(RouterPath(stringLiteral: Self.base + "/:id/start/:method")) { request, context in
            let id = context.parameters.get("id") ?? ""
            let method = context.parameters.get("method") ?? ""
            return try await pipeline.serve(.start, id: id, request: request, context: context) { _, _ in
                Self.answer { () throws(APIErrorPayload) in
                    let started = try emulator.start(id, method: method)
                    ledger.recordCommit(id)
                    return started.json
                }
            }
        }
        router.post(RouterPath(stringLiteral: Self.base + "/:id/cancel")) { request, context in
            let id = context.parameters.get("id") ?? ""
            return try await pipeline.serve(.cancel, id: id, request: request, context: context) { _, _ in
                Self.answer { () throws(APIErrorPayload) in try emulator.cancel(id).json }
            }
        }
        for spelling in ["canceltrx", "cancelTrx"] {
            router.post(RouterPath(stringLiteral: Self.base + "/:id/" + spelling)) { request, context in
                let receipt = context.parameters.get("id") ?? ""
                return try await pipeline.serve(.cancelTrx, id: receipt, request: request, context: context) { _, _ in
                    Self.answer { () throws(APIErrorPayload) in
                        guard let number = Int(receipt) else { throw Self.notFound("Unknown id") }
                        return try emulator.cancelTrx(receiptNumber: number).json
                    }
                }
            }
        }
    }

    /// A 200 with the JSON, or the emulator's error payload with its HTTP status.
    private static func answer(_ work: () throws(APIErrorPayload) -> JSONValue) -> Response {
        do {
            return SandboxReply.json(try work())
        } catch {
            return SandboxReply.error(error)
        }
    }

    /// The request body as JSON, or the API's format error.
    private static func parse(_ body: [UInt8]) throws(APIErrorPayload) -> JSONValue {
        do {
            return try JSON.parse(Data(body))
        } catch {
            throw APIErrorPayload(
                error: "ProductFormatException", details: "The body is not valid JSON: \(error)",
                user: "Die Anfrage ist ungültig.", code: 400, supportID: SandboxReply.supportID())
        }
    }

    private static func notFound(_ details: String) -> APIErrorPayload {
        APIErrorPayload(
            error: "ProductNotFoundException", details: details, user: "Der Beleg wurde nicht gefunden.", code: 404,
            supportID: SandboxReply.supportID())
    }
}
