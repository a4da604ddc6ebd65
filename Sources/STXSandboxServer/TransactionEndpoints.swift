import Hummingbird

/// The Smart Transactions endpoints under `/api/v2`.
struct TransactionEndpoints: Sendable {
    let pipeline: SandboxPipeline
    let configuration: SandboxConfiguration
    let ledger: SandboxLedger

    func register(on router: Router<SandboxContext>) {}
}
