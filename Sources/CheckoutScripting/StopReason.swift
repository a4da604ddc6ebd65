/// Why the checkout model stopped a checkout (`tx:reject` or an output limit), kept in Swift so
/// that neither a script's `pcall` nor a limit hit afterwards can hide it.
final class StopReason: @unchecked Sendable {
    enum Reason: Equatable {
        case reject(String)
        case output(String)
    }

    /// The first reason of the current checkout. Only touched by the engine's thread.
    private(set) var reason: Reason?

    func record(kind: String?, message: String?) {
        guard reason == nil else { return }
        let text = message ?? ""
        reason = kind == "reject" ? .reject(text) : .output(text)
    }

    func clear() {
        reason = nil
    }
}
