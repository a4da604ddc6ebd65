import Foundation
import SmartTransactions

extension SecuconnectClient {
    /// `POST /Smart/Transactions/{id}/start/{method}` without ever charging twice.
    ///
    /// The start is sent once, with the long start timeout. If it gets no clear answer (a timeout,
    /// a dropped connection, a 5xx), the client reads the transaction's status before anything
    /// else: a status past `created`/`processing` means done; a start that provably never reached
    /// the server is sent once more; otherwise the status is read again until
    /// ``StartRecoveryPolicy/settleTimeout``, and then the outcome is reported as unknown.
    /// - Parameters:
    ///   - id: the `STX_…` id.
    ///   - method: the payment method, e.g. `cash`, `cashless`, `loyalty`.
    ///   - body: the optional start body (e.g. `tid`, `trace`, `cardtype` for `cashless_direct`).
    /// - Returns: the transaction after the start; its status may be `failed` (the payment was declined).
    /// - Throws: ``SecuconnectError``; ``SecuconnectError/startOutcomeUnknown(transactionID:lastKnownStatus:reason:)``
    ///   when the client cannot tell whether the payment was executed.
    public func start(_ id: String, method: String, body: JSONValue? = nil) async throws(SecuconnectError)
        -> SmartTransaction
    {
        let path = try Path.transaction(id) + "/start/" + (try Path.segment(method, what: "payment method"))
        var recovery = StartRecovery(transactionID: id, policy: configuration.startRecovery)
        var observation = await attemptStart(path, body: body)
        while true {
            switch recovery.decide(observation, now: .now) {
            case .finish(let transaction):
                return transaction
            case .report(let error):
                logger.warning("start not completed", metadata: ["id": "\(id)", "error": "\(error)"])
                throw error
            case .startAgain:
                logger.warning("the start never reached secuconnect and the transaction is not started: starting again", metadata: ["id": "\(id)"])
                observation = await attemptStart(path, body: body)
            case .readStatus(let pause):
                observation = await readStatus(id, after: pause)
            }
        }
    }

    /// Sends the start once and sorts the outcome.
    private func attemptStart(_ path: String, body: JSONValue?) async -> StartRecovery.Observation {
        let outcome: Result<HTTPReply, TransportFailure>
        do {
            outcome = try await authorized(.POST, path, body: body, timeout: configuration.timeouts.start)
        } catch {
            return .refused(error)
        }
        switch outcome {
        case .failure(let failure):
            logger.warning("the start got no answer; reading the status before deciding", metadata: ["failure": "\(failure)"])
            return .unclear(.transport(operation: "start", failure), delivered: failure.kind != .notDelivered)
        case .success(let reply):
            return await observe(reply)
        }
    }

    private func observe(_ reply: HTTPReply) async -> StartRecovery.Observation {
        let secrets = await secrets()
        guard reply.isSuccess else {
            let error = APIReply.error(reply, operation: "start", hiding: secrets)
            return reply.status >= 500 ? .unclear(error, delivered: true) : .refused(error)
        }
        do {
            return .answered(try APIReply.transaction(reply, operation: "start", hiding: secrets))
        } catch {
            return .unclear(error, delivered: true)
        }
    }

    private func readStatus(_ id: String, after pause: Duration) async -> StartRecovery.Observation {
        if pause > .zero { try? await Task.sleep(for: pause) }
        if Task.isCancelled {
            return .refused(
                .startOutcomeUnknown(transactionID: id, lastKnownStatus: nil, reason: "the task was cancelled"))
        }
        do {
            let transaction = try await get(id)
            logger.info("status read after an unclear start", metadata: ["id": "\(id)", "status": "\(transaction.status?.rawValue ?? "none")"])
            return .status(transaction)
        } catch {
            return .statusUnreadable(error)
        }
    }
}
