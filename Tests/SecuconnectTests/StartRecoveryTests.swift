import SmartTransactions
import Testing

@testable import Secuconnect

/// The "No double charge" state machine on its own, without HTTP: every branch of the README's table.
@Suite("StartRecovery decisions")
struct StartRecoveryTests {
    private let policy = StartRecoveryPolicy(settleTimeout: .seconds(10), pollInterval: .seconds(1))
    private let t0 = ContinuousClock.now
    private let timeout = SecuconnectError.transport(
        operation: "start", TransportFailure(kind: .timedOut, detail: "deadline"))
    private let refused = SecuconnectError.transport(
        operation: "start", TransportFailure(kind: .notDelivered, detail: "refused"))

    private func transaction(_ status: String) throws -> SmartTransaction {
        try SmartTransaction(json: ["object": "smart.transactions", "id": "STX_1", "status": .string(status)])
    }

    @Test("a clear answer finishes; a 4xx refusal is reported as is")
    func clearAnswers() throws {
        var machine = StartRecovery(transactionID: "STX_1", policy: policy)
        guard case .finish(let tx) = machine.decide(.answered(try transaction("ok")), now: t0) else {
            Issue.record("a 2xx answer must finish")
            return
        }
        #expect(tx.status == .ok)
        let error = SecuconnectError.api(SecuconnectAPIError(httpStatus: 400, error: "ProductFormatException"))
        guard case .report(let reported) = machine.decide(.refused(error), now: t0) else {
            Issue.record("a refusal must be reported")
            return
        }
        #expect(reported == error)
    }

    @Test("after an unclear start the status is read first, and a status past created finishes", arguments: [
        "ok", "failed", "pending", "cancelled", "something-new",
    ])
    func unclearThenFinal(status: String) throws {
        var machine = StartRecovery(transactionID: "STX_1", policy: policy)
        guard case .readStatus(let pause) = machine.decide(.unclear(timeout, delivered: true), now: t0) else {
            Issue.record("an unclear start must read the status")
            return
        }
        #expect(pause == .zero)
        guard case .finish(let tx) = machine.decide(.status(try transaction(status)), now: t0) else {
            Issue.record("status \(status) must finish")
            return
        }
        #expect(tx.status?.rawValue == status)
        #expect(machine.startsSent == 1)
    }

    @Test("a delivered start whose status stays created is polled, then reported, never started again", arguments: [
        "created", "processing", "approved",
    ])
    func deliveredNeverRestarted(status: String) throws {
        var machine = StartRecovery(transactionID: "STX_1", policy: policy)
        _ = machine.decide(.unclear(timeout, delivered: true), now: t0)
        guard case .readStatus(let pause) = machine.decide(.status(try transaction(status)), now: t0 + .seconds(9))
        else {
            Issue.record("before the settle deadline the status must be read again")
            return
        }
        #expect(pause == .seconds(1))
        guard case .report(let error) = machine.decide(.status(try transaction(status)), now: t0 + .seconds(10)) else {
            Issue.record("after the settle deadline the outcome must be reported")
            return
        }
        guard case .startOutcomeUnknown(let id, let last, _) = error else {
            Issue.record("expected startOutcomeUnknown, got \(error)")
            return
        }
        #expect(id == "STX_1")
        #expect(last == status)
        #expect(machine.startsSent == 1)
    }

    @Test("a start that never reached the server is sent once more when the status confirms it, and only once")
    func notDeliveredRestartsOnce() throws {
        var machine = StartRecovery(transactionID: "STX_1", policy: policy)
        _ = machine.decide(.unclear(refused, delivered: false), now: t0)
        guard case .startAgain = machine.decide(.status(try transaction("created")), now: t0) else {
            Issue.record("an undelivered start of a created transaction must be sent again")
            return
        }
        #expect(machine.startsSent == 2)
        _ = machine.decide(.unclear(refused, delivered: false), now: t0)
        guard case .report(let error) = machine.decide(.status(try transaction("created")), now: t0) else {
            Issue.record("a second undelivered start must be reported")
            return
        }
        #expect(error == refused)
        #expect(machine.startsSent == 2)
    }

    @Test("an undelivered start is not repeated when the policy forbids it")
    func restartDisabled() throws {
        var machine = StartRecovery(
            transactionID: "STX_1", policy: StartRecoveryPolicy(restartWhenNotDelivered: false))
        _ = machine.decide(.unclear(refused, delivered: false), now: t0)
        guard case .report = machine.decide(.status(try transaction("created")), now: t0) else {
            Issue.record("with restarts disabled the outcome must be reported")
            return
        }
        #expect(machine.startsSent == 1)
    }

    @Test("unreadable status: read again until the deadline, then report the outcome as unknown")
    func unreadableStatus() {
        var machine = StartRecovery(transactionID: "STX_1", policy: policy)
        _ = machine.decide(.unclear(timeout, delivered: true), now: t0)
        let readFailure = SecuconnectError.transport(operation: "read", TransportFailure(kind: .timedOut, detail: "x"))
        guard case .readStatus = machine.decide(.statusUnreadable(readFailure), now: t0 + .seconds(1)) else {
            Issue.record("an unreadable status must be read again before the deadline")
            return
        }
        guard case .report(.startOutcomeUnknown(_, nil, let reason)) =
            machine.decide(.statusUnreadable(readFailure), now: t0 + .seconds(11))
        else {
            Issue.record("after the deadline an unreadable status must be reported as unknown")
            return
        }
        #expect(reason.contains("reading the status failed"))
    }
}
